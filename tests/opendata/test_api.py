"""The read-only JSON API: the same numbers as the pages, paginated, validated filters, valid OpenAPI."""

import pytest
import yaml

from swv.models import Gemeente, Indicator, Samenwerkingsverband, Waarde
from swv.templatetags.nl import bereik
from swv.templatetags.nl import waarde as format_waarde
from tests.opendata.test_downloads import figure_value, sample_swvs, text

pytestmark = pytest.mark.django_db


def all_pages(client, url: str) -> list[dict]:
    rows = []
    while url:
        payload = client.get(url, HTTP_ACCEPT="application/json").json()
        rows += payload["results"]
        url = payload["next"]
    return rows


def shown(row: dict, eenheid: str) -> str:
    if row["status"] == "onderdrukt":
        bounds = (row["ondergrens"], row["bovengrens"])
        return "<5" if bounds == (1, 4) and eenheid == "aantal" else text(bereik(bounds, eenheid))
    if row["status"] != "geleverd":
        return "niet aangeleverd"
    return text(format_waarde(row["waarde"], eenheid)) if row["waarde"] is not None else row["tekst"]


@pytest.mark.parametrize("index", range(7))
def test_api_figures_equal_the_page_for_every_indicator(client, index):
    swv = sample_swvs()[index]
    html = client.get(swv.get_absolute_url()).content.decode()
    rows = all_pages(client, f"/api/v1/samenwerkingsverbanden/{swv.code}/cijfers/?per_pagina=50")
    current = {row["indicator"]: row for row in rows if row["huidig"]}
    eenheden = dict(Indicator.objects.values_list("code", "eenheid"))
    assert set(current) == {c for c in eenheden if f'id="cijfer-{c}"' in html}
    for code, row in current.items():
        on_page = figure_value(html, code)
        expected = shown(row, eenheden[code])
        assert on_page == expected or on_page.startswith(expected + " "), (code, on_page, expected)
        assert row["bron"]


def test_values_endpoint_equals_the_figures_endpoint_and_the_page(client):
    figures = all_pages(client, "/api/v1/samenwerkingsverbanden/PO3009/cijfers/")
    values = all_pages(client, "/api/v1/waarden/?swv=PO3009&per_pagina=1000")
    by_key = {(v["indicator"], v["periode"]): v for v in values}
    for row in figures:
        if row["periode"]:
            assert by_key[(row["indicator"], row["periode"])]["waarde"] == row["waarde"]
            assert by_key[(row["indicator"], row["periode"])]["status"] == row["status"]


def test_values_are_filtered_by_sector_swv_indicator_and_period(client):
    latest = Waarde.objects.filter(indicator__code="leerlingen_totaal", swv__sector="VO").latest("peildatum").periode
    rows = all_pages(client, f"/api/v1/waarden/?sector=VO&indicator=leerlingen_totaal&periode={latest}&per_pagina=1000")
    assert rows and {r["sector"] for r in rows} == {"VO"} and {r["periode"] for r in rows} == {latest}
    assert len({r["swv"] for r in rows}) == len(rows)
    gemeente = Gemeente.objects.filter(waarden__isnull=False).first()
    rows = all_pages(client, f"/api/v1/waarden/?niveau=gemeente&gemeente={gemeente.code}")
    assert rows and {r["gemeente"] for r in rows} == {gemeente.code}
    assert all_pages(client, "/api/v1/waarden/?niveau=land")


@pytest.mark.parametrize(
    "url", ["/api/v1/waarden/?niveau=heelal", "/api/v1/waarden/?sector=MBO", "/api/v1/samenwerkingsverbanden/?sector=x"]
)
def test_bad_filters_are_a_clear_400(client, url):
    response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()


def test_registers_are_paginated_and_stable(client):
    payload = client.get("/api/v1/samenwerkingsverbanden/?per_pagina=10", HTTP_ACCEPT="application/json").json()
    assert payload["count"] == Samenwerkingsverband.objects.count()
    assert len(payload["results"]) == 10 and "pagina=2" in payload["next"]
    codes = [r["code"] for r in payload["results"]]
    assert codes == sorted(codes)
    detail = client.get("/api/v1/samenwerkingsverbanden/PO3009/", HTTP_ACCEPT="application/json").json()
    assert detail["pagina"].endswith(Samenwerkingsverband.objects.get(code="PO3009").get_absolute_url())
    assert detail["gemeenten"] and detail["vergelijkingsgroep"]["kwartiel"] in (1, 2, 3, 4)
    assert "PO3009" in detail["vergelijkingsgroep"]["samenwerkingsverbanden"]
    indicator = client.get("/api/v1/indicatoren/leerlingen_totaal/", HTTP_ACCEPT="application/json").json()
    assert indicator["bron"] and indicator["downloads"]["csv"].endswith("/downloads/indicator/leerlingen_totaal.csv")
    assert client.get("/api/v1/samenwerkingsverbanden/PO9999/").status_code == 404


def test_api_is_browsable_and_documented(client):
    html = client.get("/api/v1/samenwerkingsverbanden/?format=api").content.decode()
    assert "PO3009" in html and "<script>" not in html
    # Without ?format=api the answer is JSON whatever the Accept header: the page cache keys by URL.
    response = client.get("/api/v1/samenwerkingsverbanden/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"] == "application/json" and response.json()["count"]
    docs = client.get("/api/").content.decode()
    assert "/api/v1/waarden/" in docs and "/api/v1/schema/" in docs


def test_openapi_schema_validates():
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    assert {"/api/v1/samenwerkingsverbanden/", "/api/v1/gemeenten/", "/api/v1/indicatoren/", "/api/v1/waarden/"} <= set(
        schema["paths"]
    )


def test_schema_is_served_as_yaml_and_json(client):
    assert yaml.safe_load(client.get("/api/v1/schema/").content)["openapi"].startswith("3.")
    assert client.get("/api/v1/schema/?format=json").json()["info"]["title"]
