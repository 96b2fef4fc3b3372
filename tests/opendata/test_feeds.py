"""Atom feeds: new documents and new data periods, for the whole site and per SWV."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import DocumentFactory, WaardeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.find(f"{ATOM}title").text
    return [
        {
            "title": e.find(f"{ATOM}title").text,
            "id": e.find(f"{ATOM}id").text,
            "link": e.find(f"{ATOM}link").get("href"),
        }
        for e in root.iter(f"{ATOM}entry")
    ]


@pytest.fixture
def swv():
    """An SWV with one value: its feed has a period to announce."""
    return WaardeFactory(indicator__code="leerlingen_totaal", jaar=2024).swv


@pytest.fixture
def document(settings, tmp_path, swv):
    settings.MEDIA_ROOT = tmp_path
    return DocumentFactory(swv=swv, titel="Ondersteuningsplan 2026-2030", periode_van=2026, periode_tot=2030)


def test_swv_feed_announces_its_new_documents_and_periods(client, swv, document):
    found = entries(client, f"/feeds/swv/{swv.code}.atom")
    titles = [e["title"] for e in found]
    assert titles[0].startswith("Nieuw document: Ondersteuningsplan 2026-2030")
    assert found[0]["link"].endswith(document.get_absolute_url())
    assert any(t.startswith("Nieuwe cijfers over") for t in titles)
    assert len({e["id"] for e in found}) == len(found)
    assert all(e["id"].startswith("http") for e in found)


def test_a_new_period_appears_in_the_feeds(client, swv):
    WaardeFactory(swv=swv, indicator__code="leerlingen_totaal", jaar=2099, getal=1)
    for url in (f"/feeds/swv/{swv.code}.atom", "/feeds/nieuw.atom"):
        assert entries(client, url)[0]["title"] == "Nieuwe cijfers over peildatum 1 oktober 2099"


def test_site_feed_has_documents_of_every_swv(client, document):
    titles = [e["title"] for e in entries(client, "/feeds/nieuw.atom")]
    assert any("Ondersteuningsplan 2026-2030" in t for t in titles)


def test_unknown_swv_feed_is_not_found(client):
    assert client.get("/feeds/swv/PO0001.atom").status_code == 404


def test_pages_announce_their_feeds(client, swv):
    html = client.get(swv.get_absolute_url()).content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert f'href="/feeds/swv/{swv.code}.atom"' in html and 'href="/feeds/nieuw.atom"' in html
