"""/api/: documentation page, version 1 of the read-only API and its OpenAPI schema."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from swv.caching.params import query_params
from swv.opendata.api import views
from swv.opendata.api.docs import documentatie

app_name = "api"

router = DefaultRouter()
router.register("samenwerkingsverbanden", views.SamenwerkingsverbandViewSet, basename="samenwerkingsverband")
router.register("gemeenten", views.GemeenteViewSet, basename="gemeente")
router.register("indicatoren", views.IndicatorViewSet, basename="indicator")
router.register("waarden", views.WaardenViewSet, basename="waarde")

urlpatterns = [
    path("", query_params()(documentatie), name="documentatie"),
    path("v1/schema/", query_params(format="json|yaml")(SpectacularAPIView.as_view(urlconf=None)), name="schema"),
    path("v1/", include(router.urls)),
]
