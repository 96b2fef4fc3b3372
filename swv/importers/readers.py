"""Reads CSV and XLSX files into (row number, cells) with the header matched to a column spec."""

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from swv.importers.problems import ImportRefused, Problem

_COMMON_DELIMITERS = (";", ",", "\t", "|")


def header_key(text: str) -> str:
    return re.sub(r"[\s_\-.]+", " ", text.strip().lower()).strip()


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (1-based line number in the file, stripped cells)


def read_table(path: Path, *, encodings: tuple[str, ...], delimiters: tuple[str, ...]) -> Table:
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path)
    return _read_csv(path, encodings=encodings, delimiters=delimiters)


def decode(path: Path, encodings: tuple[str, ...]) -> str:
    data = path.read_bytes()
    name = path.name
    if not data.strip():
        raise ImportRefused([Problem(name, None, None, "het bestand is leeg")])
    if b"\x00" in data[:4096]:
        raise ImportRefused(
            [
                Problem(
                    name,
                    1,
                    None,
                    f"het bestand is geen tekst in {' of '.join(encodings)} (UTF-16 of binair?)",
                )
            ]
        )
    first_error = None
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            if first_error is None:
                first_error = (encoding, exc)
    encoding, exc = first_error
    line = data[: exc.start].count(b"\n") + 1
    raise ImportRefused(
        [
            Problem(
                name,
                line,
                None,
                f"teken 0x{data[exc.start]:02X} is ongeldig in de verwachte codering "
                f"{' of '.join(encodings)}; sla het bestand op als {encodings[0].replace('-sig', '')}",
            )
        ]
    )


def _read_csv(path: Path, *, encodings, delimiters) -> Table:
    text = decode(path, encodings)
    lines = text.splitlines()
    line_break = "\r\n" if "\r\n" in text[:20000] else "\n"
    if len(lines) > 1 and not text.endswith(line_break):
        # Publishers and spreadsheet programs end every row with a line break; a file that stops
        # mid-row was cut off in transfer, even when the last fragment happens to parse.
        raise ImportRefused(
            [Problem(path.name, len(lines), None, "het bestand eindigt midden in een rij (afgebroken bestand?)")]
        )
    header_line = lines[0] if lines else ""
    delimiter = next((d for d in delimiters if d in header_line), None)
    if delimiter is None:
        found = next((d for d in _COMMON_DELIMITERS if d in header_line), None)
        expected = " of ".join(repr(d) for d in delimiters)
        detail = f"de kopregel gebruikt {found!r}" if found else "de kopregel bevat geen scheidingsteken"
        raise ImportRefused([Problem(path.name, 1, None, f"verwacht scheidingsteken {expected}, maar {detail}")])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader)]
    rows = []
    for cells in reader:
        stripped = [cell.strip() for cell in cells]
        if any(stripped):
            rows.append((reader.line_num, stripped))
    return Table(header=header, rows=rows)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ImportRefused([Problem(path.name, None, None, f"geen leesbaar Excel-bestand ({exc})")]) from exc
    sheet = workbook.worksheets[0]
    iterator: Iterator = sheet.iter_rows(values_only=True)
    try:
        header = [_cell_text(v) for v in next(iterator)]
    except StopIteration:
        raise ImportRefused([Problem(path.name, None, None, "het werkblad is leeg")]) from None
    while header and header[-1] == "":
        header.pop()
    rows = []
    for number, values in enumerate(iterator, start=2):
        cells = [_cell_text(v) for v in values]
        if any(cells):
            rows.append((number, cells[: len(header)] + [""] * (len(header) - len(cells))))
    workbook.close()
    return Table(header=header, rows=rows)
