from django.urls import path

from lotsendienst.placeholder import coming_soon

app_name = "counselling"
urlpatterns = [
    path("", coming_soon, name="desk"),
    path("anfragen/", coming_soon, name="request"),
]
