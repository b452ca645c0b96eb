"""Admin for the accounts' audit, and the one audited way to reset a second factor (superusers only)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.addresses import client_address
from accounts.factors import factor_reset
from accounts.models import AccountAuditEntry

# Devices are changed only through setup and factor_reset, which audit; the plugins' own admins would not.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class SecondFactorResetMixin:
    """For the user admin: an action that removes a user's second factor, offered to superusers only."""

    actions = ["reset_second_factor"]

    def has_reset_factor_permission(self, request) -> bool:
        return request.user.is_superuser

    @admin.action(description=_("Zweiten Faktor zurücksetzen"), permissions=["reset_factor"])
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            factor_reset(user=user, by=request.user, address=client_address(request))
        count = len(queryset)
        message = ngettext(
            "Zweiter Faktor von %(count)d Konto zurückgesetzt; bei der nächsten Anmeldung wird ein neuer eingerichtet.",
            "Zweiter Faktor von %(count)d Konten zurückgesetzt; bei der nächsten Anmeldung wird je einer eingerichtet.",
            count,
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.register(AccountAuditEntry)
class AccountAuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "action", "subject_name", "address"]
    list_filter = ["action"]
    search_fields = ["actor_name", "subject_name"]

    def has_module_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
