"""Finding 1: a file changes only what it covers. A template file with rows for some SWV's updates those
SWV's only (and only the columns it has); removing values takes an explicit empty cell or the explicit
option; a file that would remove a large share is refused; the run lists per unit what changed."""

import pytest

from swv.importing.problems import ImportRefused
from swv.importing.run import run_import
from swv.models import ImportRun, Waarde
from tests.factories import SamenwerkingsverbandFactory
from tests.helpers import api_figures, csv_figures, snapshot

pytestmark = pytest.mark.django_db

PERIODE = "2025-10-01"


def _file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _is_total(row: dict) -> bool:
    return row["indicator"] == "leerlingen_totaal" and row["periode"] == PERIODE


def _stored(code: str, indicator: str):
    return Waarde.objects.filter(swv__code=code, periode=PERIODE, indicator__code=indicator).first()


@pytest.fixture
def two_swvs(tmp_path):
    first, second = SamenwerkingsverbandFactory.create_batch(2, sector="PO")
    run_import(
        source_key="leerlingen",
        path=_file(
            tmp_path,
            "leerlingen-volledig.csv",
            "swv_code;teldatum;leerlingen_totaal;leerlingen_bo_sbo;leerlingen_sbo\n"
            f"{first.code};{PERIODE};1000;1000;20\n{second.code};{PERIODE};18250;18250;400\n",
        ),
        progress=False,
    )
    return first, second


def test_one_row_file_leaves_the_other_swvs_alone(two_swvs, tmp_path, client):
    first, second = two_swvs
    run = run_import(
        source_key="leerlingen",
        path=_file(
            tmp_path,
            "correctie.csv",
            f"swv_code;teldatum;leerlingen_totaal;leerlingen_bo_sbo\n{first.code};{PERIODE};1100;1100\n",
        ),
        progress=False,
    )
    # Database: the other SWV keeps its values; the corrected SWV keeps the column the file lacks, and
    # the percentage derived from it follows the new count (deelname sbo = sbo / (bo + sbo)).
    assert _stored(second.code, "leerlingen_totaal").getal == 18250
    assert _stored(second.code, "leerlingen_sbo").getal == 400
    assert _stored(first.code, "leerlingen_totaal").getal == 1100
    assert _stored(first.code, "leerlingen_sbo").getal == 20
    assert float(_stored(first.code, "deelname_sbo").getal) == pytest.approx(100 * 20 / 1100, abs=1e-4)
    # The run's summary names the unit that changed, and only that one.
    assert set(run.per_eenheid) == {first.code}
    assert run.per_eenheid[first.code]["gewijzigd"] == 3  # the total, bo + sbo and the derived percentage
    assert run.per_eenheid[first.code]["verwijderd"] == 0
    # Page, API and CSV of the other SWV still show its value.
    assert "18.250" in client.get(second.get_absolute_url()).content.decode()
    own = [r for r in api_figures(client, second.code) if _is_total(r)]
    assert own and own[0]["waarde"] == 18250 and own[0]["status"] == "geleverd"
    row = next(r for r in csv_figures(client, second.code) if _is_total(r))
    assert row["waarde"] == "18250" and row["status"] == "geleverd"


def test_explicit_empty_cell_removes_one_value(two_swvs, tmp_path):
    first, second = two_swvs
    run_import(
        source_key="leerlingen",
        path=_file(tmp_path, "leerlingen-leeg.csv", f"swv_code;teldatum;leerlingen_sbo\n{first.code};{PERIODE};\n"),
        progress=False,
    )
    assert _stored(first.code, "leerlingen_sbo").status == Waarde.Status.NIET_GELEVERD
    assert _stored(first.code, "leerlingen_totaal").getal == 1000
    assert _stored(second.code, "leerlingen_sbo").getal == 400


def test_replacing_the_whole_period_needs_the_option(two_swvs, tmp_path):
    first, second = two_swvs
    path = _file(tmp_path, "periode.csv", f"swv_code;teldatum;leerlingen_totaal\n{first.code};{PERIODE};1000\n")
    run = run_import(source_key="leerlingen", path=path, progress=False, options={"verwijderen": True})
    assert run.opties == {"verwijderen": True}
    assert _stored(second.code, "leerlingen_totaal") is None
    assert set(run.per_eenheid) == {second.code}
    assert run.per_eenheid[second.code]["verwijderd"] >= 1


def test_national_file_dropping_many_units_is_refused(real_data_dir, tmp_path):
    source = real_data_dir / "duo-vsv-per-swv/vsv-per-swv-2015.csv"
    lines = source.read_text().splitlines()
    kept = [lines[0]] + [line for line in lines[1:] if not line.startswith(("VO2", "VO3"))]
    path = _file(tmp_path, "vsv-per-swv-2015.csv", "\n".join(kept) + "\n")
    before = snapshot()
    with pytest.raises(ImportRefused) as refused:
        run_import(source_key="duo_vsv", path=path, progress=False)
    assert "vsv-per-swv-2015.csv" in str(refused.value) and "verwijderen" in str(refused.value)
    assert snapshot() == before
    assert ImportRun.objects.filter(bron="duo_vsv").first().status == ImportRun.Status.GEWEIGERD
