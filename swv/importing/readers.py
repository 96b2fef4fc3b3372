"""Reads CSV and XLSX files as published into (row number, cells) under a recognised header.

Publishers write the same table in several dialects: DUO's older files are Windows-1252 with ';', its
portal exports UTF-8 with a BOM, ',' and every field quoted, spreadsheet users save tab-separated text,
and some DUO files put a title line ("WPO (BAO);Peildatum:;1-10-2016;…") above the header. The reader
detects all of these, so the same content in another dialect gives the same rows. The header is the
line, among the first few, whose cells name most of the source's columns.
"""

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from swv.importing.problems import ImportRefused, Problem

DELIMITERS = (";", ",", "\t")
ENCODINGS = ("utf-8-sig", "cp1252")
# How many lines a title block above the header may take before the file counts as unrecognised.
TITLE_LINES = 10
_DELIMITER_NAMES = {";": "';'", ",": "','", "\t": "tab", "|": "'|'"}
# A UTF-8 multi-byte sequence; its presence in a file that is not valid UTF-8 means two encodings mixed.
_UTF8_SEQUENCE = re.compile(rb"[\xc3\xc2\xe2][\x80-\xbf]")

Recognise = Callable[[list[str]], int]


def header_key(text: str) -> str:
    return re.sub(r"[\s_\-.]+", " ", text.strip().lower()).strip()


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (1-based line number in the file, stripped cells)
    header_line: int = 1
    notices: list[str] = field(default_factory=list)


