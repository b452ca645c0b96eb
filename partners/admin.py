from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin import SecondFactorResetMixin
from locking.admin import VersionedAdminMixin
from partners.admin_input import BoundedInlineMixin
from partners.admin_scoping import PartnerScopedAdminMixin, ScopedQuerysetMixin
from partners.models import ContactPerson, Language, Membership, Partner, Service
from partners.roles import sync_role_groups
from partners.scoping import COORDINATOR_GROUP, COUNSELLOR_GROUP, EDITOR_GROUP, is_coordinator
from places.admin import CityHintAdminMixin

User = get_user_model()


class ContactPersonInline(BoundedInlineMixin, ScopedQuerysetMixin, admin.TabularInline):
    model = ContactPerson
    partner_path = "partner"
    fields = ["name", "position", "phone", "email", "order"]
    extra = 0


class EditorRolesOnlyMixin:
    """Counsellor memberships open counselling cases, which are not the coordinators' (docs/roles.md): only a
    superuser grants or changes them, so a coordinator cannot make herself a counsellor of any office."""

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not request.user.is_superuser:
            kwargs["choices"] = [(Membership.Role.EDITOR, Membership.Role.EDITOR.label)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.exclude(role=Membership.Role.COUNSELLOR)


class MembershipInline(BoundedInlineMixin, EditorRolesOnlyMixin, admin.TabularInline):
    """Only coordinators hold membership permissions, so editors never see who else edits."""

    model = Membership
    fields = ["user", "role"]
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Partner)
class PartnerAdmin(CityHintAdminMixin, VersionedAdminMixin, PartnerScopedAdminMixin, SimpleHistoryAdmin):
    partner_path = ""
    list_display = ["name", "kind", "city", "is_contact_point", "active", "updated_at"]
    list_filter = ["kind", "is_contact_point", "active", "services", "languages"]
    search_fields = ["name", "city", "description"]
    inlines = [ContactPersonInline, MembershipInline]
    formfield_overrides = {models.ManyToManyField: {"widget": CheckboxSelectMultiple}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "description", "services"]}),
        (_("Adresse"), {"fields": ["street", "postcode", "city", "latitude", "longitude"]}),
        (_("Kontakt"), {"fields": ["phone", "email", "website", "opening_hours"]}),
        (_("Katalog-Feed"), {"fields": ["feed_url"]}),
        (_("Zugang"), {"fields": ["languages", "advises_remotely", "accessibility"]}),
        (_("Im Netzwerk"), {"fields": ["is_contact_point", "active"]}),
    ]
    # Whether a partner is listed, where it lives and whether it is a contact point is the network's decision.
    network_fields = ["slug", "is_contact_point", "active"]

    def save_related(self, request, form, formsets, change):
        members = Membership.objects.filter(partner=form.instance).values_list("user_id", flat=True)
        before = set(members) if change else set()
        super().save_related(request, form, formsets, change)
        for user in User.objects.filter(pk__in=before | set(members.all())):
            sync_role_groups(user=user)

    def get_readonly_fields(self, request, obj=None):
        if is_coordinator(request.user):
            return super().get_readonly_fields(request, obj)
        return [*super().get_readonly_fields(request, obj), *self.network_fields]


@admin.register(ContactPerson)
class ContactPersonAdmin(PartnerScopedAdminMixin, SimpleHistoryAdmin):
    partner_path = "partner"
    list_display = ["name", "partner", "position", "email", "phone"]
    list_filter = ["partner"]
    list_select_related = ["partner"]
    search_fields = ["name", "position", "email"]
    autocomplete_fields = ["partner"]


@admin.register(Membership)
class MembershipAdmin(EditorRolesOnlyMixin, admin.ModelAdmin):
    list_display = ["user", "partner", "role"]
    list_filter = ["role"]
    list_select_related = ["user", "partner"]
    search_fields = ["user__username", "user__last_name", "partner__name"]
    autocomplete_fields = ["user", "partner"]

    def save_model(self, request, obj, form, change):
        previous = Membership.objects.filter(pk=obj.pk).values_list("user_id", flat=True).first()
        super().save_model(request, obj, form, change)
        for user in User.objects.filter(pk__in={previous, obj.user_id} - {None}):
            sync_role_groups(user=user)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        sync_role_groups(user=obj.user)

    def delete_queryset(self, request, queryset):
        users = list(User.objects.filter(pk__in=queryset.values("user_id")))
        super().delete_queryset(request, queryset)
        for user in users:
            sync_role_groups(user=user)


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class AccountAdmin(SecondFactorResetMixin, UserAdmin):
    """User accounts for coordinators, without the keys to superuser rights or to other groups' powers."""

    inlines = [MembershipInline]
    list_filter = ["is_staff", "is_active", "groups"]
    role_groups = [EDITOR_GROUP, COUNSELLOR_GROUP, COORDINATOR_GROUP]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        sync_role_groups(user=form.instance)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        # Nor the counsellors' accounts: resetting a counsellor's password would open the desk.
        return queryset.filter(is_superuser=False).exclude(memberships__role=Membership.Role.COUNSELLOR)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return readonly if request.user.is_superuser else [*readonly, "is_superuser", "user_permissions"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=self.role_groups)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Group)
class RoleGroupAdmin(GroupAdmin):
    pass
