"""/api/v1/waarden pages in SQL: a page costs the same queries whatever the number of periods, and says
what the downloads (swv.opendata.tables.value_rows) say."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from swv.caching.versions import source_data_changed
from swv.models import Indicator, Publicatie, PublicatieWaarde, Waarde
from swv.opendata import published, tables
from swv.opendata.api import serializers
from swv.opendata.filters import WaardenFilter, arguments
from tests.opendata.test_api import all_pages

pytestmark = [pytest.mark.django_db, pytest.mark.realdata]

PAGES = [
    "/api/v1/waarden?pagina=3",
    "/api/v1/waarden?sector=VO&pagina=2&perPagina=50",
    "/api/v1/waarden?swv=PO3009&pagina=2&perPagina=20",
    "/api/v1/waarden?indicator=leerlingen_totaal&indicator=verzuim_absoluut&pagina=2",
    "/api/v1/waarden?niveau=gemeente&pagina=4",
    "/api/v1/waarden?niveau=gemeente&periode=2023&perPagina=10",
    "/api/v1/waarden?niveau=land",
]


def _page(client, url: str) -> tuple[int, dict]:
    client.get(url)  # the first request after an import stores the rows of the new version
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(queries), response.json()


def _earlier(periode: str, years: int) -> str:
    """The same kind of period `years` earlier: 2024-10-01, 2023-2024 and 2023 alike."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) - years), periode)


def _add_periods(codes: list[str], years: int) -> int:
    """Every value of the latest period of these indicators again for `years` earlier years (test rows)."""
    added = []
    for indicator in Indicator.objects.filter(code__in=codes):
        values = Waarde.objects.filter(indicator=indicator)
        latest = values.order_by("-peildatum").values_list("periode", flat=True).first()
        for value in values.filter(periode=latest):
            for back in range(1, years + 1):
                periode = _earlier(value.periode, back)
                added.append(
                    Waarde(
                        indicator=indicator,
                        swv_id=value.swv_id,
                        gemeente_id=value.gemeente_id,
                        periode=periode,
                        peildatum=value.peildatum.replace(year=value.peildatum.year - back),
                        getal=value.getal,
                        tekst=value.tekst,
                        status=value.status,
                        ondergrens=value.ondergrens,
                        bovengrens=value.bovengrens,
                        fictief=True,
                    )
                )
    Waarde.objects.bulk_create(added, batch_size=5000, ignore_conflicts=True)
    return len(added)


def test_a_page_costs_the_same_queries_with_few_and_with_many_periods(client):
    few = {url: _page(client, url)[0] for url in PAGES}
    assert max(few.values()) <= 4, few  # the stored version, (a count when filtered,) the rows, their indicators
    rows_before = PublicatieWaarde.objects.count()
    assert _add_periods(["leerlingen_totaal", "verzuim_absoluut"], years=35) > 5000
    source_data_changed()  # what an import does
    many = {url: _page(client, url)[0] for url in PAGES}
    assert many == few
    assert PublicatieWaarde.objects.count() > rows_before + 5000  # the new version's rows, the old ones gone
    assert Publicatie.objects.count() == 1


@pytest.mark.parametrize(
    "query",
    [
        "",
        "sector=VO",
        "sector=PO&indicator=leerlingen_totaal",
        "swv=PO3009&swv=VO3001",
        "niveau=gemeente",
        "niveau=gemeente&gemeente=GM0363&periode=2023",
        "niveau=land",
        "indicator=onbekend",
    ],
)
def test_pages_say_what_the_downloads_say(client, query):
    from django.http import QueryDict

    expected = tables.value_rows(**arguments(WaardenFilter, QueryDict(query)))
    rows = all_pages(client, f"/api/v1/waarden?{query}&perPagina=1000")
    assert rows == serializers.plain_data(serializers.WaardeSerializer, expected)
    payload = client.get(f"/api/v1/waarden?{query}&perPagina=7&pagina={2 if len(expected) > 7 else 1}").json()
    assert payload["count"] == len(expected)
    assert payload["results"] == (rows[7:14] if len(expected) > 7 else rows)


def test_plain_rows_are_what_the_serializer_makes():
    rows = published.value_list(niveau="swv", swv=["PO3009"])[0:200]
    rows += published.value_list(niveau="gemeente")[0:200]
    assert rows
    for serializer in (serializers.WaardeSerializer,):
        assert serializers.plain_data(serializer, rows) == serializer(rows, many=True).data


def test_a_page_past_the_end_is_a_404_problem(client):
    count = client.get("/api/v1/waarden?niveau=land").json()["count"]
    response = client.get(f"/api/v1/waarden?niveau=land&pagina={count + 1}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
