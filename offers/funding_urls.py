from django.urls import path

from lotsendienst.placeholder import coming_soon

app_name = "funding"
urlpatterns = [
    path("", coming_soon, name="list"),
    path("<slug:slug>/", coming_soon, name="detail"),
]
