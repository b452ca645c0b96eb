from django.urls import path

from lotsendienst import merkliste

app_name = "merkliste"
urlpatterns = [
    path("", merkliste.merkliste, name="list"),
    path("hinzufuegen/", merkliste.add, name="add"),
    path("entfernen/", merkliste.remove, name="remove"),
    path("vergleich/", merkliste.compare, name="compare"),
]
