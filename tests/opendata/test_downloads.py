"""Downloads: every table as CSV for Dutch Excel and as JSON, equal to what the pages show."""

import io
import json
import math
import re

import pandas as pd
import pytest

from swv.models import Indicator, Samenwerkingsverband, Waarde
from swv.templatetags.nl import bereik
from swv.templatetags.nl import waarde as format_waarde
from tests.helpers import figure_value, page_text

pytestmark = pytest.mark.django_db

TEXT_COLUMNS = {c: str for c in ("swv", "swv_naam", "indicator", "periode", "peildatum", "tekst", "status", "huidig")}


def read_csv(content: bytes) -> pd.DataFrame:
    return pd.read_csv(
        io.BytesIO(content),
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
        dtype=TEXT_COLUMNS,
        keep_default_na=False,
        na_values={
            column: [""]
            for column in (
                "waarde",
                "ondergrens",
                "bovengrens",
                "gemiddelde_sector",
                "gemiddelde_sector_ondergrens",
                "gemiddelde_sector_bovengrens",
                "gemiddelde_vergelijkbare_grootte",
            )
        },
    )


def shown(row, eenheid: str) -> str:
    """What the page shows for a download row: the number in the page's notation, <5 or 'niet aangeleverd'."""
    if row["status"] == "onderdrukt":
        bounds = (row["ondergrens"], row["bovengrens"])
        return "<5" if bounds == (1, 4) and eenheid == "aantal" else re.sub(r"\s+", " ", bereik(bounds, eenheid))
    if row["status"] != "geleverd":
        return "niet aangeleverd"
    value = row["waarde"]
    if isinstance(value, float) and math.isnan(value):
        return row["tekst"]
    return re.sub(r"\s+", " ", format_waarde(value, eenheid))


