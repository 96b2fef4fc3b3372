"""Finding 10: what is current is visible. /bronnen/ and datastatus list every source with publisher,
file, peildatum, last import, coverage and what was left out; the SWV page's region section, the map
and the API name the indeling and the date it holds from."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from swv.importing.registry import SOURCES
from swv.models import Samenwerkingsverband
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def test_bronnen_page_lists_every_source_with_what_is_current(real_data_dir, client):
    response = client.get("/bronnen/")
    assert response.status_code == 200
    text = page_text(response.content.decode())
    for source in SOURCES.values():
        assert source.label in text and source.publisher in text, source.key
    vsv = text[text.index(SOURCES["duo_vsv"].label) :][:1200]
    assert "vsv-per-swv-2015.csv" in vsv and "schooljaar 2014-2015" in vsv
    assert "74 van de 74 samenwerkingsverbanden VO" in vsv and "VO0001" in vsv
    pc4 = text[text.index(SOURCES["regio_pc4"].label) :][:1200]
    assert "23 april 2015" in pc4 and "76 van de 76 samenwerkingsverbanden PO" in pc4 and "Europoort" in pc4
    bo = text[text.index(SOURCES["duo_vestigingen_bo"].label) :][:1200]
    assert re.search(r"\d+ scholen buiten elke regio", bo)


def test_datastatus_lists_the_same(real_data_dir):
    out = StringIO()
    call_command("datastatus", "--json", stdout=out)
    sources = {row["bron"]: row for row in json.loads(out.getvalue())["bronnen"]}
    vsv = sources["duo_vsv"]
    assert vsv["uitgever"] == SOURCES["duo_vsv"].publisher and vsv["bestand"] == "vsv-per-swv-2015.csv"
    assert vsv["peildatum"] == "2014-2015" and vsv["dekking"] == {"VO": [74, 74]}
    assert any("VO0001" in line for line in vsv["uitgesloten"])
    text = StringIO()
    call_command("datastatus", stdout=text)
    assert "74 van 74" in text.getvalue() and "VO0001" in text.getvalue()


def test_swv_page_map_and_api_name_the_indeling_and_its_date(real_data_dir, client):
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    page = page_text(client.get(swv.get_absolute_url()).content.decode())
    region = page[page.index("Regio", page.index("Scholen en besturen") if "Scholen en besturen" in page else 0) :]
    assert "Regeling regio-indeling" in region and "geldig vanaf 23 april 2015" in region
    kaart = page_text(client.get("/kaart/").content.decode())
    assert "geldig vanaf 23 april 2015" in kaart
    detail = client.get("/api/v1/samenwerkingsverbanden/PO3009", {"format": "json"}).json()
    assert detail["indeling"]["geldig_vanaf"] == "2015-04-23" and "Regeling" in detail["indeling"]["naam"]
