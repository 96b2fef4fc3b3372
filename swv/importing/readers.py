"""Reads CSV and XLSX files as published into (row number, cells) under a recognised header.

Publishers write the same table in several dialects: DUO's older files are Windows-1252 with ';', its
portal exports UTF-8 with a BOM, ',' and every field quoted, spreadsheet users save tab-separated text
(Excel's "Unicode text" is UTF-16 with a byte order mark) or a workbook, and some files put title lines
("WPO (BAO);Peildatum:;1-10-2016;…") above the header and notes ("Bron: DUO") or a total row below the
data. The reader detects all of these, so the same content in another dialect gives the same rows. The
header is the line, among the first few, whose cells name most of the source's columns. A file is read
by what it is, not by its name: a workbook saved as .csv is read as a workbook.
"""

import codecs
import csv
import datetime as dt
import itertools
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from swv.importing.problems import refusal

DELIMITERS = (";", ",", "\t", "|")
ENCODINGS = ("utf-8-sig", "cp1252")
UTF16 = "utf-16"  # with a byte order mark, whatever a source declares: the mark says it
# How many lines a title block above the header may take before the file counts as unrecognised.
TITLE_LINES = 10
CHUNK = 1 << 20  # bytes read at a time when checking the encoding
_DELIMITER_NAMES = {";": "';'", ",": "','", "\t": "tab", "|": "'|'"}
_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp1252": "Windows-1252"}
# A UTF-8 multi-byte sequence; its presence in a file that is not valid UTF-8 means two encodings mixed.
_UTF8_SEQUENCE = re.compile(rb"[\xc3\xc2\xe2][\x80-\xbf]")
_ZIP = b"PK\x03\x04"  # a workbook (.xlsx) is a zip archive
# What a file that is not text is, by its first bytes, so that the refusal can say what was sent.
_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0", "een oud Excel-bestand (.xls) of ander Office-document; sla het op als .xlsx of als CSV"),
    (_ZIP, "een zip-archief, geen Excel-werkmap (.xlsx) of CSV; een OpenDocument-werkblad slaat u op als .xlsx"),
    (b"%PDF", "een PDF-document, geen CSV of Excel-werkmap"),
    (b"\x89PNG", "een afbeelding (PNG), geen CSV of Excel-werkmap"),
    (b"\xff\xd8\xff", "een afbeelding (JPEG), geen CSV of Excel-werkmap"),
    (b"\x1f\x8b", "een gz-archief; pak het eerst uit"),
    (b"\xfd7zXZ", "een xz-archief; pak het eerst uit"),
)
# The first cell of a line below the data that is a note, a source or a total, not a row of data.
_FOOTER = re.compile(
    r"^(?:(?:totaal|totalen|total|eindtotaal|generaal totaal|bron|bronnen|noot|noten|toelichting|opmerking|"
    r"opmerkingen|let op|bijgewerkt|gegenereerd)\b|[*©†]|\(c\))",
    re.IGNORECASE,
)
# A note line of its own (after an empty line): words, not a code or a number.
_PROSE = re.compile(r"[^\W\d_]{2,}\S*\s+\S*[^\W\d_]{2,}")

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
    # The cells of the lines above the header: a title block may say what the file is about (its peildatum).
    title: list[list[str]] = field(default_factory=list)
    name: str = ""  # the file's name, for problems found while the rows are read


def is_workbook(path: Path) -> bool:
    """Whether the file is an Excel workbook (a zip archive with a workbook in it), whatever its name."""
    with path.open("rb") as fh:
        if fh.read(4) != _ZIP:
            return False
    try:
        with zipfile.ZipFile(path) as archive:
            return any(name.startswith("xl/") for name in archive.namelist())
    except zipfile.BadZipFile:
        return False


def read_table(
    path: Path,
    *,
    recognise: Recognise | None = None,
    encodings: tuple[str, ...] = ENCODINGS,
    delimiters: tuple[str, ...] = DELIMITERS,
) -> Table:
    """`recognise(cells)` scores a candidate header (how many expected columns it names); without it
    the first line is the header."""
    if is_workbook(path):
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
    """The 1-based line the byte at `offset` is on (lines end at LF, CRLF or a lone CR)."""
    lines, done = 1, 0
    for chunk in _chunks(path):
        part = chunk[: max(0, offset - done)]
        lines += part.count(b"\n") + part.count(b"\r") - part.count(b"\r\n")
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


def _first_nul(path: Path) -> int | None:
    done = 0
    for chunk in _chunks(path):
        at = chunk.find(b"\x00")
        if at >= 0:
            return done + at
        done += len(chunk)
    return None


def _not_text(head: bytes) -> str | None:
    """What a file is when it is not text in a one-byte encoding or UTF-8: said in the refusal."""
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return f"het bestand is {what}"
    controls = sum(head.count(bytes([byte])) for byte in range(32) if byte not in (9, 10, 13))
    if controls <= 3:
        return None  # text, perhaps with a stray NUL: refused on its line
    sample = head[:400]
    if sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4:
        return (
            "het bestand is UTF-16 zonder byte-order-mark; sla het op als 'CSV UTF-8' of als "
            "'Unicode-tekst' (UTF-16 met byte-order-mark)"
        )
    return "het bestand is geen tekstbestand (het bevat binaire gegevens); verwacht CSV of een Excel-werkmap (.xlsx)"


