from django.urls import path

from lotsendienst.placeholder import coming_soon

app_name = "offers"
urlpatterns = [
    path("", coming_soon, name="search"),
    path("<slug:slug>/", coming_soon, name="detail"),
]
