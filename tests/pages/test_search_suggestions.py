"""Suggestions while typing in the search box (/zoeken/suggesties): the same search, ranking and aliases."""

import pytest

from swv.models import SwvGemeente, Vestiging
from swv.selectors.indeling import current_indeling
from swv.selectors.search import MAX_SUGGESTIONS

pytestmark = pytest.mark.django_db
URL = "/zoeken/suggesties"


def _suggestions(client, query: str) -> list[dict]:
    response = client.get(URL, {"q": query})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()["suggesties"]


def test_an_everyday_name_being_typed_offers_that_place_first(client, real_data_dir):
    found = _suggestions(client, "Den Ha")
    assert found[0]["zoekterm"] == "Den Haag"
    assert "'s-Gravenhage" in found[0]["label"]
    swvs = SwvGemeente.objects.filter(indeling=current_indeling(), gemeente__naam="'s-Gravenhage")
    urls = {relation.swv.get_absolute_url() for relation in swvs.select_related("swv")}
    # PO and VO: the suggestion leads to the search page, which lists both
    assert len(urls) == 2 and found[0]["url"] == "/zoeken/?q=Den+Haag"
    assert len(found) <= MAX_SUGGESTIONS


def test_places_come_before_swvs_and_schools(client, real_data_dir):
    found = _suggestions(client, "Eindhoven")
    kinds = [s["soort"] for s in found]
    assert kinds[0] == "gemeente" and "school" in kinds
    order = {"postcode": 0, "gemeente": 0, "plaats": 0, "swv": 1, "school": 2}
    assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)
    school = next(s for s in found if s["soort"] == "school")
    vestiging = Vestiging.objects.select_related("swv").get(brin6=school["zoekterm"])
    assert vestiging.plaats.lower() in school["label"].lower()  # schools are named with their plaats
    if vestiging.swv is not None:
        assert school["url"] == vestiging.swv.get_absolute_url()


def test_a_village_leads_to_the_swvs_of_its_postcodes(client, real_data_dir):
    found = _suggestions(client, "Hape")
    village = next(s for s in found if s["soort"] == "plaats")
    assert village["zoekterm"] == "Hapert" and "gemeente Bladel" in village["label"]


def test_a_typo_offers_the_place_meant(client, real_data_dir):
    found = _suggestions(client, "Veldhovn")
    assert found[0]["zoekterm"] == "Veldhoven"


def test_an_swv_code_offers_that_swv(client, real_data_dir):
    found = _suggestions(client, "PO 30-09")
    assert [s["zoekterm"] for s in found] == ["PO 30-09"]
    assert found[0]["url"].endswith("/") and found[0]["soort"] == "swv"


@pytest.mark.parametrize("query", ["", " ", "D", " a "])
def test_an_empty_or_short_query_gets_an_empty_list(client, query):
    assert _suggestions(client, query) == []


@pytest.mark.parametrize("query", ["x" * 101, "x" * 5000])
def test_an_overlong_query_is_refused_in_dutch(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 400
    assert "te lang" in response.json()["fout"]


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", "' OR 1=1 --", "%%%", "😀😀", "\\", "Den Haag\u202e"])
def test_hostile_queries_are_answered_not_crashed(client, real_data_dir, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["suggesties"], list)


def test_a_nul_byte_is_a_400_not_a_500(client):
    response = client.get(URL, {"q": "a\x00b"})
    assert response.status_code == 400
