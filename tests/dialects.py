"""One table written in the dialects publishers and spreadsheet users write, for the importers' tests:
the same content in other bytes (encoding, delimiter, line ends, quoting, header spelling, column order,
title lines, notes and a total row below, codes, numbers and dates in other spellings, a workbook).

Every variant is derived from a `Sheet` (title lines, header, rows) and the source's column types, so a
new source or a new file is covered without writing its variants by hand.
"""

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from openpyxl import Workbook

from swv.importing.base import Column, Source
from swv.importing.readers import header_key
from swv.importing.registry import detect_source
from swv.importing.templates import template_csv
from tests.conftest import data_dir, data_new_dir
from tests.factories import GemeenteFactory, SamenwerkingsverbandFactory, VestigingFactory

NUMBER_TYPES = ("count", "amount", "decimal", "percent")


@dataclass
class Sheet:
    header: list[str]
    rows: list[list[str]]
    title: list[list[str]] = field(default_factory=list)
    footer: list[list[str]] = field(default_factory=list)

    @classmethod
    def from_file(cls, path: Path, source: Source) -> "Sheet":
        """A published file as cells, read with the csv module (the header line is where the source finds it)."""
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
        header_line = source.read(path).header_line
        lines = text.splitlines()
        delimiter = max(";,\t|", key=lambda d: lines[header_line - 1].count(d))
        cells = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        rows = [row for row in cells[header_line:] if any(cell.strip() for cell in row)]
        return cls(header=cells[header_line - 1], rows=rows, title=cells[: header_line - 1])

    @classmethod
    def from_csv(cls, data: bytes) -> "Sheet":
        """An example file as the site writes it (UTF-8 with BOM, ';')."""
        cells = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
        return cls(header=cells[0], rows=cells[1:])

    def copy(self, **changes) -> "Sheet":
        copied = replace(self, **changes)
        copied.rows = [list(row) for row in copied.rows]
        return copied

    def csv(self, *, delimiter=";", encoding="utf-8", newline="\n", quoting=csv.QUOTE_MINIMAL) -> bytes:
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=quoting)
        writer.writerows([*self.title, self.header, *self.rows, *self.footer])
        return out.getvalue().encode(encoding)

    def xlsx(self, *, typed: bool = True) -> bytes:
        """A workbook; typed, the cells are what Dutch Excel makes of the text (numbers lose their leading
        zeros, '1.234,5' becomes 1234.5, '1-10-2024' a date)."""
        workbook = Workbook()
        sheet = workbook.active
        for row in self.title:
            sheet.append(row)
        sheet.append(self.header)
        for row in self.rows:
            sheet.append([excel_value(cell) if typed else cell for cell in row])
        for row in self.footer:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


def excel_value(text: str):
    cell = text.strip()
    if re.fullmatch(r"-?\d{1,15}", cell):
        return int(cell)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d+|-?\d{1,3}(\.\d{3})+", cell):
        return float(cell.replace(".", "").replace(",", "."))
    if match := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", cell):
        return dt.datetime(int(match[3]), int(match[2]), int(match[1]))
    return text


def columns(source: Source, sheet: Sheet) -> dict[int, Column]:
    """The declared column of each position of the header that has one."""
    found: dict[int, Column] = {}
    for index, name in enumerate(sheet.header):
        column = next((c for c in source.columns if header_key(name) in c.keys()), None)
        if column is not None and column not in found.values():
            found[index] = column
    return found


def respell(source: Source, sheet: Sheet, spell: Callable[[str, Column], str | None]) -> Sheet | None:
    """The sheet with each cell `spell` gives another spelling for; None when no cell has one."""
    positions = columns(source, sheet)
    copied, changed = sheet.copy(), False
    for row in copied.rows:
        for index, column in positions.items():
            if index < len(row) and (new := spell(row[index], column)) is not None and new != row[index]:
                row[index], changed = new, True
    return copied if changed else None


# Spellings of one value: each returns the other spelling, or None when the cell is not such a value.


