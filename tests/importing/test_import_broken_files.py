"""Broken copies of the real files: each is refused with file, row and column, and nothing changes."""

import json
import shutil
from pathlib import Path

import pytest

from swv.importing.problems import ImportRefused
from swv.importing.run import run_import
from swv.models import ImportRun
from tests.helpers import snapshot

pytestmark = pytest.mark.django_db

PC4 = "swv-regio-indeling/swv_pc4_indeling_2015-04-23.csv"
GEMEENTE_2013 = "swv-regio-indeling/swv_gemeente_indeling_2013-10-01.csv"
DUO_BO = "duo-adressen/alle-vestigingen-bo_2020-12.csv"
VSV = "duo-vsv-per-swv/vsv-per-swv-2015.csv"
GRENZEN = "cbs-gemeentegrenzen/gemeente_2023.geojson"


def _copy(real_data_dir: Path, tmp_path: Path, relative: str) -> Path:
    target = tmp_path / Path(relative).name
    shutil.copyfile(real_data_dir / relative, target)
    return target


def _edit_lines(path: Path, edit, encoding: str = "utf-8") -> Path:
    lines = path.read_text(encoding=encoding).split("\n")
    path.write_text("\n".join(edit(lines)), encoding=encoding)
    return path


def _set_cell(line_no: int, column: int, value: str, delimiter: str):
    def edit(lines):
        cells = lines[line_no - 1].split(delimiter)
        cells[column] = value
        lines[line_no - 1] = delimiter.join(cells)
        return lines

    return edit


def _drop_column(column: int, delimiter: str):
    return lambda lines: [
        delimiter.join(c for i, c in enumerate(line.split(delimiter)) if i != column) for line in lines
    ]


def _cut_off(path: Path) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3 + 7])
    return path


def _refused(source: str, path: Path) -> str:
    before = snapshot()
    runs = ImportRun.objects.count()
    with pytest.raises(ImportRefused) as refused:
        run_import(source_key=source, path=path, progress=False)
    assert snapshot() == before, "a refused file must leave every table exactly as it was"
    run = ImportRun.objects.order_by("pk")[runs:].get()
    assert run.status == ImportRun.Status.GEWEIGERD and run.fouten
    message = str(refused.value)
    assert path.name in message
    return message


def test_pc4_wrong_delimiter(real_data_dir, tmp_path):
    path = _copy(real_data_dir, tmp_path, PC4)
    path.write_text(path.read_text().replace(",", "|"))
    assert "verwacht scheidingsteken ';' of ',' of tab" in _refused("regio_pc4", path)


def test_pc4_missing_column(real_data_dir, tmp_path):
    path = _edit_lines(_copy(real_data_dir, tmp_path, PC4), _drop_column(3, ","))
    assert "rij 1, kolom 'vo_swv': kolom ontbreekt" in _refused("regio_pc4", path)


def test_pc4_unknown_swv_code(real_data_dir, tmp_path):
    path = _edit_lines(_copy(real_data_dir, tmp_path, PC4), _set_cell(11, 2, "PX2707", ","))
    message = _refused("regio_pc4", path)
    assert "rij 11, kolom 'po_swv'" in message and "'PX2707'" in message


def test_pc4_cut_off_file(real_data_dir, tmp_path):
    path = _cut_off(_copy(real_data_dir, tmp_path, PC4))
    assert "afgebroken" in _refused("regio_pc4", path)


def test_pc4_wrong_encoding(real_data_dir, tmp_path):
    path = _copy(real_data_dir, tmp_path, PC4)
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert "UTF-16" in _refused("regio_pc4", path)


def test_pc4_without_date_in_name(real_data_dir, tmp_path):
    path = _copy(real_data_dir, tmp_path, PC4).rename(tmp_path / "indeling.csv")
    assert "datum" in _refused("regio_pc4", path)


