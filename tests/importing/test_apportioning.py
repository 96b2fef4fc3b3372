"""Finding 3: a gemeente only partly in a region counts for its share (the share of its schools of the
sector in the region's PC4's), marked 'geschat' with the share; SWV totals add up to the national total."""

import re

import pytest

from swv.importing.run import run_import
from swv.models import Gemeente, Samenwerkingsverband, SwvGemeente
from swv.selectors.indeling import current_indeling
from tests.helpers import api_figures, csv_figures, page_text

pytestmark = pytest.mark.django_db
SCHOOLJAAR = "2032-2033"


@pytest.fixture
def leerplichtigen(real_data_dir, tmp_path):
    """12.480 leerplichtigen in every gemeente of the indeling."""
    codes = sorted(
        set(SwvGemeente.objects.filter(indeling=current_indeling()).values_list("gemeente__code", flat=True))
    )
    lines = ["gemeente;schooljaar;leerplichtigen"] + [f"{code};{SCHOOLJAAR};12480" for code in codes]
    (tmp_path / "verzuim-2032.csv").write_text("\n".join(lines) + "\n")
    run_import(source_key="verzuim", path=tmp_path / "verzuim-2032.csv", progress=False)
    return 12480 * len(codes)


def _value(rows):
    return next(r for r in rows if r["indicator"] == "leerplichtigen" and r["periode"] == SCHOOLJAAR)


@pytest.mark.parametrize("sector", ["PO", "VO"])
def test_swv_totals_add_up_to_the_national_total(leerplichtigen, client, sector):
    total, left_out = 0.0, set()
    for swv in Samenwerkingsverband.objects.filter(sector=sector):
        row = _value(api_figures(client, swv.code))
        total += row["waarde"] or 0
        if "niet meegeteld" in row["verdeling"]:
            left_out |= set(row["verdeling"].split("niet meegeteld: ")[1].split(", "))
    missing = 12480 * len({g for g in left_out if g})
    assert total + missing == pytest.approx(leerplichtigen, abs=0.5 * Samenwerkingsverband.objects.count())


def test_partial_gemeente_counts_for_its_share_marked_geschat(leerplichtigen, client):
    amsterdam = Gemeente.objects.get(naam="Amsterdam", geldig_tot__isnull=True)
    link = (
        SwvGemeente.objects.filter(
            indeling=current_indeling(), sector="VO", gemeente=amsterdam, deel=SwvGemeente.Deel.ALLEEN
        )
        .exclude(swv__code="VO2708")
        .select_related("swv")
        .first()
    )
    swv = link.swv  # the SWV that holds only a few of Amsterdam's PC4's (Weesp)
    members = SwvGemeente.objects.filter(indeling=current_indeling(), swv=swv).values("gemeente").distinct().count()
    row = _value(api_figures(client, swv.code))
    assert row["geschat"] is True and "Amsterdam" in row["verdeling"]
    assert row["waarde"] < 12480 * members, "Amsterdam no longer counts in full"
    csv_row = _value(csv_figures(client, swv.code))
    assert csv_row["geschat"] == "ja" and "Amsterdam" in csv_row["verdeling"]
    page = page_text(client.get(swv.get_absolute_url()).content.decode())
    block = page[page.index("Leerplichtige") :][:1500]
    assert "geschat" in block and re.search(r"Amsterdam telt mee voor \d+(,\d)?%", block)
