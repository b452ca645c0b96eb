from django.urls import path

from offers import feeds, inhouse_views, views

app_name = "offers"
urlpatterns = [
    path("", views.search, name="search"),
    path("feed/", feeds.SearchFeed(), name="feed"),  # before <slug>/, which would take "feed" for an offer
    path("export.<str:file_format>", views.search_export, name="search_export"),
    path("inhouse/<str:token>/", inhouse_views.inhouse_answer, name="inhouse_answer"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/termine.ics", views.detail_calendar, name="calendar"),
]
