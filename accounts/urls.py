from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("zweiter-faktor/", views.verify, name="verify"),
    path("zweiter-faktor/einrichten/", views.setup, name="setup"),
    path("zweiter-faktor/wiederherstellungscodes/", views.recovery_codes, name="recovery_codes"),
]
