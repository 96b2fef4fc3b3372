"""Read-only open data API. Views only validate filters and page through what the selectors return, so
the API's numbers are the pages' numbers."""

from django.db.models import Q
from django.http import HttpResponsePermanentRedirect
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from swv.caching import params as cache_params
from swv.caching.params import query_params
from swv.figures import member_codes, peer_group
from swv.models import Gemeente, Indicator, Samenwerkingsverband, Sector
from swv.opendata import published, tables
from swv.opendata.api import serializers
from swv.selectors.indeling import current_indeling
from swv.selectors.names import display_name, display_names

SECTOR = OpenApiParameter("sector", OpenApiTypes.STR, enum=["PO", "VO"], description="PO of VO.")
SWV = OpenApiParameter("swv", OpenApiTypes.STR, description="Code van een samenwerkingsverband, zoals PO3009.")


# Every list pages (?pagina=, ?perPagina=) and may ask for the browsable HTML (?format=api).
PAGING = {"pagina": cache_params.PAGE, "perPagina": cache_params.PAGE, "format": "json|api"}


def _choice(request, name: str, allowed: tuple[str, ...]) -> str | None:
    value = request.query_params.get(name)
    if value in (None, ""):
        return None
    value = value.upper() if name == "sector" else value
    if value not in allowed:
        raise exceptions.ValidationError({name: f"Kies uit: {', '.join(allowed)}."})
    return value


NIVEAUS = ("swv", "gemeente", "land")


class CanonicalAddress:
    """A detail address with its code in another spelling (po3009, PO 30-09) answers 301 with the canonical
    address, as the pages do, so every resource has one URI."""

    def dispatch(self, request, *args, **kwargs):
        match = request.resolver_match
        if match is not None and self.lookup_field in kwargs:
            # the router's .json suffix is added by hand: reversed, DRF's suffix converter ends in a slash
            fmt = kwargs.get("format")
            canonical = reverse(match.view_name, kwargs={k: v for k, v in kwargs.items() if k != "format"})
            canonical += f".{fmt}" if fmt else ""
            if canonical != request.path:
                query = request.META.get("QUERY_STRING")
                return HttpResponsePermanentRedirect(f"{canonical}?{query}" if query else canonical)
        return super().dispatch(request, *args, **kwargs)


@extend_schema(exclude=True)
@query_params(format="json|api")
class ApiRoot(APIView):
    """Versie 1 van de open data API: de lijsten en de beschrijving (OpenAPI)."""

    def get(self, request, format=None):
        lists = ["samenwerkingsverband", "gemeente", "indicator", "waarde"]
        links = {name: reverse(f"api:{name}-list", request=request) for name in lists}
        return Response({**links, "openapi": reverse("api:openapi-json", request=request)})


@query_params(**PAGING, sector=cache_params.SECTOR)
class SamenwerkingsverbandViewSet(CanonicalAddress, viewsets.ReadOnlyModelViewSet):
    """De samenwerkingsverbanden passend onderwijs, met contactgegevens van de organisatie."""

    serializer_class = serializers.SamenwerkingsverbandSerializer
    lookup_field = "code"
    lookup_value_converter = "swvcode"

    def get_queryset(self):
        queryset = Samenwerkingsverband.objects.order_by("code")
        sector = _choice(self.request, "sector", tuple(Sector.values))
        return queryset.filter(sector=sector) if sector else queryset

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "namen": display_names()}

    def get_serializer_class(self):
        return serializers.SamenwerkingsverbandDetailSerializer if self.action == "retrieve" else self.serializer_class

    @extend_schema(parameters=[SECTOR])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_object(self):
        swv = super().get_object()
        if self.action == "retrieve":
            swv.huidige_gemeenten = (
                Gemeente.objects.filter(swv_relaties__swv=swv, swv_relaties__indeling=current_indeling())
                .distinct()
                .order_by("naam", "code")
            )
            group = peer_group(swv=swv)
            swv.groep = group and {
                "kwartiel": group.kwartiel,
                "naam": group.naam,
                "minimum": group.minimum,
                "maximum": group.maximum,
                "point": group.point,
                "codes": member_codes(group=group),
            }
        return swv

    @extend_schema(
        responses=serializers.CijferSerializer(many=True),
        description="Alle cijfers van de pagina van het samenwerkingsverband, per periode, met het gemiddelde "
        "van de sector en van samenwerkingsverbanden van vergelijkbare grootte; huidig=true is het cijfer "
        "dat de pagina toont.",
    )
    @action(detail=True, methods=["get"], serializer_class=serializers.CijferSerializer)
    def cijfers(self, request, code=None, format=None):  # format: the router's .json/.api suffix
        swv = self.get_object()
        rows = tables.swv_rows(swv=swv, name=display_name(swv))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serializers.CijferSerializer(page, many=True).data)


