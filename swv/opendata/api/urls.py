"""/api/: documentation page, version 1 of the read-only API and its OpenAPI document.

Addresses under /api/v1 have no trailing slash (NL API Design Rules); a slashed or unknown address is a
404 problem, never a redirect."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView
from rest_framework.routers import DefaultRouter

from swv.caching.params import query_params
from swv.opendata.api import serializers, views
from swv.opendata.api.docs import documentatie
from swv.opendata.api.problems import not_found
from swv.opendata.open_tables import SCHOLEN, WAARDEN

app_name = "api"

# Detail addresses use the path converters (a viewset's lookup_value_converter), so a code reads in every spelling.
router = DefaultRouter(trailing_slash=False, use_regex_path=False)
router.include_root_view = False
router.register("samenwerkingsverbanden", views.SamenwerkingsverbandViewSet, basename="samenwerkingsverband")
router.register("gemeenten", views.GemeenteViewSet, basename="gemeente")
router.register("indicatoren", views.IndicatorViewSet, basename="indicator")
# The open tables' lists (swv.opendata.open_tables), each with the serializer of one row.
for table, row in ((WAARDEN, serializers.WaardeSerializer), (SCHOLEN, serializers.SchoolSerializer)):
    router.register(table.name, views.table_list(table, row), basename=table.item)

urlpatterns = [
    path("", query_params()(documentatie), name="documentatie"),
    path("v1", views.ApiRoot.as_view(), name="api-root"),
    path("v1/openapi.json", query_params()(SpectacularJSONAPIView.as_view(urlconf=None)), name="openapi-json"),
    path("v1/openapi.yaml", query_params()(SpectacularYAMLAPIView.as_view(urlconf=None)), name="openapi-yaml"),
    path("v1/", include(router.urls)),
    re_path(r"^v1(?P<rest>/.*)$", not_found, name="niet-gevonden"),
]