def detect_encoding(path: Path, encodings: tuple[str, ...] = ENCODINGS) -> str:
    """The first of `encodings` the whole file decodes in, checked chunk by chunk (the file is not held);
    UTF-16 when the file starts with its byte order mark."""
    name = path.name
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not head.strip() and not any(chunk.strip() for chunk in _chunks(path, 4096)):
        raise refusal(name, None, None, "het bestand is leeg")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if _decode_error(path, UTF16) is not None:
            problem = "het bestand is UTF-16 maar niet geldig: het eindigt midden in een teken (afgebroken bestand?)"
            raise refusal(name, None, None, problem)
        if not decode_head(path, UTF16).strip("\ufeff\r\n\t ;,|"):
            raise refusal(name, None, None, "het bestand is leeg")
        return UTF16
    what = _not_text(head)
    if what is not None:
        raise refusal(name, 1, None, what)
    nul = _first_nul(path)
    if nul is not None:
        message = "de regel bevat een NUL-teken: het bestand is beschadigd of geen tekstbestand"
        raise refusal(name, _line_of(path, nul), None, message)
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
            raise refusal(
                name,
                _line_of(path, first_error),
                None,
                f"het bestand mengt UTF-8 en een andere codering (teken 0x{_byte_at(path, first_error):02X} "
                "op deze regel); sla het hele bestand op als UTF-8",
            )
        return encoding
    at = first_error or 0  # set unless no encoding was tried
    raise refusal(
        name,
        _line_of(path, at),
        None,
        f"teken 0x{_byte_at(path, at):02X} is ongeldig in "
        f"{' en in '.join(_ENCODING_NAMES.get(e, e) for e in encodings)}; sla het bestand op als UTF-8",
    )


def decode_head(path: Path, encoding: str, *, size: int = 65536, strict: bool = False) -> str:
    """The start of a text file, decoded (a character cut at the end of it is left out). Strict, a byte
    the encoding cannot decode raises UnicodeDecodeError; otherwise it is dropped."""
    with path.open("rb") as fh:
        data = fh.read(size)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict" if strict else "ignore")
    return decoder.decode(data).lstrip("\ufeff")


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
        found = next((d for d in DELIMITERS if d in first), None)
        names = " of ".join(_DELIMITER_NAMES.get(d, repr(d)) for d in delimiters)
        detail = (
            f"de eerste regel gebruikt {_DELIMITER_NAMES.get(found, repr(found))}"
            if found and found not in delimiters
            else "geen van de regels noemt de verwachte kolommen"
        )
        detail += f" (eerste regel: {first[:120]!r})"
        raise refusal(
            path.name,
            1,
            None,
            f"geen kopregel herkend in de eerste {len(candidates)} regel(s): verwacht scheidingsteken "
            f"{names} en de kolomnamen van deze bron; {detail}",
        )
    return best


def _table(path: Path, header: list[str], title: list[list[str]], title_lines: list[str]) -> Table:
    """The table under `header` (without empty cells at its end), noting the title lines above it."""
    while header and header[-1] == "":
        header.pop()
    shown = "; ".join(repr(line[:60]) for line in title_lines[:3])
    notices = [f"{len(title)} titelregel(s) boven de kopregel overgeslagen: {shown}"] if title else []
    return Table(header=header, rows=(), header_line=len(title) + 1, notices=notices, title=title, name=path.name)


def _footer_notice(lines: list[tuple[int, list[str]]]) -> str:
    shown = "; ".join(f"rij {number}: {' '.join(c for c in cells if c)[:60]!r}" for number, cells in lines[:3])
    more = " …" if len(lines) > 3 else ""
    return (
        f"{len(lines)} regel(s) onder de gegevens overgeslagen (bron, noten of totaalrij, niet als gegevens "
        f"gelezen): {shown}{more}"
    )


def _is_footer(cells: list[str], *, after_gap: bool) -> bool:
    """A note, source or total below the data: a line whose first cell says so, or after an empty line
    a line with a single cell of words."""
    filled = [cell for cell in cells if cell]
    if not filled:
        return False
    if _FOOTER.match(filled[0]):
        return True
    return after_gap and len(filled) == 1 and bool(_PROSE.search(filled[0]))


