from django.urls import path

from lotsendienst.placeholder import coming_soon

app_name = "guide"
urlpatterns = [
    path("", coming_soon, name="start"),
]
