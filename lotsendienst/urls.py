from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = "Lotsendienst – Verwaltung"
admin.site.site_title = "Lotsendienst – Verwaltung"
admin.site.index_title = _("Übersicht")

urlpatterns = [
    path("", include("pages.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("konto/anmelden/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("konto/abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("angebote/", include("offers.urls")),
    path("foerderung/", include("offers.funding_urls")),
    path("partner/", include("partners.urls")),
    path("beratung/", include("counselling.urls")),
    path("lotse/", include("guide.urls")),
    path("merkliste/", include("merkliste.urls")),
    path("api/v1/", include("api.urls")),
]
