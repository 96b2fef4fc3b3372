"""The read-only JSON API: the same numbers as the pages, paginated, validated filters, valid OpenAPI."""

import json
import re

import pytest
import yaml
from django.conf import settings

from swv.models import Gemeente, Indicator, Samenwerkingsverband, Waarde
from swv.templatetags.nl import bereik
from swv.templatetags.nl import waarde as format_waarde
from tests.helpers import figure_value, page_text
from tests.opendata.test_downloads import sample_swvs

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
        return "<5" if bounds == (1, 4) and eenheid == "aantal" else page_text(bereik(bounds, eenheid))
    if row["status"] != "geleverd":
        return "niet aangeleverd"
    return page_text(format_waarde(row["waarde"], eenheid)) if row["waarde"] is not None else row["tekst"]


@pytest.mark.realdata
@pytest.mark.parametrize("index", range(7))
def test_api_figures_equal_the_page_for_every_indicator(client, index):
    swv = sample_swvs()[index]
    html = client.get(swv.get_absolute_url()).content.decode()
    rows = all_pages(client, f"/api/v1/samenwerkingsverbanden/{swv.code}/cijfers?perPagina=50")
    current = {row["indicator"]: row for row in rows if row["huidig"]}
    eenheden = dict(Indicator.objects.values_list("code", "eenheid"))
    assert set(current) == {c for c in eenheden if f'id="cijfer-{c}"' in html}
    for code, row in current.items():
        on_page = figure_value(html, code)
        expected = shown(row, eenheden[code])
        assert on_page == expected or on_page.startswith(expected + " "), (code, on_page, expected)
        assert row["bron"]


@pytest.mark.realdata
def test_values_endpoint_equals_the_figures_endpoint_and_the_page(client):
    figures = all_pages(client, "/api/v1/samenwerkingsverbanden/PO3009/cijfers")
    values = all_pages(client, "/api/v1/waarden?swv=PO3009&perPagina=1000")
    by_key = {(v["indicator"], v["periode"]): v for v in values}
    for row in figures:
        if row["periode"]:
            assert by_key[(row["indicator"], row["periode"])]["waarde"] == row["waarde"]
            assert by_key[(row["indicator"], row["periode"])]["status"] == row["status"]


@pytest.mark.realdata
def test_values_are_filtered_by_sector_swv_indicator_and_period(client):
    latest = Waarde.objects.filter(indicator__code="leerlingen_totaal", swv__sector="VO").latest("peildatum").periode
    rows = all_pages(client, f"/api/v1/waarden?sector=VO&indicator=leerlingen_totaal&periode={latest}&perPagina=1000")
    assert rows and {r["sector"] for r in rows} == {"VO"} and {r["periode"] for r in rows} == {latest}
    assert len({r["swv"] for r in rows}) == len(rows)
    gemeente = Gemeente.objects.filter(waarden__isnull=False).first()
    rows = all_pages(client, f"/api/v1/waarden?niveau=gemeente&gemeente={gemeente.code}")
    assert rows and {r["gemeente"] for r in rows} == {gemeente.code}
    assert all_pages(client, "/api/v1/waarden?niveau=land")


@pytest.mark.parametrize(
    "url,param",
    [
        ("/api/v1/waarden?niveau=heelal", "niveau"),
        ("/api/v1/waarden?sector=MBO", "sector"),
        ("/api/v1/samenwerkingsverbanden?sector=x", "sector"),
        ("/api/v1/indicatoren?thema=sport", "thema"),
    ],
)
def test_bad_filters_are_a_dutch_problem_400(client, url, param):
    response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = json.loads(response.content)
    assert problem["status"] == 400 and problem["title"] == "Ongeldige vraag"
    assert problem["detail"].startswith("Kies uit")
    assert [p["name"] for p in problem["invalidParams"]] == [param]


@pytest.mark.realdata
def test_registers_are_paginated_and_stable(client):
    payload = client.get("/api/v1/samenwerkingsverbanden?perPagina=10", HTTP_ACCEPT="application/json").json()
    assert payload["count"] == Samenwerkingsverband.objects.count()
    assert len(payload["results"]) == 10 and "pagina=2" in payload["next"]
    codes = [r["code"] for r in payload["results"]]
    assert codes == sorted(codes)
    detail = client.get("/api/v1/samenwerkingsverbanden/PO3009", HTTP_ACCEPT="application/json").json()
    assert detail["pagina"].endswith(Samenwerkingsverband.objects.get(code="PO3009").get_absolute_url())
    assert detail["gemeenten"] and detail["vergelijkingsgroep"]["kwartiel"] in (1, 2, 3, 4)
    assert "PO3009" in detail["vergelijkingsgroep"]["samenwerkingsverbanden"]
    indicator = client.get("/api/v1/indicatoren/leerlingen_totaal", HTTP_ACCEPT="application/json").json()
    assert indicator["bron"] and indicator["downloads"]["csv"].endswith("/downloads/indicator/leerlingen_totaal.csv")
    missing = client.get("/api/v1/samenwerkingsverbanden/PO9999")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"
    assert json.loads(missing.content)["detail"] == "Er is geen samenwerkingsverband met code PO9999."


