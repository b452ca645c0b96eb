from django.urls import path

from guide import views

app_name = "guide"
urlpatterns = [
    path("", views.start, name="start"),
    path("ergebnis/", views.result, name="result"),
    path("leichte-sprache/", views.easy_start, name="easy_start"),
    path("leichte-sprache/ergebnis/", views.easy_result, name="easy_result"),
]
