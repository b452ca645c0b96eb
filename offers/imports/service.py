"""The steps put together, the same for the admin and the command line: check a file, plan it, apply it."""

from __future__ import annotations

from dataclasses import dataclass

from offers.imports.apply import apply_plan
from offers.imports.plan import Plan, make_plan
from offers.imports.validate import Problem, check_file
from offers.models import ImportLog


@dataclass
class Preview:
    problems: list[Problem]
    plan: Plan | None  # None when there are problems: nothing may be written


def preview(*, data: bytes, partner, complete: bool) -> Preview:
    checked = check_file(data, partner=partner)
    if checked.problems:
        return Preview(checked.problems, None)
    return Preview([], make_plan(partner=partner, offers=checked.offers, complete=complete))


def import_file(
    *, data: bytes, partner, complete: bool, by, file_name: str, **options
) -> tuple[Preview, ImportLog | None]:
    """Checks and plans the file again and writes it only if it has no problem (options: see apply_plan)."""
    result = preview(data=data, partner=partner, complete=complete)
    if result.plan is None:
        return result, None
    return result, apply_plan(plan=result.plan, by=by, file_name=file_name, **options)
