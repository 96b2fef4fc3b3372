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


# Each way of breaking a file takes the copy's path and returns the path of the broken file.


def _lines(edit, encoding: str = "utf-8"):
    def apply(path: Path) -> Path:
        path.write_text("\n".join(edit(path.read_text(encoding=encoding).split("\n"))), encoding=encoding)
        return path

    return apply


def _set_cell(line_no: int, column: int, value: str, delimiter: str, encoding: str = "utf-8"):
    def edit(lines):
        cells = lines[line_no - 1].split(delimiter)
        cells[column] = value
        lines[line_no - 1] = delimiter.join(cells)
        return lines

    return _lines(edit, encoding)


def _drop_column(column: int, delimiter: str, encoding: str = "utf-8"):
    return _lines(
        lambda lines: [delimiter.join(c for i, c in enumerate(line.split(delimiter)) if i != column) for line in lines],
        encoding,
    )


def _replace(old: bytes, new: bytes):
    def apply(path: Path) -> Path:
        path.write_bytes(path.read_bytes().replace(old, new))
        return path

    return apply


def _reencode(encoding: str, to: str):
    def apply(path: Path) -> Path:
        path.write_bytes(path.read_bytes().decode(encoding).encode(to))
        return path

    return apply


def _cut_off(path: Path) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3 + 7])
    return path


def _renamed(name: str):
    return lambda path: path.rename(path.parent / name)


def _boundary_code(feature: int, statcode: str):
    def apply(path: Path) -> Path:
        data = json.loads(path.read_text())
        data["features"][feature]["properties"]["statcode"] = statcode
        path.write_text(json.dumps(data))
        return path

    return apply


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


# name -> (file, source, how it is broken, what the refusal says)
BROKEN = {
    "pc4 wrong delimiter": (PC4, "regio_pc4", _replace(b",", b"|"), ["verwacht scheidingsteken ';' of ',' of tab"]),
    "pc4 missing column": (PC4, "regio_pc4", _drop_column(3, ","), ["rij 1, kolom 'vo_swv': kolom ontbreekt"]),
    "pc4 unknown swv code": (PC4, "regio_pc4", _set_cell(11, 2, "PX2707", ","), ["rij 11, kolom 'po_swv'", "'PX2707'"]),
    "pc4 cut off": (PC4, "regio_pc4", _cut_off, ["afgebroken"]),
    "pc4 wrong encoding": (PC4, "regio_pc4", _reencode("utf-8", "utf-16"), ["UTF-16"]),
    "pc4 without date in name": (PC4, "regio_pc4", _renamed("indeling.csv"), ["datum"]),
    "gemeente indeling sector mismatch": (
        GEMEENTE_2013,
        "regio_gemeente",
        _set_cell(2, 0, "VO", ","),
        ["rij 2, kolom 'swv_code'"],
    ),
    "duo wrong delimiter": (DUO_BO, "duo_vestigingen_bo", _replace(b";", b"|"), ["de eerste regel gebruikt '|'"]),
    "duo missing column": (
        DUO_BO,
        "duo_vestigingen_bo",
        _drop_column(3, ";", encoding="cp1252"),
        ["kolom 'VESTIGINGSNUMMER': kolom ontbreekt"],
    ),
    "duo cut off": (DUO_BO, "duo_vestigingen_bo", _cut_off, ["afgebroken"]),
    "duo wrong encoding": (DUO_BO, "duo_vestigingen_bo", _reencode("cp1252", "utf-16-le"), ["UTF-16"]),
    "vsv text in a count": (
        VSV,
        "duo_vsv",
        _set_cell(5, 4, "veel", ";"),
        ["rij 5, kolom 'vsv_totaal': verwacht een geheel aantal"],
    ),
    "vsv unknown swv code": (
        VSV,
        "duo_vsv",
        _set_cell(40, 0, "VO9999", ";"),
        ["rij 40, kolom 'SAMENWERKINGSVERBAND_NUMMER': onbekend samenwerkingsverband VO9999"],
    ),
    "vsv missing column": (VSV, "duo_vsv", _drop_column(3, ";"), ["kolom 'aantal_leerlingen': kolom ontbreekt"]),
    "vsv cut off": (VSV, "duo_vsv", _cut_off, ["afgebroken"]),
    "boundaries cut off": (GRENZEN, "cbs_gemeentegrenzen", _cut_off, ["geen geldige GeoJSON"]),
    "boundaries bad code": (GRENZEN, "cbs_gemeentegrenzen", _boundary_code(9, "0363"), ["rij 10, kolom 'statcode'"]),
}


@pytest.mark.parametrize(("relative", "source", "breaking", "expected"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_copy_is_refused_with_what_is_wrong(real_data_dir, tmp_path, relative, source, breaking, expected):
    message = _refused(source, breaking(_copy(real_data_dir, tmp_path, relative)))
    for text in expected:
        assert text in message


def test_duo_as_utf8_is_read_the_same(real_data_dir, tmp_path):
    """DUO's newer files are UTF-8: the same content in either encoding gives the same tables."""
    path = _reencode("cp1252", "utf-8")(_copy(real_data_dir, tmp_path, DUO_BO))
    before = snapshot()
    run = run_import(source_key="duo_vestigingen_bo", path=path, progress=False)
    assert run.status == ImportRun.Status.ONGEWIJZIGD
    assert snapshot() == before


def test_empty_file(tmp_path):
    path = tmp_path / "vsv-per-swv-2016.csv"
    path.write_bytes(b"")
    assert "leeg" in _refused("duo_vsv", path)
