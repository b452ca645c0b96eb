"""Qualification paths in the admin: coordinators keep the paths and their modules; the providers' editors attach
their own offers to a module (ModuleOffer, scoped by the offer's provider like every partner-owned row)."""

from django.contrib import admin

from offers.models import ModuleOffer, PathModule, QualificationPath
from partners.admin_scoping import PartnerScopedAdminMixin


class PathModuleInline(admin.TabularInline):
    model = PathModule
    fields = ["position", "title", "description"]
    extra = 0


@admin.register(QualificationPath)
class QualificationPathAdmin(admin.ModelAdmin):
    list_display = ["title", "qualification", "dqr_level", "chamber", "published"]
    list_filter = ["published"]
    search_fields = ["title", "qualification", "chamber"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PathModuleInline]


@admin.register(ModuleOffer)
class ModuleOfferAdmin(PartnerScopedAdminMixin, admin.ModelAdmin):
    partner_path = "offer__provider"
    list_display = ["module", "offer"]
    list_select_related = ["module__path", "offer"]
    list_filter = ["module__path"]
    search_fields = ["offer__title", "module__title", "module__path__title"]
    autocomplete_fields = ["offer"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "module":
            kwargs["queryset"] = PathModule.objects.select_related("path")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