def read_table(
    path: Path,
    *,
    recognise: Recognise | None = None,
    encodings: tuple[str, ...] = ENCODINGS,
    delimiters: tuple[str, ...] = DELIMITERS,
) -> Table:
    """`recognise(cells)` scores a candidate header (how many expected columns it names); without it
    the first line is the header."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path, recognise)
    return _read_csv(path, recognise=recognise, encodings=encodings, delimiters=delimiters)


def decode(path: Path, encodings: tuple[str, ...] = ENCODINGS) -> str:
    data = path.read_bytes()
    name = path.name
    if not data.strip():
        raise ImportRefused([Problem(name, None, None, "het bestand is leeg")])
    if b"\x00" in data[:4096]:
        raise ImportRefused(
            [Problem(name, 1, None, "het bestand is geen tekst in UTF-8 of Windows-1252 (UTF-16 of binair?)")]
        )
    first_error = None
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if first_error is None:
                first_error = exc
            continue
        if first_error is not None and _UTF8_SEQUENCE.search(data):
            # Not valid UTF-8, yet full of UTF-8 letters: a file pasted together from two sources.
            # Reading it as Windows-1252 would turn every 'é' into 'Ã©' without a word.
            line = data[: first_error.start].count(b"\n") + 1
            raise ImportRefused(
                [
                    Problem(
                        name,
                        line,
                        None,
                        f"het bestand mengt UTF-8 en een andere codering (teken 0x{data[first_error.start]:02X} "
                        "op deze regel); sla het hele bestand op als UTF-8",
                    )
                ]
            )
        return text
    line = data[: first_error.start].count(b"\n") + 1
    raise ImportRefused(
        [
            Problem(
                name,
                line,
                None,
                f"teken 0x{data[first_error.start]:02X} is ongeldig in UTF-8 en in Windows-1252; "
                "sla het bestand op als UTF-8",
            )
        ]
    )


def _split(line: str, delimiter: str) -> list[str]:
    return [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter), [])]


def _find_header(
    path: Path, lines: list[str], recognise: Recognise | None, delimiters: tuple[str, ...]
) -> tuple[int, str]:
    """(index of the header line, delimiter): the candidate naming most expected columns; on a tie the
    earlier line, then the delimiter that splits it into more cells."""
    candidates = lines[: TITLE_LINES + 1]
    if recognise is None:
        first = candidates[0] if candidates else ""
        return 0, max(delimiters, key=lambda d: (first.count(d), -delimiters.index(d)))
    best, best_key = None, None
    for index, line in enumerate(candidates):
        for delimiter in delimiters:
            cells = _split(line, delimiter)
            key = (recognise(cells), -index, len(cells))
            if best_key is None or key > best_key:
                best, best_key = (index, delimiter), key
    if best is None or best_key[0] == 0:
        first = candidates[0] if candidates else ""
        found = next((d for d in ("|", *DELIMITERS) if d in first), None)
        names = " of ".join(_DELIMITER_NAMES.get(d, repr(d)) for d in delimiters)
        detail = (
            f"de eerste regel gebruikt {_DELIMITER_NAMES.get(found, repr(found))}"
            if found and found not in delimiters
            else "geen van de regels noemt de verwachte kolommen"
        )
        detail += f" (eerste regel: {first[:120]!r})"
        raise ImportRefused(
            [
                Problem(
                    path.name,
                    1,
                    None,
                    f"geen kopregel herkend in de eerste {len(candidates)} regel(s): verwacht scheidingsteken "
                    f"{names} en de kolomnamen van deze bron; {detail}",
                )
            ]
        )
    return best


def _title_notice(skipped: list[str]) -> str:
    shown = "; ".join(repr(line[:60]) for line in skipped[:3])
    return f"{len(skipped)} titelregel(s) boven de kopregel overgeslagen: {shown}"


def _read_csv(path: Path, *, recognise, encodings, delimiters) -> Table:
    text = decode(path, encodings)
    physical = text.splitlines(keepends=True)
    index, delimiter = _find_header(path, [line.rstrip("\r\n") for line in physical], recognise, delimiters)
    body = "".join(physical[index:])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader)]
    rows = []
    for cells in reader:
        stripped = [cell.strip() for cell in cells]
        if any(stripped):
            rows.append((reader.line_num + index, stripped))
    notices = [_title_notice([line.strip() for line in physical[:index]])] if index else []
    if rows and not text.endswith(("\n", "\r")):
        # Some publishers omit the final line break (DUO's CR-only files do), so its absence alone
        # proves nothing; a last row short of fields does: the file was cut off in transfer. A cut
        # that drops whole rows is caught by the importers' refusal to remove a large share of data.
        number, last = rows[-1]
        if len(last) != len(header):
            raise ImportRefused(
                [Problem(path.name, number, None, "het bestand eindigt midden in een rij (afgebroken bestand?)")]
            )
        notices.append(f"het bestand eindigt zonder regeleinde na rij {number}; die rij is wel gelezen")
    return Table(header=header, rows=rows, header_line=index + 1, notices=notices)


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


def _read_xlsx(path: Path, recognise: Recognise | None) -> Table:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ImportRefused([Problem(path.name, None, None, f"geen leesbaar Excel-bestand ({exc})")]) from exc
    sheet = workbook.worksheets[0]
    iterator: Iterator = sheet.iter_rows(values_only=True)
    leading = []
    for values in iterator:
        leading.append([_cell_text(v) for v in values])
        if len(leading) > TITLE_LINES:
            break
    if not leading:
        raise ImportRefused([Problem(path.name, None, None, "het werkblad is leeg")])
    index = 0
    if recognise is not None:
        scores = [(recognise(cells), -i) for i, cells in enumerate(leading)]
        index = -max(scores)[1]
    header = leading[index]
    while header and header[-1] == "":
        header.pop()
    rows = []

    def add(number, cells):
        if any(cells):
            rows.append((number, cells[: len(header)] + [""] * (len(header) - len(cells))))

    for number, cells in enumerate(leading[index + 1 :], start=index + 2):
        add(number, cells)
    for number, values in enumerate(iterator, start=len(leading) + 1):
        add(number, [_cell_text(v) for v in values])
    workbook.close()
    notices = [_title_notice([" ".join(c for c in cells if c) for cells in leading[:index]])] if index else []
    return Table(header=header, rows=rows, header_line=index + 1, notices=notices)
