"""The map page, its GeoJSON per sector and the small map of an SWV (issue 4, items 2, 3 and 5)."""

import gzip
import json

import pytest
from django.template.loader import render_to_string
from django.test import override_settings

from swv.models import Samenwerkingsverband
from swv.selectors.regions import PROVINCIES, minimap

pytestmark = pytest.mark.django_db
MAX_GZIP_BYTES = 150 * 1024


@pytest.mark.parametrize(
    "url, sector, count", [("/kaart/", "PO", 76), ("/kaart/po/", "PO", 76), ("/kaart/vo/", "VO", 74)]
)
def test_map_page_lists_every_swv_by_province(client, real_data_dir, url, sector, count):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    swvs = Samenwerkingsverband.objects.filter(sector=sector)
    assert swvs.count() == count
    for swv in swvs:
        assert f'href="{swv.get_absolute_url()}"' in html, swv.code
    for name in PROVINCIES.values():
        assert f"<h3>{name}</h3>" in html
    assert f'data-geojson="/kaart/{sector.lower()}.geojson?v=' in html
    assert 'aria-current="page">' + ("Primair" if sector == "PO" else "Voortgezet") in html
    assert "css/kaart.css" in html and "js/kaart.js" in html


def test_split_gemeente_is_listed_under_both_swvs(client, real_data_dir):
    html = client.get("/kaart/po/").content.decode()
    assert html.count('Haarlemmermeer <span class="kaart-lijst__deels">(deels)</span>') >= 2


def test_old_sector_query_redirects_to_the_sector_url(client):
    response = client.get("/kaart/", {"sector": "vo"})
    assert response.status_code == 302 and response["Location"] == "/kaart/vo/"


def test_unknown_sector_is_not_found(client):
    assert client.get("/kaart/xo.geojson").status_code == 404
    assert client.get("/kaart/xo/").status_code == 404


def test_map_page_uses_no_tile_server_by_default(client, real_data_dir):
    html = client.get("/kaart/").content.decode()
    assert "data-tiles" not in html
    assert "http://" not in html.split("<main", 1)[1].split("</main>")[0].replace("http://www.w3.org", "")


@override_settings(
    MAP_TILES_URL="https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)
def test_tiles_only_when_configured(client, real_data_dir):
    html = client.get("/kaart/").content.decode()
    assert 'data-tiles="https://service.pdok.nl/' in html


@pytest.mark.parametrize("sector, count", [("po", 76), ("vo", 74)])
def test_geojson_per_sector(client, real_data_dir, sector, count):
    response = client.get(f"/kaart/{sector}.geojson", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Type"] in {"application/geo+json", "application/json"}
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert response["ETag"] and response["Last-Modified"]
    assert "max-age" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert len(response.content) <= MAX_GZIP_BYTES, len(response.content)
    data = json.loads(gzip.decompress(response.content))
    regions = [f for f in data["features"] if f["properties"]["laag"] == "regio"]
    assert len(regions) == count
    assert {f["properties"]["code"] for f in regions} == set(
        Samenwerkingsverband.objects.filter(sector=sector.upper()).values_list("code", flat=True)
    )
    shared = [f for f in data["features"] if f["properties"]["laag"] == "gedeeld"]
    assert shared and all(len(f["properties"]["swvs"]) >= 2 for f in shared)
    assert all(f["properties"]["url"].startswith("/zoeken/?q=") for f in shared)  # the postcodes per SWV
    plain = client.get(f"/kaart/{sector}.geojson")
    assert "Content-Encoding" not in plain and json.loads(plain.content) == data


def test_geojson_answers_not_modified(client, real_data_dir):
    first = client.get("/kaart/po.geojson")
    again = client.get("/kaart/po.geojson", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get("/kaart/po.geojson", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_minimap_include_has_the_region_inline_and_its_gemeenten_as_text(real_data_dir):
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    html = render_to_string("kaart/_swv_minimap.html", {"swv": swv, "regio_kaart": minimap(swv)})
    assert 'id="minikaart-data-PO3009" type="application/json"' in html
    assert 'data-geojson-id="minikaart-data-PO3009"' in html
    assert "Veldhoven" in html and "Eersel" in html
    assert "<script>" not in html  # no inline script: data only (json_script) and external files
    data = json.loads(html.split('type="application/json">', 1)[1].split("</script>", 1)[0])
    assert data["features"][0]["properties"]["laag"] == "regio"


def test_minimap_marks_a_split_gemeente(real_data_dir):
    swv = Samenwerkingsverband.objects.get(code="PO2710")
    html = render_to_string("kaart/_swv_minimap.html", {"swv": swv, "regio_kaart": minimap(swv)})
    assert "Haarlemmermeer (deels: postcodes" in html and "Gearceerd" in html


@override_settings(PAGE_CACHE_ENABLED=True)
def test_geojson_through_the_page_cache(client, real_data_dir):
    """The site-wide page cache may replace max-age by revalidation; the answer stays cacheable and small."""
    first = client.get("/kaart/vo.geojson", HTTP_ACCEPT_ENCODING="gzip")
    assert first.status_code == 200 and first["Content-Encoding"] == "gzip"
    assert "public" in first["Cache-Control"] and first["ETag"] and first["Last-Modified"]
    assert len(first.content) <= MAX_GZIP_BYTES
    again = client.get("/kaart/vo.geojson", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
