"""Place names as people type them lead to the right SWV's: every spelling of a gemeente or woonplaats,
same-named places side by side, old gemeenten to the SWV's of their own postcodes (issue: search).

The first part builds a small synthetic country from the factories and types each of its names in every
way people do; the second types every gemeente and woonplaats of the open data."""

import datetime
import re
import unicodedata
from collections import defaultdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from swv.models import Gemeente, Herindeling, Postcodegebied, SwvGemeente, Vestiging
from swv.selectors.indeling import current_indeling
from swv.selectors.places import find_places, place_keys, query_keys
from swv.selectors.search import search
from tests.factories import GemeenteFactory, IndelingFactory, SamenwerkingsverbandFactory, VestigingFactory

pytestmark = pytest.mark.django_db


def _plain(name: str) -> str:
    """As typed on a phone: lowercase, no accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def _found(query: str, **kwargs) -> set[str]:
    return {target.swv.code for target in search(query, **kwargs).destinations}


@pytest.fixture
def country():
    """Three SWV's and the kinds of names the open data has, each with its own postcodes."""
    indeling = IndelingFactory()
    po_a, po_b = SamenwerkingsverbandFactory(sector="PO"), SamenwerkingsverbandFactory(sector="PO")
    vo = SamenwerkingsverbandFactory(sector="VO")

    def gemeente(naam: str, pc4s: dict[str, object], **fields) -> Gemeente:
        g = GemeenteFactory(naam=naam, **fields)
        if fields.get("geldig_tot"):
            return g
        for pc4, po in pc4s.items():
            Postcodegebied.objects.create(
                indeling=indeling, pc4=pc4, gemeente=g, gemeente_bron=naam, po_swv=po, vo_swv=vo
            )
        for swv in {*pc4s.values(), vo}:
            own = [pc4 for pc4, po in pc4s.items() if po == swv or swv == vo]
            split = len(set(pc4s.values())) > 1
            SwvGemeente.objects.create(
                indeling=indeling,
                sector=swv.sector,
                swv=swv,
                gemeente=g,
                gemeente_bron=naam,
                postcodes=",".join(own),
                gesplitst=split and swv != vo,
            )
        return g

    def woonplaats(plaats: str, g: Gemeente, pc4: str) -> None:
        VestigingFactory(plaats=plaats, gemeente=g, pc4=pc4, postcode=f"{pc4} AA", swv=None)

    hoven = gemeente("Proefhoven", {"9101": po_a, "9102": po_a})
    gemeente("Súdproef-Fryslân", {"9201": po_b})
    gemeente("Proefdam (L.)", {"9301": po_a})
    gemeente("Proefdam (NH.)", {"9401": po_b})
    meer = gemeente("Proefmeer", {"9501": po_a, "9502": po_b})
    for old, pc4 in (("Oudproef", "9501"), ("Proefveen", "9502")):
        merged = gemeente(old, {}, geldig_tot=datetime.date(2021, 12, 31))
        Herindeling.objects.create(datum=datetime.date(2022, 1, 1), oud=merged, nieuw=meer)
        Postcodegebied.objects.filter(indeling=indeling, pc4=pc4).update(gemeente_bron=old)
    bosch = gemeente("'s-Proefenbosch", {"9601": po_b})
    woonplaats("Proefdorp Gld", hoven, "9102")
    woonplaats("Proefdorp Nb", meer, "9502")
    woonplaats("Proefhoven", hoven, "9101")
    woonplaats("Proefwijk Gem Proefhoven", hoven, "9101")
    woonplaats("St. Proefius", bosch, "9601")
    woonplaats("Nieuw-Proefstad", bosch, "9601")
    woonplaats("Proefkerk ad IJssel", bosch, "9601")
    return {"a": {po_a.code, vo.code}, "b": {po_b.code, vo.code}, "ab": {po_a.code, po_b.code, vo.code}}


@pytest.mark.parametrize(
    "query, expected",
    [
        *[(q, "a") for q in ("Proefhoven", "proefhoven", "PROEFHOVEN", "  proefhoven  ", "gemeente Proefhoven")],
        *[(q, "b") for q in ("Súdproef-Fryslân", "sudproef fryslan", "sudproef-fryslan", "Sudproeffryslan")],
        ("proefdam", "ab"),  # two gemeenten of that name: both, to pick from
        *[(q, "a") for q in ("Proefdam (L.)", "proefdam l", "Proefdam L.", "proefdam limburg", "Proefdam (Lb)")],
        *[(q, "b") for q in ("Proefdam (NH.)", "proefdam nh", "Proefdam N-H", "proefdam noord-holland")],
        ("oudproef", "a"),  # an old gemeente: the SWV's of its own postcodes, not all of Proefmeer's
        ("gemeente Proefveen", "b"),
        ("proefmeer", "ab"),
        ("proefdorp", "ab"),  # DUO's 'Proefdorp Gld' and 'Proefdorp Nb': both
        ("Proefdorp Gld", "a"),
        ("proefdorp gelderland", "a"),
        ("proefdorp nb", "b"),
        ("proefwijk", "a"),  # DUO's 'Proefwijk Gem Proefhoven'
        *[(q, "b") for q in ("sint proefius", "St Proefius", "st. proefius", "Sint-Proefius")],
        *[(q, "b") for q in ("nieuw proefstad", "Nieuw-Proefstad", "N. Proefstad", "Nw. Proefstad", "nw proefstad")],
        *[(q, "b") for q in ("Proefkerk aan den IJssel", "proefkerk a/d ijssel", "proefkerk ad ijssel")],
        ("proefkerk a.d. ijssel", "b"),
        *[(q, "b") for q in ("'s-Proefenbosch", "s-proefenbosch", "'s Proefenbosch", "sproefenbosch", "Proefenbosch")],
    ],
)
def test_every_way_of_typing_a_place_leads_to_its_swvs(country, query, expected):
    assert _found(query) == country[expected]


