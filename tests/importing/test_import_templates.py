"""The template sources: example files round-trip, bad cells are refused, real figures replace fictional ones."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from swv.importing.problems import ImportRefused
from swv.importing.run import run_import
from swv.importing.templates import template_csv, template_sources, template_xlsx
from swv.models import ImportRun, Samenwerkingsverband, Waarde
from tests.factories import SamenwerkingsverbandFactory
from tests.helpers import snapshot

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("source", template_sources(), ids=lambda s: s.key)
def test_every_example_file_imports(real_data_dir, tmp_path, source, fmt):
    build = template_xlsx if fmt == "xlsx" else template_csv
    path = tmp_path / f"{source.key}-voorbeeld.{fmt}"
    path.write_bytes(build(source))
    run = run_import(source_key=source.key, path=path, progress=False)
    assert run.status in {ImportRun.Status.GELUKT, ImportRun.Status.ONGEWIJZIGD}
    assert run.rijen_geladen == 1


def test_xlsx_template_describes_every_column():
    source = next(s for s in template_sources() if s.key == "leerlingen")
    workbook = load_workbook(io.BytesIO(template_xlsx(source)))
    assert workbook.sheetnames == ["gegevens", "toelichting"]
    described = [row[0] for row in workbook["toelichting"].iter_rows(min_row=5, values_only=True)]
    assert described == [c.name for c in source.columns]


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_leerlingen_stores_counts_suppressed_and_derived_percentages(real_data_dir, tmp_path):
    path = _write(
        tmp_path,
        "leerlingen-2024.csv",
        "swv_code;teldatum;leerlingen_totaal;leerlingen_bo_sbo;leerlingen_sbo;leerlingen_so\n"
        "PO 30-09;1-10-2024;20.300;20.000;400;<5\n",
    )
    run = run_import(source_key="leerlingen", path=path, progress=False)
    assert run.status == ImportRun.Status.GELUKT
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    values = {w.indicator.code: w for w in Waarde.objects.filter(swv=swv, periode="2024-10-01")}
    assert values["leerlingen_totaal"].getal == 20300 and not values["leerlingen_totaal"].fictief
    assert values["deelname_sbo"].getal == Decimal("2.0000")  # sbo / (bo + sbo), as the catalogue defines it
    assert values["leerlingen_so"].status == Waarde.Status.ONDERDRUKT and values["leerlingen_so"].getal is None
    assert values["deelname_so"].status == Waarde.Status.ONDERDRUKT
    assert "leerlingen_vso" not in values  # a VO-only figure is not stored for a PO SWV
    # The real import replaced every fictional value of these indicators, in every period.
    assert not Waarde.objects.filter(indicator__code="leerlingen_totaal", fictief=True).exists()
    assert Waarde.objects.filter(indicator__code="weerstandsvermogen_benodigd", fictief=True).exists()


@pytest.mark.parametrize(
    ("source", "name", "content", "message"),
    [
        (
            "geschillen",
            "geschillen.csv",
            "swv_code;jaar;geschillen;bezwaren_lbt\n{code};2024;drie;7\n",
            "geschillen.csv, rij 2, kolom 'geschillen': verwacht een geheel aantal",
        ),
        (
            "inspectie",
            "inspectie.csv",
            "swv;datum;eindoordeel\n{code};2023-05-01;goed\nPO0001;2023-05-01;goed\n",
            "rij 3, kolom 'swv_code': onbekend samenwerkingsverband PO0001",
        ),
        (
            "leerlingen",
            "leerlingen.csv",
            "swv_code;teldatum;leerlingen_totaal;leerlingen_vso\n{code};2024-10-01;100;5\n",
            "kolom 'leerlingen_vso': dit cijfer geldt alleen voor VO",
        ),
    ],
    ids=["text in a count", "unknown swv", "figure for the wrong sector"],
)
def test_a_bad_template_file_is_refused_and_changes_nothing(tmp_path, source, name, content, message):
    path = _write(tmp_path, name, content.format(code=SamenwerkingsverbandFactory(sector="PO").code))
    before = snapshot()
    with pytest.raises(ImportRefused) as refused:
        run_import(source_key=source, path=path, progress=False)
    assert message in str(refused.value)
    assert snapshot() == before


def test_gemeente_figures_accept_codes_and_old_names(real_data_dir, tmp_path):
    path = _write(
        tmp_path,
        "verzuim.csv",
        "gemeentecode;schooljaar;leerplichtigen;absoluut_verzuim\nGM0363;2023/24;100000;120\nWeesp;2022/23;1;0\n",
    )
    run = run_import(source_key="verzuim", path=path, progress=False)
    assert run.rijen_geladen == 2
    assert (
        Waarde.objects.get(indicator__code="verzuim_absoluut", gemeente__code="GM0363", periode="2023-2024").getal
        == 120
    )


def test_split_gemeente_name_is_refused_after_the_split(real_data_dir, tmp_path):
    """Haaren was split over four gemeenten in 2021: a figure for 2022 cannot be placed; one for 2019 is
    Haaren's own (it existed then)."""
    path = _write(tmp_path, "jeugdzorg.csv", "gemeente;jaar;jongeren_tot_18\nHaaren;2022;3000\n")
    with pytest.raises(ImportRefused) as refused:
        run_import(source_key="jeugdzorg", path=path, progress=False)
    assert "opgesplitst" in str(refused.value)
    path = _write(tmp_path, "jeugdzorg-2019.csv", "gemeente;jaar;jongeren_tot_18\nHaaren;2019;3000\n")
    run_import(source_key="jeugdzorg", path=path, progress=False)
    assert Waarde.objects.get(gemeente__naam="Haaren", periode="2019").getal == 3000


def test_same_template_file_twice_changes_nothing(tmp_path):
    code = SamenwerkingsverbandFactory(sector="VO").code
    path = _write(
        tmp_path,
        "financiele-kengetallen.csv",
        f"swv_code;jaar;reserves;benodigd_weerstandsvermogen\n{code};2023;1.500.000;900.000\n",
    )
    run_import(source_key="financiele_kengetallen", path=path, progress=False)
    before = snapshot()
    again = run_import(source_key="financiele_kengetallen", path=path, progress=False)
    assert again.status == ImportRun.Status.ONGEWIJZIGD and snapshot() == before
    diff = Waarde.objects.get(indicator__code="reserves_min_weerstandsvermogen", swv__code=code, periode="2023")
    assert diff.getal == 600000
