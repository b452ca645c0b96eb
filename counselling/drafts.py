"""Drafts of the desk's long texts: saved every few seconds by static/js/drafts.js and by the "Entwurf speichern"
button (which works without JavaScript), filled into the form when the page opens, deleted when the form is saved
(by the services that save it)."""

from counselling.models import Case, Draft

# The forms with long texts, and which of their fields are kept as drafts.
DRAFT_FIELDS = {"session": ("notes", "next_steps"), "case": ("notes",)}


def draft_save(*, user, case: Case, form: str, data) -> int:
    """Keeps the draft fields of `form` found in `data`; an emptied field drops its draft. Returns the count kept."""
    kept = 0
    for field in DRAFT_FIELDS[form]:
        if field not in data:
            continue
        text = data[field]
        if text.strip():
            Draft.objects.update_or_create(user=user, case=case, form=form, field=field, defaults={"text": text})
            kept += 1
        else:
            Draft.objects.filter(user=user, case=case, form=form, field=field).delete()
    return kept


def drafts_fill(django_form, *, user, case: Case, form: str) -> bool:
    """Shows the user's drafts in the unbound form; says whether there were any."""
    if django_form.is_bound:
        return False
    drafts = Draft.objects.filter(user=user, case=case, form=form)
    for draft in drafts:
        django_form.initial[draft.field] = draft.text
    return bool(drafts)


def drafts_discard(*, user, case: Case, form: str) -> None:
    Draft.objects.filter(user=user, case=case, form=form).delete()