def test_gemeente_indeling_sector_mismatch(real_data_dir, tmp_path):
    path = _edit_lines(_copy(real_data_dir, tmp_path, GEMEENTE_2013), _set_cell(2, 0, "VO", ","))
    assert "rij 2, kolom 'swv_code'" in _refused("regio_gemeente", path)


def test_duo_wrong_delimiter(real_data_dir, tmp_path):
    path = _copy(real_data_dir, tmp_path, DUO_BO)
    path.write_bytes(path.read_bytes().replace(b";", b"|"))
    assert "de eerste regel gebruikt '|'" in _refused("duo_vestigingen_bo", path)


def test_duo_missing_column(real_data_dir, tmp_path):
    path = _edit_lines(_copy(real_data_dir, tmp_path, DUO_BO), _drop_column(3, ";"), encoding="cp1252")
    assert "kolom 'VESTIGINGSNUMMER': kolom ontbreekt" in _refused("duo_vestigingen_bo", path)


def test_duo_cut_off_file(real_data_dir, tmp_path):
    path = _cut_off(_copy(real_data_dir, tmp_path, DUO_BO))
    assert "afgebroken" in _refused("duo_vestigingen_bo", path)


def test_duo_wrong_encoding(real_data_dir, tmp_path):
    path = _copy(real_data_dir, tmp_path, DUO_BO)
    path.write_bytes(path.read_bytes().decode("cp1252").encode("utf-16-le"))
    assert "UTF-16" in _refused("duo_vestigingen_bo", path)


def test_duo_as_utf8_is_read_the_same(real_data_dir, tmp_path):
    """DUO's newer files are UTF-8: the same content in either encoding gives the same tables."""
    path = _copy(real_data_dir, tmp_path, DUO_BO)
    path.write_bytes(path.read_bytes().decode("cp1252").encode("utf-8"))
    before = snapshot()
    run = run_import(source_key="duo_vestigingen_bo", path=path, progress=False)
    assert run.status == ImportRun.Status.ONGEWIJZIGD
    assert snapshot() == before


def test_vsv_text_in_a_count(real_data_dir, tmp_path):
    path = _edit_lines(_copy(real_data_dir, tmp_path, VSV), _set_cell(5, 4, "veel", ";"))
    message = _refused("duo_vsv", path)
    assert "rij 5, kolom 'vsv_totaal': verwacht een geheel aantal" in message


def test_vsv_unknown_swv_code(real_data_dir, tmp_path):
    path = _edit_lines(_copy(real_data_dir, tmp_path, VSV), _set_cell(40, 0, "VO9999", ";"))
    assert "rij 40, kolom 'SAMENWERKINGSVERBAND_NUMMER': onbekend samenwerkingsverband VO9999" in _refused(
        "duo_vsv", path
    )


def test_vsv_missing_column(real_data_dir, tmp_path):
    path = _edit_lines(_copy(real_data_dir, tmp_path, VSV), _drop_column(3, ";"))
    assert "kolom 'aantal_leerlingen': kolom ontbreekt" in _refused("duo_vsv", path)


def test_vsv_cut_off_file(real_data_dir, tmp_path):
    path = _cut_off(_copy(real_data_dir, tmp_path, VSV))
    assert "afgebroken" in _refused("duo_vsv", path)


def test_boundaries_cut_off_file(real_data_dir, tmp_path):
    path = _cut_off(_copy(real_data_dir, tmp_path, GRENZEN))
    assert "geen geldige GeoJSON" in _refused("cbs_gemeentegrenzen", path)


def test_boundaries_bad_code(real_data_dir, tmp_path):
    path = _copy(real_data_dir, tmp_path, GRENZEN)
    data = json.loads(path.read_text())
    data["features"][9]["properties"]["statcode"] = "0363"
    path.write_text(json.dumps(data))
    assert "rij 10, kolom 'statcode'" in _refused("cbs_gemeentegrenzen", path)


def test_empty_file(tmp_path):
    path = tmp_path / "vsv-per-swv-2016.csv"
    path.write_bytes(b"")
    assert "leeg" in _refused("duo_vsv", path)
