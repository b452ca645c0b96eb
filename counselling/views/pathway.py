"""The case page's posts for the way to a vocational qualification: follow a qualification path, add a milestone.
Each redirects back to the case page (post/redirect/get) or shows it again with the form's errors."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from counselling.access import counsellor_required
from counselling.pathway import milestone_save, plan_follow_path
from counselling.pathway_forms import FollowPathForm, MilestoneForm
from counselling.views.cases import _get_writable_case, render_case


@counsellor_required
@require_POST
def plan_follow_path_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    form = FollowPathForm(request.POST)
    if not form.is_valid():
        return render_case(request, case, status=400, path_form=form)
    steps = plan_follow_path(case=case, path=form.cleaned_data["path"], by=request.user)
    message = ngettext(
        "%(count)s Schritt wurde in den Qualifizierungsplan aufgenommen.",
        "%(count)s Schritte wurden in den Qualifizierungsplan aufgenommen.",
        len(steps),
    )
    messages.success(request, message % {"count": len(steps)})
    return redirect(f"{case.get_absolute_url()}#verlauf")


@counsellor_required
@require_POST
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    form = MilestoneForm(request.POST, instance=case.milestones.model(case=case))
    if not form.is_valid():
        return render_case(request, case, status=400, milestone_form=form)
    milestone_save(form=form, by=request.user)
    messages.success(request, _("Der Meilenstein wurde gespeichert."))
    return redirect(f"{case.get_absolute_url()}#verlauf")