def _number(text: str) -> tuple[str, str] | None:
    """(whole digits, decimals) of a number as the sector writes it."""
    cell = text.strip().replace(" ", "")
    if match := re.fullmatch(r"(-?\d{1,3}(?:\.\d{3})*|-?\d+)(?:,(\d+))?", cell):
        return match[1].replace(".", ""), match[2] or ""
    if match := re.fullmatch(r"(-?\d+)\.(\d{1,2}|\d{4,})", cell):
        return match[1], match[2]
    return None


def grouped(thousands: str, decimal: str = ","):
    def spell(text: str, column: Column) -> str | None:
        if column.type not in NUMBER_TYPES or (number := _number(text)) is None:
            return None
        whole, decimals = number
        sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
        groups = [digits[max(0, end - 3) : end] for end in range(len(digits), 0, -3)][::-1]
        return sign + thousands.join(groups) + (decimal + decimals if decimals else "")

    return spell


def empty_as(marker: str):
    def spell(text: str, column: Column) -> str | None:
        return marker if text.strip() == "" and column.blank and column.type in NUMBER_TYPES else None

    return spell


SWV_SPELLINGS = {
    "PO 30-09": lambda code: f"{code[:2]} {code[2:4]}-{code[4:]}",
    "po3009": str.lower,
    "PO-30-09": lambda code: f"{code[:2]}-{code[2:4]}-{code[4:]}",
    "PO 30.09": lambda code: f"{code[:2]} {code[2:4]}.{code[4:]}",
    "P0 3009": lambda code: f"{code[0]}0 {code[2:]}",
}


def swv_code(spelling: str):
    def spell(text: str, column: Column) -> str | None:
        if column.type == "swv_code" and re.fullmatch(r"[PV]O\d{4}", text.strip()):
            return SWV_SPELLINGS[spelling](text.strip())
        return None

    return spell


def gemeente_code(form: str):
    """'0363' as '363', 'GM0363' or '0363', in a gemeente column or DUO's GEMEENTENUMMER."""

    def spell(text: str, column: Column) -> str | None:
        if column.type != "gemeente" and "GEMEENTENUMMER" not in column.name:
            return None
        if not (match := re.fullmatch(r"(?:GM)?0*(\d{1,4})", text.strip())):
            return None
        number = int(match[1])
        return {"363": str(number), "GM0363": f"GM{number:04d}", "0363": f"{number:04d}"}[form]

    return spell


def date(form: str):
    def spell(text: str, column: Column) -> str | None:
        if column.type != "date":
            return None
        for written in ("%Y-%m-%d", "%d-%m-%Y", "%Y%m%d", "%d/%m/%Y"):
            try:
                day = dt.datetime.strptime(text.strip(), written).date()
            except ValueError:
                continue
            return f"{day.day}-{day.month}-{day.year}" if form == "1-10-2023" else day.strftime(form)
        return None

    return spell


def schooljaar(form: str):
    def spell(text: str, column: Column) -> str | None:
        if column.type != "schooljaar" or not (match := re.fullmatch(r"(\d{4})\s*[-/]\s*\d{2,4}", text.strip())):
            return None
        start = int(match[1])
        return form.format(start=start, end=start + 1, short=start % 100, end_short=(start + 1) % 100)

    return spell


def vestigingsnummer(text: str, column: Column) -> str | None:
    """DUO writes the number of a vestiging as '00' in one file and '0' in another."""
    if column.name.replace("_", " ") != "VESTIGINGSNUMMER" or not re.fullmatch(r"\d{1,2}", text.strip()):
        return None
    return text.strip().lstrip("0") or "0" if len(text.strip()) == 2 else text.strip().zfill(2)


def postcode(text: str, column: Column) -> str | None:
    if column.name.upper().startswith("POSTCODE") and (match := re.fullmatch(r"(\d{4}) ([A-Z]{2})", text.strip())):
        return f"{match[1]}{match[2].lower()}"
    return None


def total_row(source: Source, sheet: Sheet) -> list[str]:
    """A row 'Totaal' with the sum of every count column, as spreadsheets add below the data."""
    row = ["Totaal"] + [""] * (len(sheet.header) - 1)
    for index, column in columns(source, sheet).items():
        if index and column.type == "count":
            numbers = [_number(r[index]) for r in sheet.rows if index < len(r)]
            row[index] = str(sum(int(n[0]) for n in numbers if n))
    return row


