"""The consent text a request or case refers to.

Bump CONSENT_VERSION whenever this text or the one at /datenschutz/#anfrage changes.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-01"
CONSENT_TEXT = _(
    "Ich willige ein, dass die gewählte Beratungsstelle meine Angaben speichert, um meine Anfrage zu bearbeiten "
    "und mich zu beraten. Ich kann die Einwilligung jederzeit widerrufen."
)
