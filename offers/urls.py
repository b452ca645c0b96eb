from django.urls import path

from offers import views

app_name = "offers"
urlpatterns = [
    path("", views.search, name="search"),
    path("export.<str:file_format>", views.search_export, name="search_export"),
    path("<slug:slug>/", views.detail, name="detail"),
]