def test_same_named_places_are_listed_to_pick_from_also_within_a_sector(country, client):
    hits = [hit for hit in search("Proefdam").hits if hit.exact]
    assert {hit.titel for hit in hits} == {"Gemeente Proefdam (L.)", "Gemeente Proefdam (NH.)"}
    response = client.get("/zoeken/", {"q": "proefdorp", "sector": "po"})
    assert response.status_code == 200  # two PO SWV's: the visitor picks, no redirect to either
    html = response.content.decode()
    assert "Proefdorp Gld" in html and "Proefdorp Nb" in html


def test_an_old_gemeente_says_what_it_is_now(country):
    hit = search("Oudproef").hits[0]
    assert hit.soort == "gemeente" and hit.exact
    assert hit.titel == "Gemeente Oudproef (tot 2022; nu deel van gemeente Proefmeer)"


def test_a_woonplaats_that_repeats_its_gemeente_is_the_gemeente(country):
    """'Proefhoven' the woonplaats adds nothing to Proefhoven the gemeente, and typed with DUO's qualifier
    ('Proefdorp Gld' in gemeente Proefhoven would be) the woonplaats still finds the gemeente."""
    assert [hit.soort for hit in search("Proefhoven").hits if hit.exact] == ["gemeente"]


def test_a_partial_match_is_listed_not_followed(country, client):
    """'proefhov' is only the start of a name: the visitor sees it, the site does not decide."""
    response = client.get("/zoeken/", {"q": "proefhov"})
    assert response.status_code == 200
    assert "Gemeente Proefhoven" in response.content.decode()
    assert client.get("/zoeken/", {"q": "proefhoven", "sector": "po"}).status_code == 302


def test_a_typo_offers_every_place_of_that_name(country):
    result = search("Proefdma")
    assert result.corrected == "Proefdam"  # not 'Proefdam (L.)': the correction finds both
    assert _found("Proefdma") == country["ab"]


def test_the_place_index_answers_without_the_database(country):
    """While typing, names are looked up in the cached index: no query, whatever the number of places."""
    find_places("proefdorp")
    with CaptureQueriesContext(connection) as queries:
        for query in ("proefd", "Proefdam (L.)", "s-proefenbosch", "oudproef", "nw proefstad", "zzzzzz"):
            find_places(query)
    assert not queries.captured_queries


@pytest.mark.parametrize(
    "name, query",
    [
        ("Hengelo Gld", "hengelo"),
        ("Beek Gem Montferland", "beek"),
        ("Bergen (NH.)", "bergen nh"),
        ("Bergen L", "bergen l"),
    ],
)
def test_a_qualified_name_is_found_with_and_without_its_qualifier(name, query):
    assert query_keys(query) & place_keys(name)


def test_a_province_typed_out_does_not_find_the_other_place_of_that_name():
    assert not query_keys("Hengelo Gelderland") & place_keys("Hengelo (O.)")
    assert not query_keys("Bergen Limburg") & place_keys("Bergen (NH.)")


# The open data: every name the site knows, typed as people do.