def sample_swvs() -> list[Samenwerkingsverband]:
    swvs = []
    for sector in ("PO", "VO"):
        found = list(Samenwerkingsverband.objects.filter(sector=sector).order_by("code"))
        swvs += [found[0], found[len(found) // 2], found[-1]]
    return swvs + list(Samenwerkingsverband.objects.filter(code="PO3009"))


@pytest.mark.realdata
@pytest.mark.parametrize("index", range(7))
def test_csv_download_opened_with_pandas_equals_the_figures_on_the_page(client, index):
    swv = sample_swvs()[index]
    html = client.get(swv.get_absolute_url()).content.decode()
    response = client.get(f"/downloads/swv/{swv.code}.csv")
    assert response.status_code == 200
    frame = read_csv(response.content)
    current = frame[frame["huidig"] == "ja"]
    shown_codes = set(re.findall(r'id="cijfer-([-a-z0-9_]+)"', html))
    assert set(current["indicator"]) == shown_codes
    assert current["indicator"].is_unique
    eenheden = dict(Indicator.objects.values_list("code", "eenheid"))
    for _, row in current.iterrows():
        on_page = figure_value(html, row["indicator"])
        expected = shown(row, eenheden[row["indicator"]])
        assert on_page == expected or on_page.startswith(expected + " "), (row["indicator"], on_page, expected)
        mean = row["gemiddelde_sector"]
        low, high = row["gemiddelde_sector_ondergrens"], row["gemiddelde_sector_bovengrens"]
        block = html.split(f'id="cijfer-{row["indicator"]}"')[1].split('class="figure"')[0]
        if isinstance(low, float) and not math.isnan(low):
            # Units with <5 counted in at 1 and 4: the page gives the mean as that range.
            assert page_text(bereik((low, high), eenheden[row["indicator"]])) in page_text(block), row["indicator"]
        elif isinstance(mean, float) and not math.isnan(mean) and row["indicator"] in eenheden:
            assert page_text(format_waarde(mean, eenheden[row["indicator"]])) in page_text(block), row["indicator"]


@pytest.mark.realdata
def test_csv_is_utf8_with_bom_and_semicolons_with_source_and_peildatum(client):
    response = client.get("/downloads/swv/PO3009.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="passend-onderwijs-PO3009.csv"' == response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    header = response.content.decode("utf-8-sig").splitlines()[0].split(";")
    assert {"bron", "peildatum", "periode", "waarde", "status", "fictief"} <= set(header)
    assert re.search(r";\d+,\d+;", response.content.decode()), "decimal comma for Dutch Excel"


@pytest.mark.realdata
def test_json_download_has_the_same_rows_as_the_csv(client):
    frame = read_csv(client.get("/downloads/swv/PO3009.csv").content)
    payload = json.loads(client.get("/downloads/swv/PO3009.json").content)
    assert payload["kolommen"] == list(frame.columns)
    assert len(payload["rijen"]) == len(frame)
    for json_row, (_, csv_row) in zip(payload["rijen"], frame.iterrows(), strict=True):
        assert json_row["indicator"] == csv_row["indicator"] and (json_row["periode"] or "") == csv_row["periode"]
        if json_row["waarde"] is None:
            assert math.isnan(csv_row["waarde"])
        else:
            assert json_row["waarde"] == pytest.approx(csv_row["waarde"], abs=1e-6)
        assert json_row["bron"] and "peildatum" in json_row


@pytest.mark.realdata
def test_one_download_has_every_value_of_an_indicator_for_all_swvs_and_periods(client):
    indicator = Indicator.objects.get(code="leerlingen_totaal")
    frame = read_csv(client.get("/downloads/indicator/leerlingen_totaal.csv").content)
    in_db = Waarde.objects.filter(indicator=indicator, swv__isnull=False)
    assert len(frame) == in_db.count()
    assert set(frame["swv"]) == set(in_db.values_list("swv__code", flat=True))
    assert set(frame["periode"]) == set(in_db.values_list("periode", flat=True))
    one = in_db.filter(status=Waarde.Status.GELEVERD).select_related("swv").first()
    row = frame[(frame["swv"] == one.swv.code) & (frame["periode"] == one.periode)].iloc[0]
    assert row["waarde"] == pytest.approx(float(one.getal))


@pytest.mark.realdata
def test_gemeente_indicator_download_gives_the_rolled_up_swv_values_of_the_pages(client):
    frame = read_csv(client.get("/downloads/indicator/thuiszitters.csv").content)
    assert set(frame["opgeteld_uit_gemeenten"]) == {"ja"}
    page = read_csv(client.get("/downloads/swv/PO3009.csv").content)
    mine = page[(page["indicator"] == "thuiszitters")]
    theirs = frame[frame["swv"] == "PO3009"]
    assert sorted(mine["waarde"].dropna()) == pytest.approx(sorted(theirs["waarde"].dropna()))


@pytest.mark.realdata
def test_landelijk_download_equals_the_landelijk_page(client):
    html = page_text(client.get("/landelijk/?sector=po").content.decode())
    frame = pd.read_csv(
        io.BytesIO(client.get("/downloads/landelijk.csv?sector=po").content),
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
        dtype={"periode": str, "indicator": str},
    )
    latest = frame[(frame["indicator"] == "leerlingen_totaal")].iloc[-1]
    assert page_text(format_waarde(latest["waarde"], "aantal")) in html
    assert page_text(format_waarde(latest["gemiddelde"], "aantal")) in html
    assert client.get("/downloads/landelijk.csv?sector=xx").status_code == 400


def test_unknown_things_are_not_found(client):
    assert client.get("/downloads/swv/PO9999.csv").status_code == 404
    assert client.get("/downloads/indicator/bestaat-niet.json").status_code == 404
    assert client.get("/downloads/waarden.csv?niveau=heelal").status_code == 400


@pytest.mark.realdata
def test_gemeente_figures_can_also_be_downloaded_per_gemeente(client):
    from swv.models import Gemeente

    frame = read_csv(client.get("/downloads/indicator/thuiszitters.csv?niveau=gemeente").content)
    in_db = Waarde.objects.filter(indicator__code="thuiszitters", gemeente__isnull=False)
    assert len(frame) == in_db.count() and set(frame["niveau"]) == {"gemeente"}
    assert set(frame["gemeente"]) <= set(Gemeente.objects.values_list("code", flat=True))


@pytest.mark.realdata
def test_downloads_and_api_read_the_value_filters_the_same_way(client):
    """One parser for both: an SWV code in another spelling selects that SWV, a code that is no code is refused."""
    api = client.get("/api/v1/waarden?swv=po%2030-09&indicator=leerlingen_totaal&perPagina=1000").json()
    download = json.loads(client.get("/downloads/waarden.json?swv=po%2030-09&indicator=leerlingen_totaal").content)
    assert {row["swv"] for row in api["results"]} == {row["swv"] for row in download["rijen"]} == {"PO3009"}
    assert client.get("/downloads/waarden.csv?swv=PX3009").status_code == 400
    assert client.get("/api/v1/waarden?swv=PX3009").status_code == 400