FOOTER = [[], ["Bron: DUO, open onderwijsdata"], ["* Aantallen kleiner dan 5 zijn afgeschermd"]]

# name -> (source, sheet, how the original is written) -> (bytes, file suffix) or None (nothing to vary)
Variant = Callable[[Source, Sheet, dict], tuple[bytes, str] | None]


def written(**how) -> Variant:
    def variant(source, sheet, original):
        try:
            return sheet.csv(**{**original, **how}), ".csv"
        except UnicodeEncodeError:
            return None  # a letter the encoding does not have: no file is written like that

    return variant


def renamed(rename: Callable[[str], str]) -> Variant:
    return changed(lambda source, sheet: sheet.copy(header=[rename(name) for name in sheet.header]))


def changed(make: Callable[[Source, Sheet], Sheet | None]) -> Variant:
    def variant(source, sheet, original):
        new = make(source, sheet)
        return None if new is None else (new.csv(**original), ".csv")

    return variant


def spelled(spell) -> Variant:
    return changed(lambda source, sheet: respell(source, sheet, spell))


def _reversed(source: Source, sheet: Sheet) -> Sheet:
    order = list(range(len(sheet.header)))[::-1]
    return sheet.copy(header=[sheet.header[i] for i in order], rows=[[r[i] for i in order] for r in sheet.rows])


def _extra_columns(source: Source, sheet: Sheet) -> Sheet:
    return sheet.copy(
        header=["Opmerking", *sheet.header, "Extra; met scheidingsteken"],
        rows=[["vrije tekst, met een komma", *row, "1.234"] for row in sheet.rows],
    )


DIALECTS: dict[str, Variant] = {
    "delimiter ,": written(delimiter=","),
    "delimiter tab": written(delimiter="\t"),
    "delimiter |": written(delimiter="|"),
    "UTF-8 with BOM": written(encoding="utf-8-sig"),
    "Windows-1252": written(encoding="cp1252"),
    "UTF-16 with BOM, tab, CRLF (Excel Unicode text)": written(encoding="utf-16", delimiter="\t", newline="\r\n"),
    "CRLF": written(newline="\r\n"),
    "CR only": written(newline="\r"),
    "every field quoted": written(quoting=csv.QUOTE_ALL),
    "header in capitals": renamed(str.upper),
    "header in lower case": renamed(str.lower),
    "header with extra spaces": renamed(lambda name: f"  {name.replace(' ', '  ')} "),
    "header with _ for spaces": renamed(lambda name: name.replace(" ", "_")),
    "header with spaces for _": renamed(lambda name: name.replace("_", " ")),
    "columns in another order": changed(_reversed),
    "extra unknown columns": changed(_extra_columns),
    "title lines above the header": changed(
        lambda source, sheet: sheet.copy(title=[["Gegevens per samenwerkingsverband"], ["Bron: DUO"], [], *sheet.title])
    ),
    "notes below the data": changed(lambda source, sheet: sheet.copy(footer=FOOTER)),
    "a total row below the data": changed(
        lambda source, sheet: sheet.copy(footer=[total_row(source, sheet), [], ["Bron: DUO"]])
    ),
    "every data row ending in a delimiter": changed(
        lambda source, sheet: sheet.copy(rows=[[*r, ""] for r in sheet.rows])
    ),
    "numbers as 1.234,5": spelled(grouped(".")),
    "numbers as 1 234,5": spelled(grouped(" ")),
    "numbers as 1234.5": spelled(grouped("", ".")),
    "empty number as '-'": spelled(empty_as("-")),
    "empty number as 'n.v.t.'": spelled(empty_as("n.v.t.")),
    **{f"SWV code as {name!r}": spelled(swv_code(name)) for name in SWV_SPELLINGS},
    "gemeentecode as '363'": spelled(gemeente_code("363")),
    "gemeentecode as 'GM0363'": spelled(gemeente_code("GM0363")),
    "gemeentecode as '0363'": spelled(gemeente_code("0363")),
    "vestigingsnummer as '0' or '00'": spelled(vestigingsnummer),
    "postcode as '7822hg'": spelled(postcode),
    "date as 2023-10-01": spelled(date("%Y-%m-%d")),
    "date as 1-10-2023": spelled(date("1-10-2023")),
    "date as 01/10/2023": spelled(date("%d/%m/%Y")),
    "schooljaar as 2023/2024": spelled(schooljaar("{start}/{end}")),
    "schooljaar as 2023/24": spelled(schooljaar("{start}/{end_short:02d}")),
    "schooljaar as 23/24": spelled(schooljaar("{short:02d}/{end_short:02d}")),
    "workbook (.xlsx), cells as text": lambda source, sheet, original: (sheet.xlsx(typed=False), ".xlsx"),
    "workbook (.xlsx) as Excel types it": lambda source, sheet, original: (sheet.xlsx(), ".xlsx"),
    "workbook saved under a .csv name": lambda source, sheet, original: (sheet.xlsx(), ".csv"),
}


