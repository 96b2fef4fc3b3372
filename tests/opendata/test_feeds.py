"""Atom feeds: new documents and new data periods, for the whole site and per SWV."""

import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from swv.models import Indicator, Samenwerkingsverband, Waarde
from tests.staff_fixtures import MINIMAL_PDF

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
def document(settings, tmp_path):
    from uploads.models import Document

    settings.MEDIA_ROOT = tmp_path
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    return Document.objects.create(
        swv=swv,
        soort="ondersteuningsplan",
        titel="Ondersteuningsplan 2026-2030",
        periode_van=2026,
        periode_tot=2030,
        bestand=SimpleUploadedFile("plan.pdf", MINIMAL_PDF, content_type="application/pdf"),
    )


@pytest.mark.realdata
def test_swv_feed_announces_its_new_documents_and_periods(client, document):
    found = entries(client, "/feeds/swv/PO3009.atom")
    titles = [e["title"] for e in found]
    assert titles[0].startswith("Nieuw document: Ondersteuningsplan 2026-2030")
    assert found[0]["link"].endswith(document.get_absolute_url())
    assert any(t.startswith("Nieuwe cijfers over") for t in titles)
    assert len({e["id"] for e in found}) == len(found)
    assert all(e["id"].startswith("http") for e in found)


@pytest.mark.realdata
def test_a_new_period_appears_in_the_feeds(client):
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    indicator = Indicator.objects.get(code="leerlingen_totaal")
    Waarde.objects.create(indicator=indicator, swv=swv, periode="2099-10-01", peildatum="2099-10-01", getal=1)
    for url in ("/feeds/swv/PO3009.atom", "/feeds/nieuw.atom"):
        assert entries(client, url)[0]["title"] == "Nieuwe cijfers over peildatum 1 oktober 2099"


@pytest.mark.realdata
def test_site_feed_has_documents_of_every_swv(client, document):
    titles = [e["title"] for e in entries(client, "/feeds/nieuw.atom")]
    assert any("Ondersteuningsplan 2026-2030" in t for t in titles)


def test_unknown_swv_feed_is_not_found(client):
    assert client.get("/feeds/swv/PO9999.atom").status_code == 404


@pytest.mark.realdata
def test_pages_announce_their_feeds(client):
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    html = client.get(swv.get_absolute_url()).content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in html
    assert 'href="/feeds/swv/PO3009.atom"' in html and 'href="/feeds/nieuw.atom"' in html
