"""The next step in plain language and the kinds of offer that lead there: pure functions, no database."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from guide.eligibility import ACADEMIC, ADVANCED, NO_QUALIFICATION, SKILLED, Goal, Who

# Offer.Kind values that serve each goal; STAFF (a company qualifying its people) depends on the step.
GOAL_KINDS = {
    Goal.QUALIFICATION: ["teilqualifizierung", "externenpruefung", "umschulung"],
    Goal.ADVANCE: ["aufstiegsfortbildung", "studium"],
    Goal.ADAPT: ["anpassung", "inhouse"],
    Goal.GERMAN: ["sprachkurs"],
    Goal.RECOGNITION: ["anpassung"],  # Anpassungsqualifizierung: what the recognition notice finds missing
}
# The migrants' routes look for offers made for a group rather than of a kind (TargetGroup slugs) …
GOAL_TARGET_GROUPS = {Goal.RECOGNITION: "migration", Goal.BUSINESS: "gruendung"}
# … and for the advice that route needs (partners' Service slugs): recognition counselling, start-up advice.
GOAL_SERVICES = {Goal.RECOGNITION: "anerkennungsberatung", Goal.BUSINESS: "existenzgruendung"}
RECOGNITION_FINDER_URL = "https://www.anerkennung-in-deutschland.de/html/de/pro/anerkennungs-finder.php"
STEP_KINDS = {
    NO_QUALIFICATION: GOAL_KINDS[Goal.QUALIFICATION],
    SKILLED: ["aufstiegsfortbildung", "anpassung", "inhouse"],
    ADVANCED: ["studium", "anpassung", "inhouse"],
    ACADEMIC: ["anpassung", "inhouse", "studium"],
}


@dataclass(frozen=True)
class NextStep:
    title: str
    text: str


def offer_kinds(*, goal: str | None, step: str | None) -> list[str]:
    """The offer kinds to look for; empty means every kind."""
    if goal in GOAL_KINDS:
        return GOAL_KINDS[goal]
    return STEP_KINDS.get(step, []) if goal == Goal.STAFF else []


def next_step(*, who: str | None, step: str | None, goal: str | None) -> NextStep:
    if who == Who.TRAINING:
        return NextStep(
            _("In Ausbildung oder Schule: zuerst den Abschluss schaffen"),
            _(
                "Ihre Kammer berät zu Zusatzqualifikationen und Prüfungsvorbereitung. Mit dem Abschluss stehen "
                "Ihnen Aufstiegsfortbildungen und Stipendien offen."
            ),
        )
    if goal in (Goal.RECOGNITION, Goal.BUSINESS):
        return _migrant_route_step(goal)
    if who == Who.COMPANY:
        return _company_step(step)
    if goal == Goal.GERMAN:
        return NextStep(
            _("Deutsch für den Beruf: ein berufsbezogener Sprachkurs"),
            _(
                "Berufssprachkurse verbinden Deutsch mit Fachsprache. Danach geht es mit dem Abschluss oder "
                "einer Weiterbildung weiter; wer einen ausländischen Abschluss hat, lässt ihn anerkennen."
            ),
        )
    return _person_step(step, goal)


def _person_step(step: str | None, goal: str | None) -> NextStep:
    if step == NO_QUALIFICATION:
        return NextStep(
            _("Ohne Berufsabschluss: Teilqualifizierung oder Vorbereitung auf die Externenprüfung"),
            _(
                "Mit Berufserfahrung holen Sie den Abschluss über die Externenprüfung nach – zugelassen wird, wer "
                "das Anderthalbfache der Ausbildungszeit im Beruf gearbeitet hat. Teilqualifizierungen führen in "
                "Modulen dorthin, eine Umschulung dauert meist zwei Jahre."
            ),
        )
    if step == SKILLED and goal != Goal.ADAPT:
        return NextStep(
            _("Als Fachkraft: Aufstiegsfortbildung zur Meisterin, zum Techniker oder zur Fachwirtin"),
            _(
                "Eine Aufstiegsfortbildung führt zu einem Abschluss auf Bachelor-Niveau (DQR 6). "
                "Das Aufstiegs-BAföG übernimmt einen großen Teil der Kosten, ohne Altersgrenze."
            ),
        )
    if step == ADVANCED and goal != Goal.ADAPT:
        return NextStep(
            _("Nach Meister, Techniker oder Fachwirt: berufsbegleitend studieren"),
            _("Mit einer Aufstiegsfortbildung können Sie ohne Abitur studieren, auch neben dem Beruf."),
        )
    if step in (SKILLED, ADVANCED, ACADEMIC):
        return NextStep(
            _("Kenntnisse anpassen: Weiterbildung im eigenen Beruf"),
            _(
                "Anpassungsweiterbildungen halten Ihr Wissen aktuell, zum Beispiel zu Digitalisierung oder neuen "
                "Techniken – oft berufsbegleitend und in kurzen Modulen."
            ),
        )
    return NextStep(
        _("Zuerst klären, wo Sie stehen: eine kostenlose Beratung"),
        _("Die Anlaufstellen des Lotsennetzwerks klären mit Ihnen, welcher Abschluss und welche Förderung passen."),
    )


def _company_step(step: str | None) -> NextStep:
    if step == NO_QUALIFICATION:
        return NextStep(
            _("Ungelernte Beschäftigte: Teilqualifizierung oder Externenprüfung neben der Arbeit"),
            _(
                "Ihre Beschäftigten erwerben Schritt für Schritt einen Berufsabschluss. Die Agentur für Arbeit "
                "zahlt die Lehrgangskosten und einen Zuschuss zum Lohn für die Ausfallzeit."
            ),
        )
    if step == SKILLED:
        return NextStep(
            _("Fachkräfte weiterbringen: Aufstiegsfortbildung oder Anpassungsweiterbildung"),
            _(
                "Meister, Techniker und Fachwirte aus dem eigenen Betrieb sichern Ihre Führungskräfte von morgen; "
                "Anpassungsweiterbildungen halten das Team auf dem neuesten Stand."
            ),
        )
    return NextStep(
        _("Qualifizierungsbedarf klären: eine kostenlose Beratung für Ihren Betrieb"),
        _(
            "Die Anlaufstellen des Lotsennetzwerks analysieren mit Ihnen den Bedarf und finden Angebote und "
            "Fördermittel."
        ),
    )


def _migrant_route_step(goal: str) -> NextStep:
    if goal == Goal.RECOGNITION:
        return NextStep(
            _("Ausländischen Abschluss anerkennen lassen: zuerst zur Anerkennungsberatung"),
            _(
                "Die zuständige Stelle vergleicht Ihren Abschluss mit dem deutschen Beruf. Fehlt etwas, schließt "
                "eine Anpassungsqualifizierung die Lücke. Eine Anerkennungsberatung hilft kostenlos beim Antrag."
            ),
        )
    return NextStep(
        _("Eigenes Unternehmen führen: Gründungsberatung und Kurse zur Unternehmensführung"),
        _(
            "Die Kammern und Gründungsberatungen helfen beim Start und in den ersten Jahren: Businessplan, "
            "Buchhaltung, Personal und Förderung. Kurse zur Unternehmensführung gibt es auch neben dem Betrieb."
        ),
    )


@dataclass(frozen=True)
class RecognitionBody:
    name: str
    text: str


def recognition_body(*, occupation: str, chamber: str) -> RecognitionBody:
    """Who decides on the recognition of a foreign qualification for this German occupation (by its chamber)."""
    if chamber == "ihk":
        return RecognitionBody(
            _("IHK FOSA (Foreign Skills Approval) in Nürnberg"),
            _("Für %(occupation)s und alle anderen IHK-Berufe prüft die IHK FOSA den Antrag, für ganz Deutschland.")
            % {"occupation": occupation},
        )
    if chamber == "hwk":
        return RecognitionBody(
            _("die Handwerkskammer Ihrer Region"),
            _("Für %(occupation)s prüft die Handwerkskammer, in deren Bezirk Sie wohnen oder arbeiten möchten.")
            % {"occupation": occupation},
        )
    return RecognitionBody(
        _("die zuständige Stelle für Ihren Beruf"),
        _("Welche Stelle für %(occupation)s zuständig ist, zeigt der Anerkennungs-Finder des Bundes.")
        % {"occupation": occupation},
    )