@pytest.mark.realdata
def test_api_is_browsable_and_documented(client):
    html = client.get("/api/v1/samenwerkingsverbanden?format=api&perPagina=2").content.decode()
    assert "PO2001" in html and "<script>" not in html  # no inline script: the CSP stays strict
    # In the site's own layout and language: Dutch name, breadcrumbs and page links, no DRF branding.
    assert '<html lang="nl">' in html and '<h1 class="api-naam">Samenwerkingsverbanden</h1>' in html
    assert "Volgende pagina" in html and 'href="/api/v1"' in html and "Django REST framework" not in html
    detail = client.get("/api/v1/samenwerkingsverbanden/PO3009/cijfers?format=api").content.decode()
    assert "Samenwerkingsverbanden › PO3009 › cijfers" in detail
    # Without ?format=api the answer is JSON whatever the Accept header: the page cache keys by URL.
    response = client.get("/api/v1/samenwerkingsverbanden", HTTP_ACCEPT="text/html")
    assert response["Content-Type"] == "application/json" and response.json()["count"]
    docs = client.get("/api/").content.decode()
    assert "/api/v1/waarden" in docs and "/api/v1/openapi.json" in docs and "perPagina" in docs
    assert "CC0 1.0" in docs and 'id="contact"' in docs


def test_openapi_schema_validates():
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    assert {"/samenwerkingsverbanden", "/gemeenten", "/indicatoren", "/waarden"} <= set(schema["paths"])
    assert schema["servers"] == [{"url": "/api/v1", "description": "Versie 1 op deze site"}]
    assert re.fullmatch(r"\d+\.\d+\.\d+", schema["info"]["version"])
    assert schema["info"]["license"]["url"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert {"name", "email", "url"} <= set(schema["info"]["contact"])


def test_openapi_document_is_public_json_and_yaml_with_the_same_content(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.") and document["info"]["title"]
    assert yaml.safe_load(client.get("/api/v1/openapi.yaml").content) == document


@pytest.mark.realdata
@pytest.mark.parametrize(
    "url,status",
    [
        ("/api/v1", 200),
        ("/api/v1/samenwerkingsverbanden", 200),
        ("/api/v1/samenwerkingsverbanden/PO3009/cijfers", 200),
        ("/api/v1/openapi.json", 200),
        ("/api/v1/samenwerkingsverbanden?sector=XX", 400),
        ("/api/v1/gemeenten/GM9999", 404),
        ("/api/v1/waarden?format=xml", 406),
        ("/api/v1/bestaat-niet", 404),
    ],
)
def test_every_api_answer_has_the_full_version_and_cors(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["API-Version"] == settings.API_VERSION and re.fullmatch(r"\d+\.\d+\.\d+", settings.API_VERSION)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "API-Version" in response["Access-Control-Expose-Headers"]
    assert '<https://creativecommons.org/publicdomain/zero/1.0/>; rel="license"' in response["Link"]
    if status >= 400:
        assert response["Content-Type"] == "application/problem+json"
        problem = json.loads(response.content)
        assert problem["status"] == status and problem["title"] and problem["detail"]


def test_cors_preflight_allows_reading_only(client):
    for url in ["/api/v1/waarden", "/downloads/waarden.csv"]:
        response = client.options(url, HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
        assert response.status_code == 204
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


@pytest.mark.realdata
@pytest.mark.parametrize(
    "slashed", ["/api/v1/samenwerkingsverbanden/", "/api/v1/samenwerkingsverbanden/PO3009/", "/api/v1/waarden/"]
)
def test_a_trailing_slash_is_a_404_that_names_the_address(client, slashed):
    """ADR /core/no-trailing-slash: a slashed URI is another (absent) resource: 404, not a redirect."""
    response = client.get(slashed)
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert slashed.rstrip("/") in json.loads(response.content)["detail"]
    assert client.get(slashed.rstrip("/")).status_code == 200


@pytest.mark.realdata
@pytest.mark.parametrize(
    "url,canonical",
    [
        ("/api/v1/samenwerkingsverbanden/po3009", "/api/v1/samenwerkingsverbanden/PO3009"),
        ("/api/v1/samenwerkingsverbanden/PO%2030-09?format=json", "/api/v1/samenwerkingsverbanden/PO3009?format=json"),
        ("/api/v1/samenwerkingsverbanden/P0-30.09/cijfers", "/api/v1/samenwerkingsverbanden/PO3009/cijfers"),
        ("/api/v1/samenwerkingsverbanden/po3009.json", "/api/v1/samenwerkingsverbanden/PO3009.json"),
        ("/api/v1/gemeenten/gm0363", "/api/v1/gemeenten/GM0363"),
    ],
)
def test_a_code_in_another_spelling_redirects_to_the_canonical_address(client, url, canonical):
    response = client.get(url)
    assert response.status_code == 301 and response["Location"] == canonical
    assert client.get(canonical).status_code == 200


@pytest.mark.parametrize("code", ["PO3009", "VO3001"])
def test_figures_of_the_other_sector_are_not_applicable_not_missing(client, code):
    swv = Samenwerkingsverband.objects.get(code=code)
    rows = all_pages(client, f"/api/v1/samenwerkingsverbanden/{code}/cijfers?perPagina=1000")
    other = set(
        Indicator.objects.filter(niveau__in=["swv", "gemeente"])
        .exclude(sector__in=["", swv.sector])
        .values_list("code", flat=True)
    )
    assert other
    nvt = {row["indicator"]: row for row in rows if row["status"] == "nvt"}
    assert set(nvt) == other
    for row in nvt.values():
        assert row["waarde"] is None and row["periode"] == "" and not row["huidig"]
    # Every figure of its own sector is there too, each with a status of its own.
    own = {row["indicator"] for row in rows} - other
    assert own == set(
        Indicator.objects.filter(niveau__in=["swv", "gemeente"], sector__in=["", swv.sector]).values_list(
            "code", flat=True
        )
    )
    assert all(row["status"] in ("geleverd", "niet_geleverd", "onderdrukt") for row in rows if row["indicator"] in own)


def test_the_model_lists_read_codes_and_sectors_as_the_values_do(client):
    """One filter vocabulary (swv.opendata.filters): codes in every spelling, a sector in any case."""
    of_swv = client.get("/api/v1/gemeenten?swv=po%2030-09&perPagina=1000").json()["results"]
    assert of_swv and of_swv == client.get("/api/v1/gemeenten?swv=PO3009&perPagina=1000").json()["results"]
    assert {s["sector"] for s in client.get("/api/v1/samenwerkingsverbanden?sector=vo").json()["results"]} == {"VO"}
    for url in ["/api/v1/gemeenten?swv=PX3009", "/api/v1/waarden?swv=PX3009", "/api/v1/waarden?periode=2023-13"]:
        response = client.get(url)
        assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
        problem = json.loads(response.content)
        assert [p["name"] for p in problem["invalidParams"]] == [url.split("?")[1].split("=")[0]]
        assert "onbekende code" in problem["detail"] or "ongeldige periode" in problem["detail"]


@pytest.mark.parametrize(
    ("query", "refused"),
    [("gemeente=GM0363", "gemeente"), ("niveau=gemeente&swv=PO3009", "swv"), ("niveau=land&sector=po", "sector")],
)
def test_a_unit_filter_of_another_niveau_is_refused_not_dropped(client, query, refused):
    """Dropped, it would widen the selection to everything (and be one more cached copy of the whole list)."""
    for url in (f"/api/v1/waarden?{query}", f"/downloads/waarden.csv?{query}"):
        response = client.get(url)
        assert response.status_code == 400 and "geldt niet bij niveau" in response.content.decode(), url
    problem = client.get(f"/api/v1/waarden?{query}").json()
    assert [p["name"] for p in problem["invalidParams"]] == [refused]


def test_the_openapi_document_describes_the_filters(client):
    document = json.loads(client.get("/api/v1/openapi.json").content)
    parameters = {p["name"]: p for p in document["paths"]["/waarden"]["get"]["parameters"]}
    assert parameters["swv"]["schema"] == {"type": "array", "items": {"type": "string"}}
    assert parameters["sector"]["schema"]["enum"] == ["PO", "VO"] and parameters["periode"]["description"]
    thema = {p["name"]: p for p in document["paths"]["/indicatoren"]["get"]["parameters"]}["thema"]
    assert set(thema["schema"]["enum"]) == set(Indicator.Thema.values)
