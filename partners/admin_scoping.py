"""One admin mixin for every model a partner owns: rows of other partners never show up, anywhere.

Each admin declares `partner_path`, the lookup from its model to the owning Partner ("" for Partner itself).
Coordinators see everything; editors see the partners of their editor memberships. Querysets, object
permissions, history views, foreign-key choices, autocomplete, list filters, actions and saves all go
through partners.scoping, so there is one rule and one place to change it.
"""

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from accounts.kept_forms import KeptFormAdminMixin
from partners.admin_input import TolerantAutocompleteSelect
from partners.scoping import editable_partner_ids, is_coordinator, may_edit, scope_to_editor


def _scoped_admin(admin_site, model):
    """The registered admin of `model` if that model is partner-owned, else None."""
    model_admin = admin_site._registry.get(model)
    return model_admin if isinstance(model_admin, ScopedQuerysetMixin) else None


def _scoped_choices(admin_site, related_model, user):
    """The rows of a related model the user may pick, if that model is partner-owned; else None."""
    related_admin = _scoped_admin(admin_site, related_model)
    if related_admin is None:
        return None
    return scope_to_editor(related_model._default_manager.all(), user, related_admin.partner_path)


class ScopedQuerysetMixin:
    """Querysets and foreign-key choices limited to the user's partners (also right for inlines)."""

    partner_path: str = ""

    def get_queryset(self, request):
        return scope_to_editor(super().get_queryset(request), request.user, self.partner_path)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        choices = _scoped_choices(self.admin_site, db_field.related_model, request.user)
        if choices is not None:
            kwargs["queryset"] = choices
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = TolerantAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PartnerScopedAdminMixin(KeptFormAdminMixin, ScopedQuerysetMixin):
    """For ModelAdmins (not inlines): adds object permissions, history, list filters and saves; a form sent after
    the idle logout comes back filled in (accounts/kept_forms.py)."""

    def _in_scope(self, request, obj) -> bool:
        return obj is None or may_edit(request.user, obj, self.partner_path)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)

    def get_list_filter(self, request):
        # A plain related filter lists every partner in the database; "related only" lists those in reach.
        return [self._scoped_filter(spec) for spec in super().get_list_filter(request)]

    def _scoped_filter(self, spec):
        if not isinstance(spec, str) or "__" in spec:
            return spec
        field = self.model._meta.get_field(spec)
        if field.is_relation and _scoped_admin(self.admin_site, field.related_model) is not None:
            return (spec, admin.RelatedOnlyFieldListFilter)
        return spec

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        partner_ids = editable_partner_ids(request.user)
        if self._direct_partner_field() and len(partner_ids) == 1 and not is_coordinator(request.user):
            initial.setdefault(self.partner_path, next(iter(partner_ids)))
        return initial

    def _direct_partner_field(self) -> bool:
        return bool(self.partner_path) and "__" not in self.partner_path

    def save_model(self, request, obj, form, change):
        partner_ids = editable_partner_ids(request.user)
        if self._direct_partner_field() and not getattr(obj, f"{self.partner_path}_id") and len(partner_ids) == 1:
            setattr(obj, f"{self.partner_path}_id", next(iter(partner_ids)))
        if not may_edit(request.user, obj, self.partner_path):
            # The form's choices already refuse other partners; this guards any path that skips the form.
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Django redirects with "… existiert nicht. Eventuell gelöscht?", which tells a foreign row from a missing
        # one; both get the same 404 page (templates/404.html).
        raise Http404

    def get_deleted_objects(self, objs, request):
        """Rows that block a deletion are named only where the user may see them in this admin; the rest (the
        counselling records of an office, another partner's rows) are one line without names or numbers."""
        deleted, model_count, perms_needed, _protected = super().get_deleted_objects(objs, request)
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        visible = [obj for obj in collector.protected if self._may_see(request, obj)]
        protected = [f"{capfirst(obj._meta.verbose_name)}: {obj}" for obj in visible]
        if len(visible) < len(collector.protected):
            protected.append(_("Weitere Datensätze außerhalb Ihres Bereichs verweisen auf diesen Eintrag."))
        return deleted, model_count, perms_needed, protected

    def _may_see(self, request, obj) -> bool:
        model_admin = self.admin_site._registry.get(type(obj))
        return model_admin is not None and model_admin.has_view_permission(request, obj)

    def _require_in_scope(self, request, object_id) -> None:
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404 from None
        if not is_coordinator(request.user) and self.get_object(request, unquote(object_id)) is None:
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        # simple_history falls back to the history table for missing rows, which would show other partners' data.
        self._require_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._require_in_scope(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