def _everything_at_once(source: Source, sheet: Sheet) -> Sheet:
    """Many dialect changes in one file, for the large real files (one import instead of dozens)."""
    new = _extra_columns(source, _reversed(source, sheet))
    new.header = [
        h.lower().replace("_", " ") if i % 2 else h.upper().replace(" ", "_") for i, h in enumerate(new.header)
    ]
    for spell in (swv_code("PO 30-09"), gemeente_code("GM0363"), grouped(" "), date("1-10-2023"), empty_as("-")):
        new = respell(source, new, spell) or new
    new.title = [["Gegevens per vestiging"], [], *new.title]
    new.footer = [[], ["Bron: DUO"], total_row(source, new)]
    return new


COMBINED: dict[str, Variant] = {
    "UTF-16 tab CRLF, headers respelled, columns reversed and added, codes and numbers respelled, title and footer": (
        lambda source, sheet, original: (
            _everything_at_once(source, sheet).csv(encoding="utf-16", delimiter="\t", newline="\r\n"),
            ".csv",
        )
    ),
    "workbook as Excel types it, with a title line, notes and a total row": lambda source, sheet, original: (
        sheet.copy(title=[["Gegevens"], *sheet.title], footer=[total_row(source, sheet), [], ["Bron: DUO"]]).xlsx(),
        ".xlsx",
    ),
}


# --- the files the tests vary -------------------------------------------------------------------

SITE_EXAMPLE = {"encoding": "utf-8-sig", "delimiter": ";", "newline": "\r\n"}  # how template_csv writes
ACCENTS = " (é ë ï â)"


def example_sheet(source: Source) -> Sheet:
    """The example file a beheerder downloads, about units of its own (factories) and with accents in its
    names, so that every encoding has letters to get wrong."""
    sheet = Sheet.from_csv(template_csv(source))
    for index, column in columns(source, sheet).items():
        cell = sheet.rows[0][index]
        if column.type == "swv_code":
            cell = SamenwerkingsverbandFactory(sector=column.sector or "PO").code
        elif column.type == "gemeente":
            cell = GemeenteFactory(naam="Súdwest-Fryslân Proefgemeente").naam
        elif column.name == "brin6":
            cell = VestigingFactory().brin6
        elif column.type == "text" and not column.choices and " " in cell and any(c.islower() for c in cell):
            cell += ACCENTS
        sheet.rows[0][index] = cell
    return sheet


def real_files() -> list:
    """Every file of the open-data folders a source recognises, except GeoJSON (not a table)."""
    found = []
    for folder in filter(None, (data_dir(), data_new_dir())):
        for path in sorted(folder.rglob("*")):
            source = detect_source(path).source if path.is_file() and path.suffix != ".md" else None
            if source is not None and path.suffix.lower() in {".csv", ".tsv", ".txt"}:
                found.append(pytest.param(source, path, id=path.name))
    return found or [pytest.param(None, None, marks=pytest.mark.skip(reason="no open data"))]


def how_written(path: Path) -> dict:
    data = path.read_bytes()
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252"), "cp1252"
    newline = "\r\n" if "\r\n" in text else ("\r" if "\n" not in text else "\n")
    return {"encoding": encoding, "newline": newline}
