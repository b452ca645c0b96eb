from django.urls import path

from merkliste import views

app_name = "merkliste"
urlpatterns = [
    path("", views.merkliste, name="list"),
    path("hinzufuegen/", views.add, name="add"),
    path("entfernen/", views.remove, name="remove"),
    path("vergleich/", views.compare, name="compare"),
    path("termine.ics", views.calendar, name="calendar"),
]
