"""The problems of a file as lines of plain text, for the command line and the feed's e-mail."""

from __future__ import annotations

from django.utils.translation import gettext as _


def report_lines(problems) -> list[str]:
    lines = []
    for problem in problems:
        where = [_("Zeile %(row)s") % {"row": problem.row}] if problem.row else []
        where += [_("Spalte „%(column)s“") % {"column": problem.column}] if problem.column else []
        lines.append(f"{', '.join(where) or _('Datei')}: {problem.message}")
    return lines


def counts_line(counts: dict) -> str:
    return _("%(new)s neu, %(changed)s geändert, %(unchanged)s unverändert, %(archived)s archiviert") % counts
