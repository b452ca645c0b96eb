"""Forms sent after the idle logout are kept on the server and filled in again once the user is back.

The flow (docs/roles.md, "Sessions and logins"): the idle logout keeps the POST body under a random token and sends
the user to the login with `next` = the page the form was on plus `?eingaben=<token>`; after password and second
factor that page fills its form from the kept body. Nothing is submitted on the user's behalf: they see their
input and send it themselves.
"""

import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from accounts.models import KeptForm

TOKEN_PARAMETER = "eingaben"
# Never kept: the old CSRF token (the new session has another).
SKIPPED_FIELDS = {"csrfmiddlewaretoken"}
RESTORED_MESSAGE = _(
    "Ihre Eingaben von vor der Abmeldung sind wieder eingetragen. Bitte prüfen Sie sie und speichern Sie erneut."
)


def _cutoff():
    return timezone.now() - timedelta(hours=settings.KEPT_FORM_HOURS)


def _form_page(request: HttpRequest) -> str:
    """The page the form was on (its Referer, if ours), else the address it was sent to."""
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}, require_https=request.is_secure()):
        parts = urlsplit(referer)
        query = QueryDict(parts.query, mutable=True)
        query.pop(TOKEN_PARAMETER, None)
        return parts.path + (f"?{query.urlencode()}" if query else "")
    return request.path


def keep_form(request: HttpRequest, user) -> str:
    """Stores the POST body of `request` for `user`; returns the address that brings it back."""
    KeptForm.objects.filter(created_at__lt=_cutoff()).delete()
    data = {name: request.POST.getlist(name) for name in request.POST if name not in SKIPPED_FIELDS}
    kept = KeptForm.objects.create(
        token=secrets.token_urlsafe(32), user=user, action=request.path, page=_form_page(request), data=data
    )
    separator = "&" if "?" in kept.page else "?"
    return f"{kept.page}{separator}{TOKEN_PARAMETER}={kept.token}"


def kept_form(request: HttpRequest) -> KeptForm | None:
    """The kept form the address names, if it belongs to the user who is now logged in and has not expired."""
    token = request.GET.get(TOKEN_PARAMETER, "")
    if not token or not request.user.is_authenticated:
        return None
    return KeptForm.objects.filter(token=token, user=request.user, created_at__gte=_cutoff()).first()


def kept_data(kept: KeptForm) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in kept.data.items():
        data.setlist(name, values)
    return data


def fill_in(form, data: QueryDict) -> None:
    """Shows `data` in an unbound form as its initial values, read by each widget as on a real submit."""
    for name, field in form.fields.items():
        value = field.widget.value_from_datadict(data, {}, form.add_prefix(name))
        if value not in (None, ""):
            form.initial[name] = value


def restore_kept(request: HttpRequest, forms_by_action: dict) -> bool:
    """Fills the form whose address matches the kept one; says whether it did."""
    kept = kept_form(request)
    form = forms_by_action.get(kept.action) if kept else None
    if form is None or form.is_bound:
        return False
    fill_in(form, kept_data(kept))
    messages.info(request, RESTORED_MESSAGE)
    return True


class KeptFormAdminMixin:
    """The admin's add and change forms (and their inlines) show a kept form's input again."""

    def _kept_data(self, request) -> QueryDict | None:
        kept = kept_form(request) if request.method == "GET" else None
        return kept_data(kept) if kept and kept.action == request.path else None

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        data = self._kept_data(request)
        if data is None:
            return form_class

        class RefilledForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if not self.is_bound:
                    fill_in(self, data)

        return RefilledForm

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        data = self._kept_data(request)
        if data is not None and f"{prefix}-TOTAL_FORMS" in data:
            kwargs["data"] = data  # bound, so the added and changed rows show as typed
        return kwargs

    def render_change_form(self, request, context, *args, **kwargs):
        if self._kept_data(request) is not None:
            messages.info(request, RESTORED_MESSAGE)
        return super().render_change_form(request, context, *args, **kwargs)
