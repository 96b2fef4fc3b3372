"""Broken copies of the real files: each is refused with file, row and column, and nothing changes."""

import json
import re
import shutil
from pathlib import Path

import pytest

from swv.importing.problems import ImportRefused
from swv.importing.registry import get_source
from swv.importing.run import run_import
from swv.importing.templates import template_sources
from swv.models import ImportRun, Indicator
from tests.dialects import NUMBER_TYPES, SITE_EXAMPLE, Sheet, columns, example_sheet, how_written, real_files
from tests.factories import SamenwerkingsverbandFactory
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
    "pc4 unknown delimiter": (
        PC4,
        "regio_pc4",
        _replace(b",", b"#"),
        ["rij 1: geen kopregel herkend", "verwacht scheidingsteken ';' of ',' of tab of '|'", "'pc4#gemeente#"],
    ),
    "pc4 missing column": (PC4, "regio_pc4", _drop_column(3, ","), ["rij 1, kolom 'vo_swv': kolom ontbreekt"]),
    "pc4 unknown swv code": (PC4, "regio_pc4", _set_cell(11, 2, "PX2707", ","), ["rij 11, kolom 'po_swv'", "'PX2707'"]),
    "pc4 cut off": (PC4, "regio_pc4", _cut_off, ["afgebroken"]),
    "pc4 utf-16 without byte order mark": (
        PC4,
        "regio_pc4",
        _reencode("utf-8", "utf-16-le"),
        ["rij 1: het bestand is UTF-16 zonder byte-order-mark"],
    ),
    "pc4 without date in name": (PC4, "regio_pc4", _renamed("indeling.csv"), ["datum"]),
    "gemeente indeling sector mismatch": (
        GEMEENTE_2013,
        "regio_gemeente",
        _set_cell(2, 0, "VO", ","),
        ["rij 2, kolom 'swv_code'"],
    ),
    "duo unknown delimiter": (DUO_BO, "duo_vestigingen_bo", _replace(b";", b"#"), ["'PROVINCIE#BEVOEGD GEZAG"]),
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


# --- every source, every way of breaking a file -----------------------------------------------------
# Each way takes the source, its file as cells and how the file is written, and gives the broken bytes and
# what the refusal must say; None where the file has nothing to break that way (no number column, say).


def _row(sheet: Sheet, index: int) -> int:
    """The line number of data row `index` (title lines, then the header)."""
    return len(sheet.title) + 2 + index


