from django.urls import path

from offers import funding_views

app_name = "funding"
urlpatterns = [
    path("", funding_views.funding_list, name="list"),
    path("leichte-sprache/", funding_views.funding_easy, name="easy"),
    path("<slug:slug>/", funding_views.funding_detail, name="detail"),
]
