from django.urls import path

from offers import views

app_name = "offers"
urlpatterns = [
    path("", views.search, name="search"),
    path("<slug:slug>/", views.detail, name="detail"),
]
