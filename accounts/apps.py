from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Konten")

    def ready(self) -> None:
        from accounts import checks, signals  # noqa: F401


class VerifiedAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with a site that only lets in sessions verified by the second factor."""

    default = False  # AccountsConfig is this module's app; this one stands in for django.contrib.admin
    default_site = "accounts.admin_site.VerifiedAdminSite"
