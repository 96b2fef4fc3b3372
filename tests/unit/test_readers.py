"""The reader gives the same rows for the same table in every dialect publishers write, and says what is
wrong with a file that is not such a table (file, row, what was found)."""

import codecs

import pytest
from openpyxl import Workbook

from swv.importing import readers
from swv.importing.problems import ImportRefused

ROWS = [["PO3009", "Súdwest-Fryslân", "1.234"], ["VO2001", "Ëïâé", "5"]]
HEADER = ["swv_code", "gemeente", "aantal"]


def _recognise(cells: list[str]) -> int:
    return sum(1 for cell in cells if readers.header_key(cell) in HEADER)


def _read(path, recognise=_recognise):
    table = readers.read_table(path, recognise=recognise)
    return table, [cells for _, cells in table.rows]


def _text(lines: list[list[str]], delimiter: str = ";", newline: str = "\n") -> str:
    return "".join(delimiter.join(line) + newline for line in lines)


DIALECTS = {
    "utf-8 ;": lambda: _text([HEADER, *ROWS]).encode(),
    "utf-8 with BOM , CRLF": lambda: (
        _text([HEADER, *ROWS], ",", "\r\n").replace("1.234", '"1.234"').encode("utf-8-sig")
    ),
    "windows-1252 tab CR": lambda: _text([HEADER, *ROWS], "\t", "\r").encode("cp1252"),
    "utf-16 with BOM tab CRLF (Excel Unicode text)": lambda: _text([HEADER, *ROWS], "\t", "\r\n").encode("utf-16"),
    "utf-16 big endian with BOM": lambda: codecs.BOM_UTF16_BE + _text([HEADER, *ROWS], "|").encode("utf-16-be"),
    "pipe": lambda: _text([HEADER, *ROWS], "|").encode(),
    "title lines above": lambda: _text([["Leerlingen"], ["Peildatum:", "1-10-2024"], [], HEADER, *ROWS]).encode(),
    "notes, an empty line and a total row below": lambda: _text(
        [HEADER, *ROWS, [], ["Bron: DUO"], ["* afgerond"], ["Totaal", "", "1.239"]]
    ).encode(),
    "a total row right below the data": lambda: _text([HEADER, *ROWS, ["Totaal", "", "1.239"]]).encode(),
    "every line ending in a delimiter": lambda: _text([[*line, ""] for line in (HEADER, *ROWS)]).encode(),
    "data rows ending in a delimiter": lambda: _text([HEADER, *([*row, ""] for row in ROWS)]).encode(),
}


@pytest.mark.parametrize("dialect", DIALECTS.values(), ids=DIALECTS.keys())
def test_the_same_table_in_every_dialect_gives_the_same_rows(tmp_path, dialect):
    path = tmp_path / "tabel.csv"
    path.write_bytes(dialect())
    table, rows = _read(path)
    assert table.header == HEADER
    assert rows == ROWS


def test_title_lines_are_kept_as_cells_for_what_they_say(tmp_path):
    path = tmp_path / "tabel.csv"
    path.write_text(_text([["WPO (BAO)", "Peildatum:", "1-10-2016"], HEADER, *ROWS]), encoding="utf-8")
    table, _ = _read(path)
    assert table.header_line == 2
    assert table.title == [["WPO (BAO)", "Peildatum:", "1-10-2016"]]
    assert any("titelregel" in notice for notice in table.notices)


def test_lines_below_the_data_are_named_in_a_notice(tmp_path):
    path = tmp_path / "tabel.csv"
    path.write_text(_text([HEADER, *ROWS, [], ["Bron: DUO"], ["Totaal", "", "1.239"]]), encoding="utf-8")
    table, _ = _read(path)
    assert any("2 regel(s) onder de gegevens overgeslagen" in n and "rij 5: 'Bron: DUO'" in n for n in table.notices)


def test_a_note_between_rows_of_data_stays_a_row(tmp_path):
    """Only what follows the last row of data is a footer: a note in between stays a row (refused as one)."""
    path = tmp_path / "tabel.csv"
    path.write_text(_text([HEADER, ROWS[0], ["Bron: DUO"], ROWS[1]]), encoding="utf-8")
    _, rows = _read(path)
    assert rows == [ROWS[0], ["Bron: DUO"], ROWS[1]]


@pytest.mark.parametrize(
    "newline", ["\n", "\r\n", "\r"], ids=["line feed", "CR LF", "old Mac CR-only (DUO writes no final break)"]
)
def test_a_complete_last_row_without_its_line_break_is_read_with_a_notice(tmp_path, newline):
    text = _text([HEADER, *ROWS], ";", newline)
    path = tmp_path / "tabel.csv"
    path.write_text(text[: -len(newline)], encoding="utf-8", newline="")
    table = readers.read_table(path, recognise=_recognise)
    assert [cells for _, cells in table.rows] == ROWS
    assert any("zonder regeleinde na rij 3" in notice for notice in table.notices)


def test_a_last_row_cut_short_of_its_fields_is_refused(tmp_path):
    text = _text([HEADER, *ROWS], ";", "\n")
    path = tmp_path / "tabel.csv"
    path.write_text(text[: text.rindex(";")], encoding="utf-8", newline="")
    with pytest.raises(ImportRefused) as refused:
        list(readers.read_table(path, recognise=_recognise).rows)
    assert "tabel.csv, rij 3: het bestand eindigt midden in een rij" in str(refused.value)


def test_a_workbook_is_read_as_a_workbook_whatever_its_name(tmp_path):
    workbook = Workbook()
    workbook.active.append(["Toelichting bij dit bestand"])
    data = workbook.create_sheet("gegevens")
    for line in (["Tabel"], HEADER, *ROWS, [], ["Bron: DUO"]):
        data.append(line)
    path = tmp_path / "tabel.csv"  # saved by Excel, renamed by hand
    workbook.save(path)
    table, rows = _read(path)
    assert table.header == HEADER and table.header_line == 2
    assert rows == ROWS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "rij 1: het bestand is een afbeelding (PNG)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "rij 1: het bestand is een oud Excel-bestand (.xls)"),
        (b"%PDF-1.7\n" + bytes(range(256)), "rij 1: het bestand is een PDF-document"),
        (_text([HEADER, *ROWS]).encode("utf-16-le"), "rij 1: het bestand is UTF-16 zonder byte-order-mark"),
        (bytes(range(256)) * 4, "rij 1: het bestand is geen tekstbestand"),
        (_text([HEADER, *ROWS * 200]).encode() + b"PO2001;\x00;3\n", "rij 402: de regel bevat een NUL-teken"),
        (b"", "tabel.csv: het bestand is leeg"),
        (b"\r\n \r\n", "tabel.csv: het bestand is leeg"),
        (codecs.BOM_UTF16_LE + "\r\n".encode("utf-16-le"), "tabel.csv: het bestand is leeg"),
        (codecs.BOM_UTF16_LE + _text([HEADER, *ROWS]).encode("utf-16-le")[:-1], "UTF-16 maar niet geldig"),
        (_text([HEADER, ['"PO3009', "x", "1"], *ROWS * 30000]).encode(), "rij 2: de rij die op deze regel begint"),
    ],
    ids=[
        *("png", "xls", "pdf", "utf-16 without BOM", "binary", "nul byte"),
        *("empty", "blank", "empty utf-16", "cut utf-16", "open quote"),
    ],
)
def test_what_is_no_table_is_refused_saying_what_it_is(tmp_path, content, message):
    path = tmp_path / "tabel.csv"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        _read(path)
    assert message in str(refused.value)
