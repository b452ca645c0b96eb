from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import APIRootView

from api import views

app_name = "api"
# What /api/v1/ itself answers (DRF's root view, as a router's): a developer who starts there finds the lists, the
# schema and the documentation, as absolute addresses. Not in the schema: it is a map, not data.
ROOT = {
    "offers": "offer-list",
    "partners": "partner-list",
    "contact-points": "contact-point-list",
    "funding": "funding-list",
    "vocabularies": "vocabularies",
    "schema": "schema",
    "docs": "docs",
}
urlpatterns = [
    path("", APIRootView.as_view(api_root_dict=ROOT), name="root"),
    path("offers/", views.offer_list, name="offer-list"),
    path("offers/<slug:slug>/", views.offer_detail, name="offer-detail"),
    path("partners/", views.PartnerList.as_view(), name="partner-list"),
    path("partners/<slug:slug>/", views.PartnerDetail.as_view(), name="partner-detail"),
    path("contact-points/", views.ContactPointList.as_view(), name="contact-point-list"),
    path("funding/", views.FundingList.as_view(), name="funding-list"),
    path("vocabularies/", views.vocabulary_list, name="vocabularies"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(url_name="api:schema"), name="docs"),
]
