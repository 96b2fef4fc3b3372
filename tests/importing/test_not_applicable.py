"""Finding 7: a figure that does not apply to a sector is 'niet van toepassing', never 'niet aangeleverd'
(national page, compare page and its CSV/JSON with status 'nvt'), and the sentence glitches are gone."""

import csv
import io
import re

import pytest

from swv.importing.run import run_import
from swv.models import Indicator, Samenwerkingsverband
from tests.factories import SamenwerkingsverbandFactory
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def _block(html: str, code: str) -> str:
    start = html.index(f'id="cijfer-{code}"')
    end = html.find('id="cijfer-', start + 10)
    return page_text(html[start : end if end > 0 else len(html)])


@pytest.mark.realdata
def test_landelijk_without_sector_says_not_applicable(client):
    html = client.get("/landelijk/").content.decode()
    text = page_text(html)
    assert "0 van de 0" not in text
    po_only = Indicator.objects.filter(sector="PO", niveau=Indicator.Niveau.SWV).order_by("volgorde").first()
    vo_only = Indicator.objects.filter(sector="VO", niveau=Indicator.Niveau.SWV).order_by("volgorde").first()
    for indicator, other in ((po_only, "VO"), (vo_only, "PO")):
        block = _block(html, indicator.code)
        assert f"{other} niet van toepassing" in block, block[:300]
        assert f"{other} niet aangeleverd" not in block


def test_compare_download_marks_not_applicable_as_nvt(client):
    po, vo = SamenwerkingsverbandFactory(sector="PO"), SamenwerkingsverbandFactory(sector="VO")
    vo_only = Indicator.objects.filter(sector="VO", niveau=Indicator.Niveau.SWV).order_by("volgorde").first()
    text = client.get(f"/downloads/vergelijking.csv?swv={po.code}&swv={vo.code}").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    row = next(r for r in rows if r["swv"] == po.code and r["indicator"] == vo_only.code)
    assert row["status"] == "nvt" and row["waarde"] == ""
    payload = client.get(f"/downloads/vergelijking.json?swv={po.code}&swv={vo.code}").json()
    json_row = next(r for r in payload["rijen"] if r["swv"] == po.code and r["indicator"] == vo_only.code)
    assert json_row["status"] == "nvt"
    schema = client.get("/api/v1/openapi.json").content.decode()
    assert "nvt" in schema


def test_no_sentence_glitches(real_data_dir, tmp_path, client):
    swvs = list(Samenwerkingsverband.objects.filter(sector="PO").order_by("code"))
    lines = ["swv_code;teldatum;leerlingen_totaal"] + [f"{s.code};2030-10-01;{1000 + i}" for i, s in enumerate(swvs)]
    (tmp_path / "leerlingen-2030.csv").write_text("\n".join(lines) + "\n")
    run_import(source_key="leerlingen", path=tmp_path / "leerlingen-2030.csv", progress=False)
    largest = _block(client.get(swvs[-1].get_absolute_url()).content.decode(), "leerlingen_totaal")
    smallest = _block(client.get(swvs[0].get_absolute_url()).content.decode(), "leerlingen_totaal")
    for block in (largest, smallest):
        assert not re.search(r"(?i)(hoger|lager) dan 100%", block)
    assert "Het hoogste van de samenwerkingsverbanden PO" in largest
    assert "Het laagste van de samenwerkingsverbanden PO" in smallest
    landelijk = page_text(client.get("/landelijk/").content.decode())
    assert not re.search(r"van het aantal \.", landelijk)
    # Both ends of a spread are written alike (never '0,10% tot 1,0%').
    for low, high in re.findall(r"van (\d+,\d+)% tot (\d+,\d+)%", landelijk):
        assert len(low.split(",")[1]) == len(high.split(",")[1]), (low, high)
