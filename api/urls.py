from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from api import views

app_name = "api"
urlpatterns = [
    path("", views.api_root, name="root"),
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
