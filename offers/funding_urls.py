from django.urls import path

from offers import funding_views

app_name = "funding"
urlpatterns = [
    path("", funding_views.funding_list, name="list"),
    path("<slug:slug>/", funding_views.funding_detail, name="detail"),
]
