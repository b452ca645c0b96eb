"""The partner profile's URL. The root urls put it beside the directory (partners.urls) under the one namespace
"partners", so /partner/<slug>/ stays partners:detail (docs/urls.md)."""

from django.urls import path

from offers import partner_views

urlpatterns = [
    path("<slug:slug>/", partner_views.partner_profile, name="detail"),
]