@query_params(**PAGING, swv=cache_params.SWV)
class GemeenteViewSet(CanonicalAddress, viewsets.ReadOnlyModelViewSet):
    """Gemeenten (CBS-codes), ook opgeheven gemeenten met hun geldigheid."""

    serializer_class = serializers.GemeenteSerializer
    lookup_field = "code"
    lookup_value_converter = "gemeentecode"

    def get_queryset(self):
        queryset = Gemeente.objects.order_by("code")
        code = self.request.query_params.get("swv")
        if code:
            links = Q(swv_relaties__swv__code=code.upper(), swv_relaties__indeling=current_indeling())
            queryset = queryset.filter(links).distinct()
        return queryset

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "swv",
                OpenApiTypes.STR,
                description="Alleen de gemeenten van dit samenwerkingsverband (huidige indeling).",
            )
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


@query_params(**PAGING, thema="[a-z_]{1,40}", sector=cache_params.SECTOR)
class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    """De catalogus van indicatoren: definitie, eenheid, bron, soort peildatum en hoe landelijk wordt samengevat."""

    serializer_class = serializers.IndicatorSerializer
    lookup_field = "code"
    lookup_value_converter = "slug"

    def get_queryset(self):
        queryset = Indicator.objects.order_by("thema", "volgorde", "code")
        thema = _choice(self.request, "thema", tuple(Indicator.Thema.values))
        sector = _choice(self.request, "sector", tuple(Sector.values))
        if thema:
            queryset = queryset.filter(thema=thema)
        if sector:
            queryset = queryset.filter(sector__in=["", sector])
        return queryset

    @extend_schema(parameters=[OpenApiParameter("thema", OpenApiTypes.STR, enum=list(Indicator.Thema.values)), SECTOR])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


@query_params(
    **PAGING,
    niveau=cache_params.NIVEAU,
    sector=cache_params.SECTOR,
    swv=cache_params.SWV,
    gemeente=cache_params.GEMEENTE,
    indicator=cache_params.INDICATOR,
    periode=cache_params.PERIODE,
)
class WaardenViewSet(viewsets.GenericViewSet):
    """Waarden van indicatoren per samenwerkingsverband (gemeentecijfers opgeteld over de gemeenten van het
    samenwerkingsverband, zoals op de site), per gemeente of voor heel Nederland."""

    serializer_class = serializers.WaardeSerializer

    def get_queryset(self):
        # The values are stored rows read a page at a time (swv.opendata.published), not a queryset; the
        # browsable API (?format=api) asks for one only to build filter forms, and this view has none.
        return []

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "niveau", OpenApiTypes.STR, enum=["swv", "gemeente", "land"], description="Standaard swv."
            ),
            SECTOR,
            OpenApiParameter("swv", OpenApiTypes.STR, many=True, description="Een of meer codes, zoals PO3009."),
            OpenApiParameter(
                "gemeente", OpenApiTypes.STR, many=True, description="Een of meer CBS-codes, zoals GM0363."
            ),
            OpenApiParameter("indicator", OpenApiTypes.STR, many=True, description="Een of meer indicatorcodes."),
            OpenApiParameter("periode", OpenApiTypes.STR, description="Bijvoorbeeld 2024-10-01, 2023-2024 of 2023."),
        ],
        responses=serializers.WaardeSerializer(many=True),
    )
    def list(self, request, *args, **kwargs):
        _choice(request, "niveau", NIVEAUS)  # named in the 400's invalidParams
        _choice(request, "sector", tuple(Sector.values))
        try:
            rows = published.value_list(**tables.value_filters(request.query_params))
        except tables.UnknownFilter as error:
            raise exceptions.ValidationError({"detail": str(error)}) from None
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serializers.plain_data(self.serializer_class, page))
