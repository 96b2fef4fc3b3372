"""Which source a file in a folder is, decided by its content: the header must carry the source's columns.

File names alone are too greedy (DUO's `leerlingen-vo-…` file is not the `leerlingen` template), so a
tabular file is recognised by its header (one of its first lines, as publishers put title lines above
it); the file name only breaks a tie between sources whose columns both fit. Files without a header
(GeoJSON) are recognised by name.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from swv.importing.base import Source
from swv.importing.readers import DELIMITERS, ENCODINGS, TITLE_LINES, UTF16, decode_head, header_key, is_workbook

TABULAR = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}
# The header may stand below title lines: as many as the reader looks at.
HEADER_LINES = TITLE_LINES + 1


@dataclass(frozen=True)
class Detection:
    source: Source | None
    reason: str = ""


def header_lines(path: Path) -> list[set[str]]:
    """The first lines of a tabular file, each as a set of header keys (for every plausible delimiter)."""
    if is_workbook(path):
        return _xlsx_lines(path)
    with path.open("rb") as fh:
        start = fh.read(2)
    encodings = (UTF16,) if start in (b"\xff\xfe", b"\xfe\xff") else ENCODINGS
    for encoding in encodings:
        try:
            text = decode_head(path, encoding, strict=True)
            break
        except UnicodeDecodeError:
            continue
    else:
        return []
    found = []
    for line in text.splitlines()[:HEADER_LINES]:
        for delimiter in DELIMITERS:
            if delimiter in line:
                cells = next(csv.reader([line], delimiter=delimiter), [])
                found.append({header_key(c) for c in cells if c.strip()})
    return found


def _xlsx_lines(path: Path) -> list[set[str]]:
    with path.open("rb") as handle:  # a file object: a workbook is read whatever its name ends in
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception:  # a damaged workbook is reported by the import itself
            return []
        found: list[set[str]] = []
        for sheet in workbook.worksheets:  # the reader takes the sheet whose header fits best
            rows = sheet.iter_rows(values_only=True, max_row=HEADER_LINES)
            found.extend({header_key(str(v)) for v in row if v not in (None, "")} for row in rows)
        workbook.close()
    return found


def detect(path: Path, sources: list[Source]) -> Detection:
    if path.suffix.lower() not in TABULAR:
        named = [s for s in sources if s.matches(path)]
        if len(named) == 1:
            return Detection(named[0])
        return Detection(None, "past bij meer bronnen" if named else "geen bekende bron of bestandstype")
    lines = header_lines(path)
    fitting = [s for s in sources if any(s.recognises(line) for line in lines)]
    if len(fitting) > 1:
        # The source that explains more of the header is the more specific one (DUO's annual accounts also
        # carry a bestuur's number and name, but they are not the list of besturen).
        fit = {s.key: max(s.explained(line) for line in lines) for s in fitting}
        best = max(fit.values())
        fitting = [s for s in fitting if fit[s.key] == best]
    if len(fitting) > 1:
        named = [s for s in fitting if s.matches(path)]
        fitting = named if named else fitting
    if len(fitting) == 1:
        return Detection(fitting[0])
    if fitting:
        return Detection(None, f"past bij meer bronnen ({', '.join(s.key for s in fitting)})")
    return Detection(None, "de kolommen passen bij geen bekende bron")
