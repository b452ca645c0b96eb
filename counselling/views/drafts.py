from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from counselling.access import counsellor_required
from counselling.drafts import DRAFT_FIELDS, draft_save
from counselling.views.cases import _get_writable_case

AUTOSAVE_HEADER = "X-Draft-Autosave"  # sent by static/js/drafts.js, which needs no page in return


def _back_to_form(case, form: str) -> str:
    if form == "case":
        return reverse("counselling:case_edit", args=[case.pk])
    return f"{case.get_absolute_url()}#log-session"


@counsellor_required
@require_POST
def draft_save_view(request: HttpRequest, pk: int, form: str) -> HttpResponse:
    if form not in DRAFT_FIELDS:
        raise Http404
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    draft_save(user=request.user, case=case, form=form, data=request.POST)
    if request.headers.get(AUTOSAVE_HEADER):
        return HttpResponse(status=204)
    messages.success(request, _("Der Entwurf ist gespeichert. Nur Sie sehen ihn; er wird beim Speichern gelöscht."))
    return redirect(_back_to_form(case, form))
