from django.urls import path

from guide import views

app_name = "guide"
urlpatterns = [
    path("", views.start, name="start"),
    path("ergebnis/", views.result, name="result"),
]
