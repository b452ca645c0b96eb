from django.contrib.admin import AdminSite

from accounts.forms import AdminLoginForm


class VerifiedAdminSite(AdminSite):
    """The admin for staff whose session passed the second factor (docs/roles.md, "Sessions and logins")."""

    login_form = AdminLoginForm

    def has_permission(self, request) -> bool:
        verified = getattr(request.user, "is_verified", None)
        return super().has_permission(request) and verified is not None and verified()
