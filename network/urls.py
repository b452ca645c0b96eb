from django.urls import path

from network import views

app_name = "network"
urlpatterns = [
    path("", views.gaps, name="gaps"),
    path("luecken.csv", views.gaps_csv, name="gaps_csv"),
    path("bericht/", views.gaps_report, name="report"),
    path("zahlen/", views.figures, name="figures"),
    path("zahlen.csv", views.figures_csv, name="figures_csv"),
]
