from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from locking.admin import VersionedAdminMixin
from offers import admin_inhouse, admin_paths  # noqa: F401  (register the in-house and path admins)
from offers.admin_freshness import FreshnessAdminMixin
from offers.imports import export_views
from offers.imports import views as import_views
from offers.imports.export import export_rows
from offers.models import (
    FundingProgramme,
    ImportLog,
    Offer,
    OfferTranslation,
    QualificationStep,
    Run,
    Sector,
    TargetGroup,
    ThesaurusEntry,
)
from offers.services import offer_duplicate, offers_confirm
from partners.admin_input import BoundedInlineMixin
from partners.admin_scoping import PartnerScopedAdminMixin, ScopedQuerysetMixin
from partners.models import Partner
from partners.scoping import editable_partner_ids, is_coordinator
from places.admin import CityHintAdminMixin
from tabular.responses import download


class StaleFilter(admin.SimpleListFilter):
    title = _("Aktualität")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("1", _("nicht mehr bestätigt")), ("0", _("aktuell bestätigt"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.stale()
        if self.value() == "0":
            return queryset.exclude(pk__in=Offer.objects.stale().values("pk"))
        return queryset


class RunInline(BoundedInlineMixin, ScopedQuerysetMixin, admin.StackedInline):
    model = Run
    partner_path = "offer__provider"
    fields = [
        ("start_date", "end_date", "rolling_start", "application_deadline"),
        ("schedule", "learning_form"),
        ("status", "seats", "start_guaranteed"),
        ("street", "postcode", "city"),
    ]
    extra = 0

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None else 0


class OfferTranslationInline(BoundedInlineMixin, ScopedQuerysetMixin, admin.TabularInline):
    """Title and summary in other languages: the cards and the offer page show them to visitors of that language."""

    model = OfferTranslation
    partner_path = "offer__provider"
    fields = ["language", "title", "summary"]
    extra = 0


@admin.register(Offer)
class OfferAdmin(
    CityHintAdminMixin, FreshnessAdminMixin, VersionedAdminMixin, PartnerScopedAdminMixin, SimpleHistoryAdmin
):
    partner_path = "provider"
    list_display = ["title", "provider", "status", "next_start", "last_confirmed", "confirmed"]
    list_filter = ["status", StaleFilter, "kind", "provider", "entry_levels"]
    list_select_related = ["provider"]
    search_fields = ["title", "summary", "slug", "certificate"]
    date_hierarchy = None
    list_per_page = 50
    autocomplete_fields = ["provider", "contact_person"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["last_confirmed_at", "created_at", "updated_at"]
    formfield_overrides = {models.ManyToManyField: {"widget": CheckboxSelectMultiple}}
    inlines = [RunInline, OfferTranslationInline]
    object_history_template = "admin/offers/offer/object_history.html"
    actions = ["confirm_current", "duplicate_as_draft", "export_csv", "export_xlsx", "export_openqcat"]
    fieldsets = [
        (None, {"fields": ["provider", "title", "slug", "status", "kind", "summary", "description"]}),
        (_("Einordnung"), {"fields": ["entry_levels", "leads_to", "dqr_level", "certificate", "certificate_kind"]}),
        (_("Themen und Förderung"), {"fields": ["sectors", "target_groups", "funding_programmes", "azav"]}),
        (
            _("Umfang und Preis"),
            {"fields": ["teaching_hours", "duration_text", "price", "price_note", "languages", "inhouse_possible"]},
        ),
        (_("Kontakt und Anmeldung"), {"fields": ["contact_person", "registration_url", "accessibility_notes"]}),
        (
            _("Aktualität"),
            {
                "fields": ["last_confirmed_at", "created_at", "updated_at"],
                "description": _(
                    "Speichert die Redaktion des Anbieters das Angebot, gilt es als bestätigt und aktuell."
                ),
            },
        ),
    ]

    @admin.display(description=_("zuletzt bestätigt"), ordering="last_confirmed_at")
    def last_confirmed(self, obj: Offer):
        return timezone.localdate(obj.last_confirmed_at)

    @admin.display(boolean=True, description=_("aktuell"), ordering="last_confirmed_at")
    def confirmed(self, obj: Offer) -> bool:
        return not obj.is_stale

    def history_view(self, request, object_id, extra_context=None):
        # Runs are edited inline, so their history belongs on the offer's history page.
        offer = self.get_object(request, unquote(object_id))
        runs = Run.history.none() if offer is None else Run.history.filter(offer_id=offer.pk)
        run_history = runs.select_related("history_user").order_by("-history_date", "-history_id")[:200]
        return super().history_view(request, object_id, {**(extra_context or {}), "run_history": run_history})

    def save_model(self, request, obj, form, change):
        # Only the provider's own editors can vouch that an offer is current; a coordinator's fix does not.
        if obj.provider_id in editable_partner_ids(request.user):
            obj.last_confirmed_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Als weiterhin aktuell bestätigen"), permissions=["change"])
    def confirm_current(self, request, queryset):
        count = offers_confirm(offers=list(queryset), by=request.user)
        message = ngettext(
            "%(count)d Angebot als aktuell bestätigt.", "%(count)d Angebote als aktuell bestätigt.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Als Entwurf kopieren (mit Terminen)"), permissions=["add"])
    def duplicate_as_draft(self, request, queryset):
        copies = [offer_duplicate(offer=offer, by=request.user) for offer in queryset.prefetch_related("runs")]
        message = ngettext(
            "%(count)d Entwurf angelegt: %(titles)s", "%(count)d Entwürfe angelegt: %(titles)s", len(copies)
        )
        titles = ", ".join(str(copy) for copy in copies)
        self.message_user(request, message % {"count": len(copies), "titles": titles}, messages.SUCCESS)

    @admin.action(description=_("Als CSV in der Importvorlage herunterladen"), permissions=["view"])
    def export_csv(self, request, queryset):
        return download(export_rows(queryset), filename="angebote", file_format="csv")

    @admin.action(description=_("Als XLSX in der Importvorlage herunterladen"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return download(export_rows(queryset), filename="angebote", file_format="xlsx")

    @admin.action(description=_("Als open-Qcat-XML herunterladen"), permissions=["view"])
    def export_openqcat(self, request, queryset):
        return export_views.openqcat_download(queryset, filename="angebote-openqcat")


@admin.register(QualificationStep)
class QualificationStepAdmin(admin.ModelAdmin):
    list_display = ["order", "name", "slug"]
    list_display_links = ["name"]
    readonly_fields = ["slug"]  # fixed: public links and the guide use them

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Sector, TargetGroup)
class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "region", "legal_basis", "rules_checked_on", "active"]
    list_filter = ["region", "active"]
    search_fields = ["name", "short_name", "legal_basis", "sponsor"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(ThesaurusEntry)
class ThesaurusEntryAdmin(admin.ModelAdmin):
    list_display = ["term", "synonyms", "broader_terms"]
    search_fields = ["term", "synonyms", "broader_terms"]


@admin.register(ImportLog)
class ImportLogAdmin(PartnerScopedAdminMixin, admin.ModelAdmin):
    """The import log (read-only) and, under it, the import page and the template downloads."""

    partner_path = "partner"
    list_display = [
        "created_at", "partner", "source", "user", "file_name",
        "created", "changed", "unchanged", "archived", "problems",
    ]  # fmt: skip
    list_filter = ["partner", "source"]
    list_select_related = ["partner", "user"]
    change_list_template = "admin/offers/importlog/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        extra = {
            "may_import": import_views.may_import(request.user),
            "may_export_catalogue": is_coordinator(request.user),
            "export_partners": Partner.objects.filter(pk__in=editable_partner_ids(request.user)).order_by("name"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra)

    def get_urls(self):
        own = [
            path(
                "importieren/",
                self.admin_site.admin_view(lambda request: import_views.import_page(request, self)),
                name="offers_importlog_import",
            ),
            path(
                "vorlage.<str:file_format>",
                self.admin_site.admin_view(import_views.template_download),
                name="offers_importlog_template",
            ),
            path(
                "openqcat-subset.xsd",
                self.admin_site.admin_view(import_views.schema_download),
                name="offers_importlog_schema",
            ),
            path(
                "export/openqcat.xml",
                self.admin_site.admin_view(export_views.catalogue_export),
                name="offers_importlog_export",
            ),
            path(
                "export/<slug:slug>/openqcat.xml",
                self.admin_site.admin_view(export_views.partner_export),
                name="offers_importlog_partner_export",
            ),
        ]
        return own + super().get_urls()
