from django.urls import path

from lotsendienst.placeholder import coming_soon

app_name = "partners"
urlpatterns = [
    path("", coming_soon, name="directory"),
    path("<slug:slug>/", coming_soon, name="detail"),
]
