"""The admin's import page: upload → report → preview → confirm, and the template downloads (docs/import.md).

Mounted by ImportLogAdmin.get_urls, so the admin site's login and second-factor checks run first."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from offers.imports import uploads
from offers.imports.forms import ImportForm
from offers.imports.openqcat import SCHEMA_PATH
from offers.imports.service import import_file, preview
from offers.imports.template import HEADERS
from partners.scoping import editable_partner_ids, is_coordinator
from tabular.responses import FORMATS, download


def may_import(user) -> bool:
    return user.has_perm("offers.add_offer") and (is_coordinator(user) or bool(editable_partner_ids(user)))


def _require_importer(request: HttpRequest) -> None:
    if not may_import(request.user):
        raise PermissionDenied


def import_page(request: HttpRequest, model_admin) -> HttpResponse:
    _require_importer(request)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Angebote importieren"),
        "opts": model_admin.opts,
    }
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, context)
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload, partner, complete = (
            form.cleaned_data["file"],
            form.cleaned_data["partner"],
            form.cleaned_data["complete"],
        )
        data = upload.read()
        result = preview(data=data, partner=partner, complete=complete)
        context.update(result=result, partner=partner, file_name=upload.name, complete=complete)
        if result.plan is None:
            uploads.discard(request)  # an earlier preview must not be confirmed in place of this file
        else:
            uploads.keep(request, data=data, partner=partner, complete=complete, file_name=upload.name)
    context["form"] = form
    return TemplateResponse(request, "admin/offers/import.html", context)


def _confirm(request: HttpRequest, context: dict) -> HttpResponse:
    pending = uploads.take(request)
    form = ImportForm(user=request.user)
    # The partner is checked again: the user's rights may have changed since the preview.
    if pending is None or not form.fields["partner"].queryset.filter(pk=pending.partner_id).exists():
        messages.error(request, _("Bitte die Datei erneut hochladen."))
        return redirect("admin:offers_importlog_import")
    result, log = import_file(
        data=bytes(pending.data),
        partner=pending.partner,
        complete=pending.complete,
        by=request.user,
        file_name=pending.file_name,
    )
    if log is None:  # the catalogue changed since the preview in a way the file no longer fits
        context.update(form=form, result=result, partner=pending.partner, file_name=pending.file_name)
        return TemplateResponse(request, "admin/offers/import.html", context)
    message = _(
        "Import abgeschlossen: %(new)s neu, %(changed)s geändert, %(unchanged)s unverändert, %(archived)s archiviert."
    )
    messages.success(request, message % result.plan.counts)
    return redirect("admin:offers_importlog_changelist")


def template_download(request: HttpRequest, file_format: str) -> HttpResponse:
    _require_importer(request)
    if file_format not in FORMATS:
        raise Http404
    return download([HEADERS], filename="angebote-importvorlage", file_format=file_format)


def schema_download(request: HttpRequest) -> FileResponse:
    """The XML Schema of the open-Qcat subset the import reads and the export writes."""
    _require_importer(request)
    return FileResponse(SCHEMA_PATH.open("rb"), as_attachment=True, content_type="application/xml")
