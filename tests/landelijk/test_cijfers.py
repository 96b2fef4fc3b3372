"""/cijfers/<code>/: one figure across the country, for every indicator, linked from every figure."""

import re

import pytest
from django.utils.html import escape

from swv.models import Indicator, Samenwerkingsverband
from tests.factories import WaardeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.realdata
def test_every_indicator_has_its_page_with_map_table_series_and_downloads(client):
    indicators = list(Indicator.objects.all())
    assert indicators
    for indicator in indicators:
        response = client.get(f"/cijfers/{indicator.code}/")
        assert response.status_code == 200, indicator.code
        html = response.content.decode()
        assert escape(indicator.definitie) in html and escape(indicator.bron) in html, indicator.code
        assert f"/downloads/indicator/{indicator.code}.csv" in html
        if indicator.niveau == Indicator.Niveau.LAND:
            continue  # one national value per period: no map, the series is the page
        assert 'id="cijferkaart"' in html and 'id="cijfer-data"' in html, indicator.code
        assert 'class="cijfertabel"' in html, indicator.code
        sector = indicator.sector or "PO"
        assert (
            html.count('<th scope="row"><a href="/swv/') == Samenwerkingsverband.objects.filter(sector=sector).count()
        )


def test_index_lists_every_indicator(client):
    html = client.get("/cijfers/").content.decode()
    for code in Indicator.objects.values_list("code", flat=True):
        assert f'href="/cijfers/{code}/"' in html


def test_unknown_indicator_is_404(client):
    assert client.get("/cijfers/bestaat_niet/").status_code == 404


def _chart_data(html: str) -> dict:
    import json

    return json.loads(
        re.search(r'<script id="cijfer-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    )


@pytest.mark.realdata
def test_table_is_sorted_by_value_and_missing_values_come_last(client):
    html = client.get("/cijfers/deelname_sbo/").content.decode()
    data = _chart_data(html)
    table = html[html.index('class="cijfertabel"') : html.index("</table>", html.index('class="cijfertabel"'))]
    order = re.findall(r'<th scope="row"><a href="/swv/([A-Z]{2}[0-9]{4})-', table)
    assert len(order) == len(data["swv"])
    values = [data["swv"][code]["waarde"] for code in order]
    present = [v for v in values if v is not None]
    assert len(present) > 10 and present == sorted(present, reverse=True)
    assert values[: len(present)] == present  # every missing value after the last value


@pytest.mark.realdata
def test_sector_switch_for_an_indicator_of_both_sectors(client):
    po = client.get("/cijfers/leerlingen_totaal/?sector=po").content.decode()
    vo = client.get("/cijfers/leerlingen_totaal/?sector=vo").content.decode()
    assert "/kaart/po.geojson" in po and "/kaart/vo.geojson" in vo
    assert 'href="?sector=vo"' in po
    # an indicator of one sector ignores the other
    assert "/kaart/po.geojson" in client.get("/cijfers/deelname_sbo/?sector=vo").content.decode()


def test_every_figure_on_the_swv_and_landelijk_pages_links_to_its_page(client):
    swv = WaardeFactory(indicator__code="leerlingen_totaal").swv
    for url in (swv.get_absolute_url(), "/landelijk/", "/landelijk/?sector=vo"):
        html = client.get(url).content.decode()
        blocks = re.findall(r'<div class="figure" id="cijfer-([a-z0-9_]+)">', html)
        assert blocks, url
        for code in blocks:
            start = html.index(f'id="cijfer-{code}"')
            assert f'href="/cijfers/{code}/' in html[start : start + 20000], (url, code)


@pytest.mark.realdata
def test_chart_data_cover_every_swv_of_the_sector(client):
    data = _chart_data(client.get("/cijfers/leerlingen_totaal/?sector=vo").content.decode())
    assert set(data["swv"]) == set(Samenwerkingsverband.objects.filter(sector="VO").values_list("code", flat=True))
    classes = {e["klasse"] for e in data["swv"].values() if e["waarde"] is not None}
    assert classes <= set(range(5)) and len(data["legend"]) == len(classes)