def _cut_in_a_row(source, sheet, how):
    """Cut before a delimiter inside a row, so the row it ends in is short of fields."""
    data = sheet.csv(**how)
    delimiter = how["delimiter"].encode()  # one ASCII character in every encoding these files are written in
    end = data.rstrip(how["newline"].encode()) if len(sheet.rows) <= 3 else data[: len(data) * 2 // 3 + 7]
    return data[: end.rindex(delimiter)], ["afgebroken"]


def _without_a_column(source, sheet, how):
    positions = columns(source, sheet)
    index = next(i for i, column in positions.items() if column.required)
    dropped = sheet.copy(
        header=[h for i, h in enumerate(sheet.header) if i != index],
        rows=[[c for i, c in enumerate(row) if i != index] for row in sheet.rows],
    )
    expected = f"rij {len(sheet.title) + 1}, kolom '{positions[index].name}': kolom ontbreekt"
    return dropped.csv(**how), [expected]


def _other_value(column, value: str) -> str | None:
    """Another value for a cell of this column: the row then says something else about the same unit."""
    if column.choices:
        return next(choice for choice in column.choices if choice != value)
    if column.type in NUMBER_TYPES:
        return "7" if value in ("", "<5") or not value[-1:].isdigit() else value[:-1] + str((int(value[-1]) + 1) % 10)
    if column.type == "text" and column.name != "brin6":
        return f"{value} (anders)"
    return None


def _duplicate_with_other_values(source, sheet, how):
    middle = len(sheet.rows) // 2
    positions = {i: c for i, c in columns(source, sheet).items() if c.name not in source.unique}
    preferred = sorted(positions, key=lambda i: positions[i].type not in NUMBER_TYPES)  # a number if there is one
    index = next((i for i in preferred if _other_value(positions[i], sheet.rows[middle][i]) is not None), None)
    if index is None:
        return None
    copy = list(sheet.rows[middle])
    copy[index] = _other_value(positions[index], copy[index])
    duplicated = sheet.copy(rows=[*sheet.rows, copy])
    return duplicated.csv(**how), [f"rij {_row(sheet, len(sheet.rows))}", "al op rij", f"rij {_row(sheet, middle)}"]


def _text_in_a_number(source, sheet, how):
    number = next((i for i, c in columns(source, sheet).items() if c.type in NUMBER_TYPES), None)
    if number is None:
        return None
    broken = sheet.copy()
    index = len(broken.rows) // 2
    broken.rows[index][number] = "veel"
    name = columns(source, sheet)[number].name
    return broken.csv(**how), [f"rij {_row(sheet, index)}, kolom '{name}': verwacht", "gevonden 'veel'"]


def _unknown_code(source, sheet, how):
    """A code (or name) of an SWV, gemeente or school nobody knows, where the file names one."""
    unknown = {
        "swv_code": lambda code: f"{code[:2]}1999",  # no region block 19
        "gemeente": lambda name: "GM8999",
        "brin6": lambda brin6: "ZZZZ99",
    }
    for number, column in columns(source, sheet).items():
        kind = "brin6" if column.name == "brin6" else column.type
        pattern = r"[PV]O[2-9]\d{3}" if kind == "swv_code" else r".+"
        index = next((i for i, row in enumerate(sheet.rows) if re.fullmatch(pattern, row[number])), None)
        if kind in unknown and index is not None:
            broken = sheet.copy()
            broken.rows[index][number] = unknown[kind](broken.rows[index][number])
            return broken.csv(**how), [f"rij {_row(sheet, index)}, kolom '{column.name}'", "onbekend"]
    return None


def _other_sector(source, sheet, how):
    """A code of the other sector where the column (or the row) is of one sector, or a figure of one
    sector for an SWV of the other."""
    positions = columns(source, sheet)
    sector = next((i for i, c in positions.items() if c.name == "sector"), None)
    if sector is not None:  # a row that says of itself which sector it is
        broken = sheet.copy()
        index = next(i for i, row in enumerate(broken.rows) if row[sector] == "PO")
        broken.rows[index][sector] = "VO"
        return broken.csv(**how), [f"rij {_row(sheet, index)}", "code van PO"]
    for number, column in positions.items():
        if column.type != "swv_code":
            continue
        index = next((i for i, row in enumerate(sheet.rows) if re.fullmatch(r"[PV]O[2-9]\d{3}", row[number])), None)
        if index is None:
            continue
        code = sheet.rows[index][number]
        other = "VO" if code.startswith("PO") else "PO"
        sector_of = dict(Indicator.objects.values_list("code", "sector"))
        sectored = [
            c
            for i, c in positions.items()
            if c.indicator and sector_of.get(c.indicator) == code[:2] and sheet.rows[index][i]
        ]
        if not column.sector and not sectored:
            return None  # a file about SWV's of either sector
        broken = sheet.copy()
        broken.rows[index][number] = SamenwerkingsverbandFactory(sector=other).code
        return broken.csv(**how), [f"rij {_row(sheet, index)}, kolom", "code van" if column.sector else "alleen voor"]
    return None


def _utf16_without_byte_order_mark(source, sheet, how):
    return sheet.csv(**{**how, "encoding": "utf-16-le"}), ["rij 1: het bestand is UTF-16 zonder byte-order-mark"]


BREAKING = {
    "cut off inside a row": _cut_in_a_row,
    "a required column missing": _without_a_column,
    "a row repeated with other values": _duplicate_with_other_values,
    "text in a number column": _text_in_a_number,
    "an unknown code": _unknown_code,
    "a code of the other sector": _other_sector,
    "empty": lambda source, sheet, how: (b"", ["het bestand is leeg"]),
    "only the header": lambda source, sheet, how: (sheet.copy(rows=[]).csv(**how), ["geen gegevensrijen"]),
    "a picture named .csv": lambda source, sheet, how: (PNG, ["rij 1: het bestand is een afbeelding (PNG)"]),
    "an old Excel file named .csv": lambda source, sheet, how: (XLS, ["rij 1: het bestand is een oud Excel-bestand"]),
    "random bytes": lambda source, sheet, how: (bytes(range(256)) * 20, ["rij 1: het bestand is geen tekstbestand"]),
    "UTF-16 without its byte order mark": _utf16_without_byte_order_mark,
}
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
SLOW_SOURCE_CHECKS = (
    "a row repeated with other values",
    "text in a number column",
    "an unknown code",
    "a code of the other sector",
)


def _refused_with(source, path: Path, expected: list[str]) -> None:
    message = _refused(source.key, path)
    for text in expected:
        assert text in message, f"{text!r} not in {message!r}"


@pytest.mark.parametrize("breaking", BREAKING.values(), ids=BREAKING.keys())
@pytest.mark.parametrize("source", template_sources(), ids=lambda s: s.key)
def test_a_broken_example_file_is_refused_and_changes_nothing(tmp_path, source, breaking):
    sheet = example_sheet(source)
    made = breaking(source, sheet, SITE_EXAMPLE)
    if made is None:
        pytest.skip("nothing in this file to break this way")
    data, expected = made
    path = tmp_path / f"{source.key}-voorbeeld.csv"
    path.write_bytes(data)
    _refused_with(source, path, expected)


@pytest.mark.realdata
@pytest.mark.parametrize("breaking", [BREAKING[name] for name in SLOW_SOURCE_CHECKS], ids=SLOW_SOURCE_CHECKS)
@pytest.mark.parametrize(("source", "path"), real_files())
def test_a_broken_real_file_is_refused_and_changes_nothing(tmp_path, source, path, breaking):
    """What each importer checks itself (the reader's refusals are the same for every file, above)."""
    sheet = Sheet.from_file(path, source)
    made = breaking(source, sheet, {**how_written(path), "delimiter": ";"})
    if made is None:
        pytest.skip("nothing in this file to break this way")
    data, expected = made
    broken = tmp_path / path.name
    broken.write_bytes(data)
    _refused_with(source, broken, expected)


def test_the_address_file_of_the_other_sector_is_refused(real_data_dir, tmp_path):
    """DUO's vo address file has every column of the bo one: as the bo file it would replace every bo school."""
    path = _copy(real_data_dir, tmp_path, "duo-adressen/alle-vestigingen-vo_2020-12.csv")
    message = _refused("duo_vestigingen_bo", path)
    assert "zou 6268 van de 6268 opgeslagen vestigingen (bo) verwijderen" in message


def test_a_value_longer_than_its_column_is_refused_not_cut_off(tmp_path):
    """A postcode cell with the place in it ('5531 AB Bladel') would be cut to '5531 AB' without a word."""
    source = get_source("swv_adressen")
    sheet = example_sheet(source)
    sheet.rows[0][sheet.header.index("POSTCODE")] = "5531 AB Bladel"
    path = tmp_path / "swv-adressen.csv"
    path.write_bytes(sheet.csv(**SITE_EXAMPLE))
    message = _refused("swv_adressen", path)
    expected = "swv-adressen.csv, kolom 'postcode': '5531 AB Bladel' is te lang voor postcode (ten hoogste 7 tekens)"
    assert expected in message
