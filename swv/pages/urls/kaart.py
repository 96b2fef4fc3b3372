from django.urls import path, re_path

from swv.pages.views import kaart as views

app_name = "kaart"

urlpatterns = [
    path("kaart/", views.kaart, name="index"),
    re_path(r"^kaart/(?P<sector>po|vo)/$", views.kaart, name="sector"),
    re_path(r"^kaart/(?P<sector>po|vo)\.geojson$", views.regio_geojson, name="geojson"),
    path("zoeken/", views.zoeken, name="zoeken"),
    path("zoeken/suggesties", views.suggesties, name="suggesties"),
]
