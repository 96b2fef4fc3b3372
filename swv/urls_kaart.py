from django.urls import path, re_path

from swv import views_kaart

app_name = "kaart"

urlpatterns = [
    path("kaart/", views_kaart.kaart, name="index"),
    re_path(r"^kaart/(?P<sector>po|vo)/$", views_kaart.kaart, name="sector"),
    re_path(r"^kaart/(?P<sector>po|vo)\.geojson$", views_kaart.regio_geojson, name="geojson"),
    path("zoeken/", views_kaart.zoeken, name="zoeken"),
]
