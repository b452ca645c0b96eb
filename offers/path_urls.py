from django.urls import path

from offers import path_views

app_name = "paths"
urlpatterns = [
    path("", path_views.path_list, name="list"),
    path("<slug:slug>/", path_views.path_detail, name="detail"),
]