def _real_places() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Gemeente name -> its SWV's in the current indeling; woonplaats -> the SWV's of its schools' PC4's."""
    indeling = current_indeling()
    gemeenten: dict[str, set[str]] = defaultdict(set)
    rows = SwvGemeente.objects.filter(indeling=indeling, gemeente__geldig_tot=None)
    for naam, code in rows.values_list("gemeente__naam", "swv__code"):
        gemeenten[naam].add(code)
    areas = Postcodegebied.objects.filter(indeling=indeling).values_list("pc4", "po_swv__code", "vo_swv__code")
    swvs = {pc4: {code for code in codes if code} for pc4, *codes in areas}
    plaatsen: dict[str, set[str]] = defaultdict(set)
    for plaats, pc4 in Vestiging.objects.values_list("plaats", "pc4").order_by():
        plaatsen[plaats] |= swvs.get(pc4, set())
    return gemeenten, {plaats: codes for plaats, codes in plaatsen.items() if codes}


# DUO's qualifiers after a woonplaats ('Ede Gld', 'Heusden Gem Asten'): people type the name without them.
_DUO_QUALIFIER = re.compile(r"\s+(?:Gld|Ov|Lb|L|Ut|Fr|Dr|Nb|Nh|Zh|Gn|Gem\.? .*)$")


def test_every_gemeente_name_typed_plainly_leads_to_its_swvs(real_data_dir):
    gemeenten, _ = _real_places()
    assert len(gemeenten) == 342
    missed = []
    for naam, expected in gemeenten.items():
        typed = re.sub(r"\s*\(.*\)$", "", _plain(naam))  # 'Bergen (NH.)' is typed 'bergen'
        for query in {typed, typed.replace("-", " ").replace("'", ""), f"gemeente {typed}"}:
            if not expected <= _found(query):
                missed.append((query, expected))
    assert not missed


def test_every_woonplaats_typed_plainly_leads_to_its_swvs(real_data_dir):
    _, plaatsen = _real_places()
    assert len(plaatsen) > 1700
    missed = [
        (plaats, expected)
        for plaats, expected in plaatsen.items()
        if not expected <= _found(_plain(_DUO_QUALIFIER.sub("", plaats)))
    ]
    assert not missed


@pytest.mark.parametrize(
    "old, now",
    [
        ("Weesp", "Amsterdam"),
        ("Haaren", "Oisterwijk"),
        ("Landerd", "Maashorst"),
        ("Boxmeer", "Land van Cuijk"),
        ("Cuijk", "Land van Cuijk"),
        ("Uden", "Maashorst"),
        ("Appingedam", "Eemsdelta"),
        ("Delfzijl", "Eemsdelta"),
        ("Loppersum", "Eemsdelta"),
        ("Heerhugowaard", "Dijk en Waard"),
        ("Langedijk", "Dijk en Waard"),
        ("Boskoop", "Alphen aan den Rijn"),  # merged before the 2015 indeling: through its woonplaats
    ],
)
def test_an_old_gemeente_leads_to_the_swvs_of_its_own_postcodes(real_data_dir, old, now):
    """Weesp went into Amsterdam in 2022 but still lies in its own SWV's, not in all of Amsterdam's."""
    areas = Postcodegebied.objects.filter(indeling=current_indeling())
    own = areas.filter(gemeente_bron=old) or areas.filter(pc4__in=Vestiging.objects.filter(plaats=old).values("pc4"))
    expected = {a.po_swv.code for a in own} | {a.vo_swv.code for a in own}
    assert _found(old.lower()) == expected
    first = search(old).hits[0]
    assert first.exact and now in first.titel


def test_every_old_gemeente_finds_something(real_data_dir):
    old = Gemeente.objects.exclude(geldig_tot=None).values_list("naam", flat=True)
    assert len(old) >= 90
    assert not [naam for naam in old if not search(_plain(naam)).destinations]


@pytest.mark.parametrize("query", ["hengelo", "bergen", "rijswijk", "beek", "zevenhuizen", "laren", "haren"])
def test_a_name_of_several_places_lists_each_and_never_redirects(client, real_data_dir, query):
    exact = [hit for hit in search(query).hits if hit.exact]
    assert len(exact) >= 2, [hit.titel for hit in exact]
    for sector in ("po", "vo"):
        assert client.get("/zoeken/", {"q": query, "sector": sector}).status_code == 200


@pytest.mark.parametrize(
    "query, expected",
    [
        ("bergen nh", "Bergen (NH.)"),
        ("Bergen (NH)", "Bergen (NH.)"),
        ("bergen limburg", "Bergen (L.)"),
        ("Hengelo Gld", "Bronckhorst"),
        ("hengelo ov", "Hengelo (O.)"),
        ("Zevenhuizen ZH", "Zuidplas"),
    ],
)
def test_a_place_with_its_province_is_that_place_only(real_data_dir, query, expected):
    exact = [hit for hit in search(query).hits if hit.exact]
    assert len(exact) == 1 and expected in exact[0].titel


@pytest.mark.parametrize(
    "query, expected",
    [("Bergum", "Burgum"), ("Grouw", "Grou"), ("Damwoude", "Damwald"), ("Sint-Anne", "St.-Annaparochie")],
)
def test_the_dutch_name_of_a_frisian_village_finds_it(real_data_dir, query, expected):
    assert search(query).hits[0].titel.startswith(expected)


@pytest.mark.parametrize("query, meant", [("amere", "Almere"), ("Harlem", "Haarlem"), ("brgen", "Bergen")])
def test_a_typo_that_is_part_of_another_name_still_asks_what_was_meant(client, real_data_dir, query, meant):
    """'amere' is in Gameren and 'harlem' in Charlemagne College: listed, but the place meant is offered
    and the visitor is never sent to the SWV of the accidental match."""
    assert meant in search(query).suggestions
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200 and f">{meant}<" in response.content.decode()
