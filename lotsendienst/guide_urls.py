from django.urls import path

from lotsendienst.guide import views

app_name = "guide"
urlpatterns = [
    path("", views.start, name="start"),
    path("ergebnis/", views.result, name="result"),
]
