from django.urls import path

from pages import views

# No namespace: "home" and the footer pages' names are used across every app's templates.
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("impressum/", views.page, {"template": "impressum"}, name="impressum"),
    path("datenschutz/", views.page, {"template": "datenschutz"}, name="datenschutz"),
    path("barrierefreiheit/", views.page, {"template": "barrierefreiheit"}, name="barrierefreiheit"),
    path("leichte-sprache/", views.page, {"template": "leichte_sprache"}, name="leichte_sprache"),
]
