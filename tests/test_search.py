"""'In welk samenwerkingsverband valt …?': search on the real indeling, gemeenten and schools (issue 4, item 4)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from swv.models import Postcodegebied, Samenwerkingsverband, Vestiging
from swv.selectors.regions import swv_url
from swv.selectors.search import search
from swv.services.links import current_indeling

pytestmark = pytest.mark.django_db


def _swv(code: str) -> Samenwerkingsverband:
    return Samenwerkingsverband.objects.get(code=code)


def test_every_pc4_of_the_indeling_finds_its_po_and_vo_swv(real_data_dir):
    areas = Postcodegebied.objects.filter(indeling=current_indeling()).select_related("po_swv", "vo_swv")
    assert areas.count() == 4046
    checked = 0
    for area in areas:
        result = search(area.pc4)
        assert len(result.hits) == 1, area.pc4
        found = {t.swv.pk for t in result.hits[0].targets}
        if area.po_swv_id is None:  # Europoort: the port belongs to no SWV, and the answer says so
            assert area.pc4 in {"3197", "3198", "3199"} and not found and result.hits[0].toelichting
            continue
        assert found == {area.po_swv_id, area.vo_swv_id}, area.pc4
        checked += 1
    assert checked == 4043


@pytest.mark.parametrize("query", ["5504", "5504 AB", "5504ab", " 5504AB "])
def test_postcode_spellings_list_po_and_vo(client, real_data_dir, query):
    area = Postcodegebied.objects.get(indeling=current_indeling(), pc4="5504")
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Postcode 5504" in html
    assert swv_url(area.po_swv) in html and swv_url(area.vo_swv) in html


def test_postcode_with_a_sector_goes_straight_to_the_swv(client, real_data_dir):
    area = Postcodegebied.objects.get(indeling=current_indeling(), pc4="5504")
    response = client.get("/zoeken/", {"q": "5504 AB", "sector": "vo"})
    assert response.status_code == 302
    assert response["Location"] == swv_url(area.vo_swv)


@pytest.mark.parametrize("query", ["PO3009", "PO 30-09", "po30.09", "PO 30.09", "po 3009"])
def test_swv_code_in_any_spelling_redirects(client, real_data_dir, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == swv_url(_swv("PO3009"))


@pytest.mark.parametrize("query", ["16AH", "16AH00", "16ah00", "16ah"])
def test_brin_redirects_to_the_schools_swv(client, real_data_dir, query):
    school = Vestiging.objects.get(brin6="16AH00")
    assert school.swv is not None
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == swv_url(school.swv)


def test_school_name_finds_the_school(client, real_data_dir):
    school = Vestiging.objects.get(brin6="16AH00")
    result = search("Eenspan")
    assert any(school.brin6 in hit.titel for hit in result.hits)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("sudwest fryslan", "Súdwest-Fryslân"),
        ("Súdwest-Fryslân", "Súdwest-Fryslân"),
        ("SUDWEST-FRYSLAN", "Súdwest-Fryslân"),
        ("Bussum", "Gooise Meren"),  # merged 2016: old names still find today's gemeente
        ("Littenseradiel", "Súdwest-Fryslân"),  # split over three gemeenten in 2018
        ("Haarlemmerliede en Spaarnwoude", "Haarlemmermeer"),
    ],
)
def test_gemeente_by_current_or_old_name(real_data_dir, query, expected):
    result = search(query)
    titles = [hit.titel for hit in result.hits if hit.soort == "gemeente"]
    assert any(expected in title for title in titles), titles
    hit = next(hit for hit in result.hits if expected in hit.titel)
    assert {t.sector for t in hit.targets} == {"PO", "VO"}


def test_split_gemeente_lists_every_swv_with_its_postcodes(client, real_data_dir):
    result = search("Haarlemmermeer")
    hit = next(hit for hit in result.hits if hit.soort == "gemeente")
    po = [t for t in hit.targets if t.sector == "PO"]
    assert len(po) > 1 and all(t.postcodes for t in po)
    html = client.get("/zoeken/", {"q": "Haarlemmermeer"}).content.decode()
    assert "verdeeld" in html


def test_nothing_found_says_what_was_searched_and_what_to_try(client, real_data_dir):
    response = client.get("/zoeken/", {"q": "qwxzv"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Niets gevonden voor ‘qwxzv’" in html
    assert "postcode" in html and "gemeente" in html and "BRIN" in html


def test_unknown_postcode_is_not_found(client, real_data_dir):
    html = client.get("/zoeken/", {"q": "0000"}).content.decode()
    assert "Niets gevonden" in html


def test_empty_search_shows_the_form(client):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize(
    "query", ["5504 AB", "sudwest fryslan", "Littenseradiel", "16AH", "eenspan", "PO 30-09", "bergen"]
)
def test_search_makes_few_queries(real_data_dir, query):
    """Search stays a handful of queries whatever the data size; its speed is measured in make bench."""
    search(query)  # warm the gemeente name index
    with CaptureQueriesContext(connection) as queries:
        search(query)
    assert len(queries) <= 6, [q["sql"] for q in queries]
