"""Read-only open data API. Views only validate filters and page through what the selectors return, so
the API's numbers are the pages' numbers."""

from django.http import HttpResponsePermanentRedirect
from django_filters import FilterSet
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.serializers import Serializer
from rest_framework.views import APIView

from swv.caching import params
from swv.caching.params import query_params
from swv.figures import member_codes, peer_group
from swv.models import Gemeente, Indicator, Samenwerkingsverband
from swv.opendata import filters, tables
from swv.opendata.api import serializers
from swv.opendata.open_tables import TABLES, OpenTable
from swv.selectors.indeling import current_indeling
from swv.selectors.names import display_name, display_names


def listed(filterset: type[FilterSet]):
    """A list filtered by this FilterSet, with its query parameters declared for the page cache: the
    FilterSet's, the pages (?pagina=, ?perPagina=) and the browsable HTML (?format=api)."""

    def declare(viewset):
        viewset.filterset_class = filterset
        patterns = filters.patterns(filterset)
        return query_params(pagina=params.PAGE, perPagina=params.PER_PAGE, format="json|api", **patterns)(viewset)

    return declare


class CanonicalAddress:
    """A detail address with its code in another spelling (po3009, PO 30-09) answers 301 with the canonical
    address, as the pages do, so every resource has one URI. Only a read is redirected: another method gets the
    API's own answer (a 405), not a redirect a client would follow with a GET."""

    lookup_field = "code"

    def dispatch(self, request, *args, **kwargs):
        match = request.resolver_match
        if match is not None and self.lookup_field in kwargs and request.method in ("GET", "HEAD"):
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
        lists = ["samenwerkingsverband", "gemeente", "indicator", *(table.item for table in TABLES)]
        links = {name: reverse(f"api:{name}-list", request=request) for name in lists}
        return Response({**links, "openapi": reverse("api:openapi-json", request=request)})


@listed(filters.SamenwerkingsverbandFilter)
class SamenwerkingsverbandViewSet(CanonicalAddress, viewsets.ReadOnlyModelViewSet):
    """De samenwerkingsverbanden passend onderwijs, met contactgegevens van de organisatie."""

    serializer_class = serializers.SamenwerkingsverbandSerializer
    lookup_value_converter = "swvcode"
    queryset = Samenwerkingsverband.objects.order_by("code")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "namen": display_names()}

    def get_serializer_class(self):
        return serializers.SamenwerkingsverbandDetailSerializer if self.action == "retrieve" else self.serializer_class

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


@listed(filters.GemeenteFilter)
class GemeenteViewSet(CanonicalAddress, viewsets.ReadOnlyModelViewSet):
    """Gemeenten (CBS-codes), ook opgeheven gemeenten met hun geldigheid."""

    serializer_class = serializers.GemeenteSerializer
    lookup_value_converter = "gemeentecode"
    queryset = Gemeente.objects.order_by("code")


@listed(filters.IndicatorFilter)
class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    """De catalogus van indicatoren: definitie, eenheid, bron, soort peildatum en hoe landelijk wordt samengevat."""

    serializer_class = serializers.IndicatorSerializer
    lookup_field = "code"
    lookup_value_converter = "slug"
    queryset = Indicator.objects.order_by("thema", "volgorde", "code")


def table_list(table: OpenTable, row: type[Serializer]) -> type[viewsets.GenericViewSet]:
    """The API list of an open table (swv.opendata.open_tables), each row as `row` serializes it."""

    @listed(table.filterset)
    class TableList(viewsets.GenericViewSet):
        __doc__ = table.description
        serializer_class = row
        # The FilterSet validates and documents the filters; the rows come from the table, so the backend
        # never filters this (empty) queryset.
        queryset = table.filterset.Meta.model.objects.none()

        @extend_schema(responses=row(many=True))
        def list(self, request, *args, **kwargs):
            try:
                rows = (table.page_rows or table.rows)(**filters.arguments(table.filterset, request.query_params))
            except filters.UnknownFilter as error:
                raise exceptions.ValidationError(error.errors) from None
            page = self.paginate_queryset(rows)
            return self.get_paginated_response(serializers.plain_data(row, page))

    # DRF names a view after its class: "Waarden List".
    TableList.__name__ = TableList.__qualname__ = f"{table.name.capitalize()}ViewSet"
    return TableList
