"""'In welk samenwerkingsverband valt …?': search on the real indeling, gemeenten and schools (issue 4, item 4)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from swv.models import Postcodegebied, Samenwerkingsverband, Vestiging
from swv.selectors.indeling import current_indeling
from swv.selectors.search import search

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
    assert area.po_swv.get_absolute_url() in html and area.vo_swv.get_absolute_url() in html


def test_postcode_with_a_sector_goes_straight_to_the_swv(client, real_data_dir):
    area = Postcodegebied.objects.get(indeling=current_indeling(), pc4="5504")
    response = client.get("/zoeken/", {"q": "5504 AB", "sector": "vo"})
    assert response.status_code == 302
    assert response["Location"] == area.vo_swv.get_absolute_url()


@pytest.mark.parametrize("query", ["PO3009", "PO 30-09", "po30.09", "PO 30.09", "po 3009"])
def test_swv_code_in_any_spelling_redirects(client, real_data_dir, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == _swv("PO3009").get_absolute_url()


@pytest.mark.parametrize("query", ["16AH", "16AH00", "16ah00", "16ah"])
def test_brin_redirects_to_the_schools_swv(client, real_data_dir, query):
    school = Vestiging.objects.get(brin6="16AH00")
    assert school.swv is not None
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 302
    assert response["Location"] == school.swv.get_absolute_url()


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
    "query",
    [
        "5504 AB",
        "sudwest fryslan",
        "Littenseradiel",
        "16AH",
        "eenspan",
        "PO 30-09",
        "bergen",
        "Den Haag",
        "Hapert",
        "Veldhovn",
    ],
)
def test_search_makes_few_queries(real_data_dir, query):
    """Search stays a handful of queries whatever the data size; its speed is measured in make bench."""
    search(query)  # warm the gemeente name index
    with CaptureQueriesContext(connection) as queries:
        search(query)
    assert len(queries) <= 6, [q["sql"] for q in queries]


def _first_swvs(query: str, **kwargs) -> set[str]:
    result = search(query, **kwargs)
    assert result.hits, query
    return {t.swv.code for t in result.hits[0].targets}


def _gemeente_swvs(naam: str) -> set[str]:
    from swv.models import SwvGemeente

    rows = SwvGemeente.objects.filter(indeling=current_indeling(), gemeente__naam=naam, gemeente__geldig_tot=None)
    return set(rows.values_list("swv__code", flat=True))


@pytest.mark.parametrize(
    "query, official",
    [
        ("Den Haag", "'s-Gravenhage"),
        ("gemeente Den Haag", "'s-Gravenhage"),
        ("den haag", "'s-Gravenhage"),
        ("'s-Gravenhage", "'s-Gravenhage"),
        ("s Gravenhage", "'s-Gravenhage"),
        ("sGravenhage", "'s-Gravenhage"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Gemeente 's-Hertogenbosch", "'s-Hertogenbosch"),
    ],
)
def test_official_and_everyday_names_lead_to_the_gemeentes_swvs_first(real_data_dir, query, official):
    """A place people name beats a school whose name merely contains the words (Den Aldenhaag, Oudenbosch)."""
    assert _first_swvs(query) == _gemeente_swvs(official)
    first = search(query).hits[0]
    assert first.soort == "gemeente" and official in first.titel


def test_every_alias_in_the_table_finds_a_place(real_data_dir):
    """The alias table is data: every everyday name in it must lead to a place of the index."""
    from swv.selectors.places import aliases

    for written, official in aliases().values():
        result = search(written)
        assert result.hits and result.hits[0].exact, (written, official)
        assert any(part in result.hits[0].titel for part in (official, official.split(" ")[0])), result.hits[0].titel


def test_a_woonplaats_that_is_no_gemeente_leads_to_the_swvs_of_its_postcodes(real_data_dir):
    """Hapert lies in gemeente Bladel; its schools' postcodes lie in one PO and one VO SWV."""
    schools = Vestiging.objects.filter(plaats="Hapert")
    assert schools.exists()
    areas = Postcodegebied.objects.filter(indeling=current_indeling(), pc4__in=schools.values("pc4"))
    expected = {a.po_swv.code for a in areas} | {a.vo_swv.code for a in areas}
    result = search("hapert")
    assert result.hits[0].soort == "plaats" and "gemeente Bladel" in result.hits[0].titel
    assert {t.swv.code for t in result.hits[0].targets} == expected


def test_a_woonplaats_with_a_sector_goes_straight_to_its_swv(client, real_data_dir):
    school = Vestiging.objects.filter(plaats="Hapert", soort="bo").exclude(swv=None).first()
    response = client.get("/zoeken/", {"q": "Hapert", "sector": "po"})
    assert response.status_code == 302 and response["Location"] == school.swv.get_absolute_url()


@pytest.mark.parametrize("typo", ["Veldhovn", "Vledhoven", "veldhoove"])
def test_a_typo_suggests_the_place_and_shows_its_swvs(client, real_data_dir, typo):
    result = search(typo)
    assert result.suggestions[0] == "Veldhoven"
    assert result.corrected == "Veldhoven" and result.redirect_url is None
    assert _first_swvs(typo) == _gemeente_swvs("Veldhoven")
    html = client.get("/zoeken/", {"q": typo}).content.decode()
    assert f"Niets gevonden voor ‘{typo}’" in html and "Bedoelde u <strong>Veldhoven</strong>?" in html


def test_a_typo_next_to_school_hits_still_asks_what_was_meant(real_data_dir):
    result = search("Eindhovn")
    assert "Eindhoven" in result.suggestions


def test_same_named_schools_show_street_and_plaats(real_data_dir):
    """Branches of one school are told apart by their address."""
    from django.db.models import Count

    naam = Vestiging.objects.values("naam").annotate(n=Count("pk")).filter(n__gt=2).order_by("-n")[0]["naam"]
    titles = [h.titel for h in search(naam).hits if h.soort == "school" and h.titel.startswith(naam)]
    assert len(titles) > 2 and len(set(titles)) == len(titles), titles
    school = Vestiging.objects.filter(naam=naam).exclude(straat="").first()
    assert any(school.straat in title for title in titles)


def test_nonsense_gets_no_suggestion(real_data_dir):
    result = search("qwxzv")
    assert not result.hits and not result.suggestions


@pytest.mark.parametrize(
    "query",
    ["", " ", "a", "x" * 500, "😀", "%", "_", "%_%_", ".*", "(", "[", "\\", "^$", "' OR 1=1 --", "'s " * 33, "a " * 50],
)
def test_hostile_queries_get_a_page_never_an_error_or_a_redirect(client, query):
    """LIKE wildcards, regex characters, emoji and long strings are text to look for, nothing more; a
    query that only happens to be part of some school's name never sends the visitor anywhere."""
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_a_school_called_exactly_what_was_typed_comes_first(real_data_dir):
    """'De Rank' is in 25 other names (De Bosrank, ...): the school of that name is listed first."""
    school = Vestiging.objects.filter(naam="De Rank").first()
    assert school is not None
    titles = [hit.titel for hit in search("de rank").hits if hit.soort == "school"]
    assert titles[0].startswith("De Rank,")
