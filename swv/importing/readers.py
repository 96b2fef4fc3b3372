"""Reads CSV and XLSX files as published into (row number, cells) under a recognised header.

Publishers write the same table in several dialects: DUO's older files are Windows-1252 with ';', its
portal exports UTF-8 with a BOM, ',' and every field quoted, spreadsheet users save tab-separated text,
and some DUO files put a title line ("WPO (BAO);Peildatum:;1-10-2016;…") above the header. The reader
detects all of these, so the same content in another dialect gives the same rows. The header is the
line, among the first few, whose cells name most of the source's columns.
"""

import codecs
import csv
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from swv.importing.problems import ImportRefused, Problem

DELIMITERS = (";", ",", "\t")
ENCODINGS = ("utf-8-sig", "cp1252")
# How many lines a title block above the header may take before the file counts as unrecognised.
TITLE_LINES = 10
CHUNK = 1 << 20  # bytes read at a time when checking the encoding
_DELIMITER_NAMES = {";": "';'", ",": "','", "\t": "tab", "|": "'|'"}
# A UTF-8 multi-byte sequence; its presence in a file that is not valid UTF-8 means two encodings mixed.
_UTF8_SEQUENCE = re.compile(rb"[\xc3\xc2\xe2][\x80-\xbf]")

Recognise = Callable[[list[str]], int]


def header_key(text: str) -> str:
    return re.sub(r"[\s_\-.]+", " ", text.strip().lower()).strip()


@dataclass
class Table:
    header: list[str]
    # (1-based line number in the file, stripped cells), read from the file while it is iterated: a
    # large file is never held whole. Iterate it once; `notices` is complete after that.
    rows: Iterable[tuple[int, list[str]]]
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
    """The whole file as text (for formats that are parsed whole, such as GeoJSON)."""
    return path.read_bytes().decode(detect_encoding(path, encodings))


def _chunks(path: Path, start: int = 0):
    with path.open("rb") as fh:
        fh.seek(start)
        while chunk := fh.read(CHUNK):
            yield chunk


def _line_of(path: Path, offset: int) -> int:
    """The 1-based line the byte at `offset` is on."""
    lines, done = 1, 0
    for chunk in _chunks(path):
        lines += chunk.count(b"\n", 0, max(0, offset - done))
        done += len(chunk)
        if done >= offset:
            break
    return lines


def _byte_at(path: Path, offset: int) -> int:
    with path.open("rb") as fh:
        fh.seek(offset)
        return fh.read(1)[0]


def _decode_error(path: Path, encoding: str) -> int | None:
    """The offset of the first byte `encoding` cannot decode, read in chunks; None when it all decodes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    done = 0
    for chunk in _chunks(path):
        pending = len(decoder.getstate()[0])  # bytes of a character cut by the previous chunk
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            return done - pending + exc.start
        done += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        return done - len(exc.object) + exc.start
    return None


def _has_utf8_letters(path: Path) -> bool:
    previous = b""
    for chunk in _chunks(path):
        if _UTF8_SEQUENCE.search(previous[-1:] + chunk):
            return True
        previous = chunk
    return False


def detect_encoding(path: Path, encodings: tuple[str, ...] = ENCODINGS) -> str:
    """The first of `encodings` the whole file decodes in, checked chunk by chunk (the file is not held)."""
    name = path.name
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not head.strip() and not any(chunk.strip() for chunk in _chunks(path, 4096)):
        raise ImportRefused([Problem(name, None, None, "het bestand is leeg")])
    if b"\x00" in head:
        raise ImportRefused(
            [Problem(name, 1, None, "het bestand is geen tekst in UTF-8 of Windows-1252 (UTF-16 of binair?)")]
        )
    first_error = None
    for encoding in encodings:
        error = _decode_error(path, encoding)
        if error is not None:
            if first_error is None:
                first_error = error
            continue
        if first_error is not None and _has_utf8_letters(path):
            # Not valid UTF-8, yet full of UTF-8 letters: a file pasted together from two sources.
            # Reading it as Windows-1252 would turn every 'é' into 'Ã©' without a word.
            raise ImportRefused(
                [
                    Problem(
                        name,
                        _line_of(path, first_error),
                        None,
                        f"het bestand mengt UTF-8 en een andere codering (teken 0x{_byte_at(path, first_error):02X} "
                        "op deze regel); sla het hele bestand op als UTF-8",
                    )
                ]
            )
        return encoding
    at = first_error or 0  # set unless no encoding was tried
    raise ImportRefused(
        [
            Problem(
                name,
                _line_of(path, at),
                None,
                f"teken 0x{_byte_at(path, at):02X} is ongeldig in UTF-8 en in Windows-1252; "
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
    if best is None or best_key is None or best_key[0] == 0:
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
    encoding = detect_encoding(path, encodings)
    # newline="": lines end at \n, \r\n or a lone \r (DUO's CR-only files), kept as they are for csv.
    with path.open(encoding=encoding, newline="") as fh:
        leading = list(itertools.islice(fh, TITLE_LINES + 1))
    index, delimiter = _find_header(path, [line.rstrip("\r\n") for line in leading], recognise, delimiters)
    header = next(csv.reader(leading[index:], delimiter=delimiter), [])
    notices = [_title_notice([line.strip() for line in leading[:index]])] if index else []
    table = Table(header=[cell.strip() for cell in header], rows=(), header_line=index + 1, notices=notices)
    table.rows = _csv_rows(path, table, encoding=encoding, delimiter=delimiter, skip=index)
    return table


def _csv_rows(path: Path, table: Table, *, encoding: str, delimiter: str, skip: int):
    last = None
    with path.open(encoding=encoding, newline="") as fh:
        for _ in range(skip):
            next(fh)
        reader = csv.reader(fh, delimiter=delimiter)
        next(reader)  # the header
        for cells in reader:
            stripped = [cell.strip() for cell in cells]
            if any(stripped):
                last = (reader.line_num + skip, stripped)
                yield last
    if last is not None and not _ends_with_line_break(path):
        # Some publishers omit the final line break (DUO's CR-only files do), so its absence alone
        # proves nothing; a last row short of fields does: the file was cut off in transfer. A cut
        # that drops whole rows is caught by the importers' refusal to remove a large share of data.
        number, cells = last
        if len(cells) != len(table.header):
            raise ImportRefused(
                [Problem(path.name, number, None, "het bestand eindigt midden in een rij (afgebroken bestand?)")]
            )
        table.notices.append(f"het bestand eindigt zonder regeleinde na rij {number}; die rij is wel gelezen")


def _ends_with_line_break(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, 2)
        return fh.read(1) in (b"\n", b"\r")


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
    notices = [_title_notice([" ".join(c for c in cells if c) for cells in leading[:index]])] if index else []

    def rows():
        width = len(header)
        numbered = itertools.chain(
            enumerate(leading[index + 1 :], start=index + 2),
            ((number, [_cell_text(v) for v in values]) for number, values in enumerate(iterator, len(leading) + 1)),
        )
        try:
            for number, cells in numbered:
                if any(cells):
                    yield number, cells[:width] + [""] * (width - len(cells))
        finally:
            workbook.close()

    return Table(header=header, rows=rows(), header_line=index + 1, notices=notices)