def _data_rows(
    numbered: Iterable[tuple[int, list[str]]], table: Table, *, line_break_at_end: Callable[[], bool] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """The rows under the header: empty lines skipped, trailing empty cells beyond the header dropped (some
    exporters end every line with a delimiter), and notes or a total row below the last row of data
    left out with a notice. `line_break_at_end()` says whether a text file ends with one: without it its
    last row may have been cut off in transfer."""
    width = len(table.header)
    pending: list[tuple[int, list[str]]] = []  # lines that may be a footer, until a row of data follows
    gap = False
    last = None
    for number, raw in numbered:
        cells = raw[:width] if len(raw) > width and not any(raw[width:]) else raw
        if not any(cells):
            gap = gap or last is not None
            continue
        if (pending or last is not None) and _is_footer(cells, after_gap=gap or bool(pending)):
            pending.append((number, cells))
            continue
        yield from pending  # not a footer after all: rows of data (refused with their row if they are wrong)
        pending.clear()
        gap = False
        last = (number, cells)
        yield last
    if pending:
        table.notices.append(_footer_notice(pending))
        return
    if last is None or line_break_at_end is None or line_break_at_end():
        return
    # A cut that drops whole rows is caught by the importers' refusal to remove a large share of data;
    # a cut inside the last row leaves it without its line break, and often short of fields.
    number, cells = last
    if len(cells) != width:
        raise refusal(table.name, number, None, "het bestand eindigt midden in een rij (afgebroken bestand?)")
    # A complete last row without its line break is how many tools save a file (DUO's CR-only exporter,
    # editors, scripts); a cut inside its last cell cannot be told from that, so it is read with a notice.
    table.notices.append(f"het bestand eindigt zonder regeleinde na rij {number}; die rij is wel gelezen")


def _read_csv(path: Path, *, recognise, encodings, delimiters) -> Table:
    encoding = detect_encoding(path, encodings)
    # newline="": lines end at \n, \r\n or a lone \r (DUO's CR-only files), kept as they are for csv.
    with path.open(encoding=encoding, newline="") as fh:
        leading = list(itertools.islice(fh, TITLE_LINES + 1))
    if leading:
        leading[0] = leading[0].lstrip("\ufeff")
    index, delimiter = _find_header(path, [line.rstrip("\r\n") for line in leading], recognise, delimiters)
    header = [cell.strip() for cell in next(csv.reader(leading[index:], delimiter=delimiter), [])]
    title = [_split(line.rstrip("\r\n"), delimiter) for line in leading[:index]]
    table = _table(path, header, title, [line.strip() for line in leading[:index]])
    table.rows = _data_rows(
        _csv_lines(path, encoding=encoding, delimiter=delimiter, skip=index),
        table,
        line_break_at_end=lambda: _line_break_at_end(path, encoding),
    )
    return table


def _csv_lines(path: Path, *, encoding: str, delimiter: str, skip: int) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding=encoding, newline="") as fh:
        for _ in range(skip):
            next(fh)
        reader = csv.reader(fh, delimiter=delimiter)
        next(reader)  # the header
        start = reader.line_num + 1  # where the row being read begins: a quote left open runs on for lines
        try:
            for cells in reader:
                yield reader.line_num + skip, [cell.strip() for cell in cells]
                start = reader.line_num + 1
        except csv.Error as exc:
            problem = (
                f'de rij die op deze regel begint, is geen geldige CSV ({exc}); staat er een aanhalingsteken (") '
                "te veel of te weinig?"
            )
            raise refusal(path.name, start + skip, None, problem) from None


def _line_break_at_end(path: Path, encoding: str) -> bool:
    with path.open("rb") as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - 4))
        tail = fh.read()
    if encoding == UTF16:
        with path.open("rb") as fh:
            little = fh.read(2) == codecs.BOM_UTF16_LE
        last = tail[-2:].decode("utf-16-le" if little else "utf-16-be", errors="ignore")
    else:
        last = tail[-1:].decode("latin-1")
    return last in ("\n", "\r")


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
    handle = path.open("rb")  # a file object: openpyxl then reads a workbook whatever its name ends in
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        handle.close()
        raise refusal(path.name, None, None, f"geen leesbaar Excel-bestand ({exc})") from exc
    # The data is on the sheet whose header names most of the source's columns (the first sheet when
    # nothing is known): a workbook may start with a sheet of explanation.
    best = None
    for sheet in workbook.worksheets:
        iterator: Iterator = sheet.iter_rows(values_only=True)
        leading = [[_cell_text(v) for v in values] for values in itertools.islice(iterator, TITLE_LINES + 1)]
        if not leading:
            continue
        index, score = 0, 0
        if recognise is not None:
            score, negative = max((recognise(cells), -i) for i, cells in enumerate(leading))
            index = -negative
        if best is None or score > best[0]:
            best = (score, iterator, leading, index)
        if recognise is None:
            break
    if best is None:
        workbook.close()
        handle.close()
        raise refusal(path.name, None, None, "het werkblad is leeg")
    _score, iterator, leading, index = best
    header = leading[index]
    table = _table(path, header, leading[:index], [" ".join(c for c in cells if c) for cells in leading[:index]])

    def lines():
        numbered = itertools.chain(
            enumerate(leading[index + 1 :], start=index + 2),
            ((number, [_cell_text(v) for v in values]) for number, values in enumerate(iterator, len(leading) + 1)),
        )
        try:
            for number, cells in numbered:
                width = len(header)
                yield number, cells[:width] + [""] * (width - len(cells))
        except (OSError, ValueError, KeyError) as exc:  # a sheet damaged after its first rows
            raise refusal(path.name, None, None, f"geen leesbaar Excel-bestand ({exc})") from exc
        finally:
            workbook.close()
            handle.close()

    table.rows = _data_rows(lines(), table)
    return table
