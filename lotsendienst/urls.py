from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from accounts.forms import LoginForm
from accounts.views import LoginView
from offers import partner_urls as partner_profile_urls
from partners import urls as partner_directory_urls
from partners.admin_shortcut import scoped_shortcut

admin.site.site_header = "Lotsendienst – Verwaltung"
admin.site.site_title = "Lotsendienst – Verwaltung"
admin.site.index_title = _("Übersicht")

# A database outage answers 503 with the portal's layout wherever it strikes (pages/outage.py).
handler500 = "pages.outage.server_error"
# A wrong address under /api/v1/ is a JSON 404 like the API's other errors; elsewhere the portal's page.
handler404 = "api.errors.page_not_found"

urlpatterns = [
    path("", include("pages.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "konto/anmelden/",
        LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("konto/abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/", include("accounts.urls")),
    path("admin/r/<int:content_type_id>/<path:object_id>/", admin.site.admin_view(scoped_shortcut)),
    path("admin/", admin.site.urls),
    path("angebote/", include("offers.urls")),
    path("foerderung/", include("offers.funding_urls")),
    path("wege/", include("offers.path_urls")),
    # The directory (partners) and each partner's profile with its offers (offers): one namespace, two apps.
    path("partner/", include(([*partner_directory_urls.urlpatterns, *partner_profile_urls.urlpatterns], "partners"))),
    path("beratung/", include("counselling.urls")),
    path("lotse/", include("guide.urls")),
    path("merkliste/", include("merkliste.urls")),
    path("netzwerk/", include("network.urls")),
    path("api/v1/", include("api.urls")),
]
