"""The partner directory's URL. The root urls put it beside the partner profile (offers.partner_urls) under the one
namespace "partners" (docs/urls.md)."""

from django.urls import path

from partners import views

urlpatterns = [
    path("", views.directory, name="directory"),
]
