from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from pages import views
from pages.sitemaps import SITEMAPS

# No namespace: "home" and the footer pages' names are used across every app's templates.
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("impressum/", views.page, {"template": "impressum"}, name="impressum"),
    path("datenschutz/", views.page, {"template": "datenschutz"}, name="datenschutz"),
    path("barrierefreiheit/", views.page, {"template": "barrierefreiheit"}, name="barrierefreiheit"),
    path("leichte-sprache/", views.page, {"template": "leichte_sprache"}, name="leichte_sprache"),
]
