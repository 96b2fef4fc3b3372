"""Finding 5: the region importers refuse wrong files with file, row and column, and change nothing:
a PC4 in two SWV's, an unknown SWV code (unless declared new with its predecessor), a code of the wrong
sector in a column, an unknown gemeente, and a file that ends early."""

import shutil

import pytest
from django.core.management import call_command

from swv.importing.problems import ImportRefused
from swv.importing.run import run_import
from swv.models import Postcodegebied, Samenwerkingsverband
from tests.helpers import snapshot

pytestmark = pytest.mark.django_db

PC4 = "swv-regio-indeling/swv_pc4_indeling_2015-04-23.csv"
GEMEENTE = "swv-regio-indeling/swv_gemeente_indeling_2013-10-01.csv"


def _lines(real_data_dir, relative):
    return (real_data_dir / relative).read_text(encoding="utf-8").splitlines()


def _with_cell(real_data_dir, relative, *, row: int, column: int, value: str) -> tuple[list[str], list[str]]:
    """The file's lines with one cell (row 1 is the header) set to `value`, and that row's original cells."""
    lines = _lines(real_data_dir, relative)
    cells = lines[row - 1].split(",")
    lines[row - 1] = ",".join([*cells[:column], value, *cells[column + 1 :]])
    return lines, cells


def _write(tmp_path, relative, lines):
    path = tmp_path / relative.split("/")[-1]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _refused(source, path, **kwargs) -> str:
    before = snapshot()
    with pytest.raises(ImportRefused) as refused:
        run_import(source_key=source, path=path, progress=False, **kwargs)
    assert snapshot() == before, "a refused file leaves every table as it was"
    message = str(refused.value)
    assert path.name in message
    return message


def test_pc4_in_two_swvs_is_refused(real_data_dir, tmp_path):
    lines = _lines(real_data_dir, PC4)
    pc4, gemeente, po, vo = lines[10].split(",")
    other_po = next(line.split(",")[2] for line in lines[1:] if line.split(",")[2] not in (po, "Europoort"))
    lines.append(f"{pc4},{gemeente},{other_po},{vo}")
    message = _refused("regio_pc4", _write(tmp_path, PC4, lines))
    assert f"rij {len(lines)}, kolom 'pc4': PC4 {pc4} staat al op rij 11 bij {po}/{vo}" in message
    assert Postcodegebied.objects.get(pc4=pc4).po_swv.code == po


def test_unknown_swv_code_is_refused_and_creates_no_page(real_data_dir, tmp_path, client):
    lines, _ = _with_cell(real_data_dir, PC4, row=11, column=2, value="PO2799")
    message = _refused("regio_pc4", _write(tmp_path, PC4, lines))
    assert "rij 11, kolom 'po_swv': onbekend samenwerkingsverband PO2799" in message
    assert "--nieuw-swv PO2799=VOORGANGER" in message
    assert not Samenwerkingsverband.objects.filter(code="PO2799").exists()
    assert client.get("/swv/PO2799/").status_code == 404


def test_declared_new_swv_is_created_with_its_predecessor(real_data_dir, tmp_path):
    lines, cells = _with_cell(real_data_dir, PC4, row=11, column=2, value="PO2799")
    predecessor = cells[2]
    path = _write(tmp_path, PC4, lines)
    call_command(
        "import_data", "regio_pc4", str(path), "--nieuw-swv", f"PO 27-99={predecessor}", stdout=open("/dev/null", "w")
    )
    new = Samenwerkingsverband.objects.get(code="PO2799")
    assert new.voorganger.code == predecessor
    assert Postcodegebied.objects.get(pc4=cells[0]).po_swv == new


def test_code_of_the_wrong_sector_in_a_column_is_refused(real_data_dir, tmp_path):
    vo = _lines(real_data_dir, PC4)[10].split(",")[3]
    lines, _ = _with_cell(real_data_dir, PC4, row=11, column=2, value=vo)  # the VO code in the po_swv column
    message = _refused("regio_pc4", _write(tmp_path, PC4, lines))
    assert f"rij 11, kolom 'po_swv': {vo} is een code van VO, deze kolom is voor PO" in message


def test_unknown_gemeente_is_refused(real_data_dir, tmp_path):
    lines, _ = _with_cell(real_data_dir, PC4, row=11, column=1, value="Atlantis")
    message = _refused("regio_pc4", _write(tmp_path, PC4, lines))
    assert "rij 11, kolom 'gemeente': onbekende gemeente 'Atlantis'" in message

    rows, _ = _with_cell(real_data_dir, GEMEENTE, row=5, column=2, value="Atlantis")
    message = _refused("regio_gemeente", _write(tmp_path, GEMEENTE, rows))
    assert "rij 5, kolom 'gemeente_omschrijving': onbekende gemeente 'Atlantis'" in message


def test_file_ending_100_rows_early_is_refused(real_data_dir, tmp_path):
    lines = _lines(real_data_dir, PC4)[:-100]
    message = _refused("regio_pc4", _write(tmp_path, PC4, lines))
    assert "100 van de 4046 opgeslagen postcodegebieden" in message and "afgebroken" in message
    # Confirmed, the same file removes them.
    path = tmp_path / "bevestigd" / PC4.split("/")[-1]
    path.parent.mkdir()
    shutil.copyfile(_write(tmp_path, PC4, lines), path)
    run = run_import(source_key="regio_pc4", path=path, progress=False, options={"verwijderen": True})
    assert Postcodegebied.objects.filter(indeling__geldig_vanaf="2015-04-23").count() == 4046 - 100
    assert sum(counts["verwijderd"] for counts in run.per_eenheid.values()) >= 100
