"""The declarative core every importer shares: a column spec, parsing into rows, and the Source class."""

from __future__ import annotations

import fnmatch
import hashlib
from collections.abc import Iterator
from dataclasses import KW_ONLY, dataclass
from pathlib import Path
from typing import Any, ClassVar

from swv.importing.fields import NO_VALUE, NUMERIC_TYPES, PARSERS
from swv.importing.problems import ImportRefused, Problem, ProblemCollector, dutch_count
from swv.importing.readers import DELIMITERS, ENCODINGS, Table, header_key, read_table
from swv.services.sync import Changes  # also what sources' load() returns


@dataclass(frozen=True)
class Column:
    """One column of a source file: its header (plus the variants seen in the wild) and its type."""

    name: str
    description: str = ""
    example: str = ""
    _: KW_ONLY
    type: str = "text"
    aliases: tuple[str, ...] = ()
    required: bool = True
    blank: bool = False
    indicator: str = ""
    choices: tuple[str, ...] = ()
    passthrough: tuple[str, ...] = ()  # literal values reported and skipped by the importer (e.g. Europoort)
    sector: str = ""  # of a swv_code column that holds the codes of one sector only (PO or VO)

    def keys(self) -> set[str]:
        return set(self.ordered_keys())

    def ordered_keys(self) -> list[str]:
        """The header keys this column answers to, its own name first: a file with both the name and an
        alias is read from the column with the name, the same on every run."""
        return [header_key(self.name), *(header_key(a) for a in self.aliases)]


@dataclass
class Row:
    number: int
    values: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


# Up to this many distinct rows are kept parsed after the first reading, so a source that goes over its
# rows several times does not read the file again; a larger file is read again for each pass instead of
# being held (a parsed row takes some thirty times its size in the file).
CACHED_ROWS = 50_000


class Rows:
    """The parsed rows of a file, plus what the reader noticed on the way (skipped title lines, codes
    read in another spelling, repeated rows); the import run shows those notices with the load's own.

    Every cell is parsed and checked once, when the rows are made (Source.parse). A row that repeats an
    earlier one exactly, in every cell, is counted once and reported, not loaded twice.
    Iterating gives the distinct rows in file order: from memory for a file of up to CACHED_ROWS of them,
    otherwise read from the file again, one row at a time.
    """

    def __init__(self, source: Source, path: Path, table: Table, positions: dict[str, int]):
        self.columns = set(positions)  # names of the declared columns the file has
        self.notices = table.notices
        self.title = table.title  # the cells of the lines above the header
        self.repeated = 0  # rows skipped because they repeat an earlier row exactly
        self._source, self._path = source, path
        self._plan = source._plan(positions)
        self._empty = dict.fromkeys(c.name for c in source.columns)
        self._width = len(table.header)
        self._first: dict[bytes, int] = {}  # digest of a row's cells -> the row number it first appears on
        self._keys: dict[bytes, int] = {}  # digest of a row's key (Source.unique) -> its first row number
        self._cache: list[Row] | None = []
        self._count = 0
        self._read(table)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Row]:
        if self._cache is not None:
            return iter(self._cache)
        return self._again()

    def _digest(self, cells: list[str]) -> bytes:
        # Every cell, also those the source does not read: DUO's files have rows that differ only in a
        # column no importer declares (and that the importer adds up), and such rows are no repeats.
        return hashlib.blake2b("\x1f".join(cells).encode(), digest_size=16).digest()

    def _read(self, table: Table) -> None:
        collector = ProblemCollector(self._path.name)
        spellings: dict[tuple[str, str], list[int]] = {}
        examples: list[tuple[int, int]] = []
        empty = True
        for number, cells in table.rows:
            empty = False
            if len(cells) != self._width:
                collector.add(
                    number,
                    None,
                    f"de rij heeft {len(cells)} velden, de kopregel {self._width} "
                    "(afgebroken bestand of verkeerd scheidingsteken?)",
                )
                continue
            first = self._first.setdefault(self._digest(cells), number)
            if first != number:
                self.repeated += 1
                if len(examples) < SHOWN_REPEATS:
                    examples.append((number, first))
                continue
            self._count += 1
            values = self._source._parse_cells(cells, self._plan, self._empty, number, collector, spellings)
            self._check_key(values, number, collector)
            self._source.check_row(values, number, collector)
            if self._cache is not None:
                self._cache.append(Row(number, values))
                if len(self._cache) > CACHED_ROWS:
                    self._cache = None
        if empty:
            collector.add(None, None, "het bestand bevat geen gegevensrijen")
        collector.raise_if_any()
        if spellings:
            self.notices.append(_spelling_notice(spellings))
        if self.repeated:
            self.notices.append(_repeat_notice(self.repeated, examples))
        self._keys = {}
        if self._cache is not None:
            self._first = {}  # only a second reading of the file needs it

    def _check_key(self, values: dict[str, Any], number: int, collector: ProblemCollector) -> None:
        """A row with the key of an earlier row but other values: which one holds is not for the importer
        to guess (an exact repeat was already loaded once, above)."""
        key = self._source.row_key(values)
        if key is None:
            return
        digest = hashlib.blake2b(repr(key).encode(), digest_size=16).digest()
        first = self._keys.setdefault(digest, number)
        if first != number:
            pairs = zip(self._source.unique, key, strict=True)
            described = ", ".join(f"{name} {_shown(value)}" for name, value in pairs)
            collector.add(
                number,
                self._source.unique[0],
                f"dubbele rij: {described} staat al op rij {first}, met andere waarden; laat één van beide rijen weg",
            )

    def _again(self) -> Iterator[Row]:
        """The distinct rows read from the file again (they were all checked the first time)."""
        table = self._source.read(self._path)
        ignored = ProblemCollector(self._path.name)
        for number, cells in table.rows:
            if len(cells) == self._width and self._first.get(self._digest(cells)) == number:
                yield Row(number, self._source._parse_cells(cells, self._plan, self._empty, number, ignored, {}))


SHOWN_REPEATS = 5


def _shown(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _repeat_notice(count: int, examples: list[tuple[int, int]]) -> str:
    shown = ", ".join(f"rij {number} = rij {first}" for number, first in examples)
    return (
        f"{dutch_count(count)} herhaalde identieke rij(en) één keer geladen: ze herhalen een eerdere rij in "
        "elke kolom "
        f"({shown}{' …' if count > len(examples) else ''})"
    )


def _spelling_notice(spellings: dict[tuple[str, str], list[int]]) -> str:
    shown = [
        f"{raw!r} als {code} (rij {', '.join(map(str, numbers[:5]))}{' …' if len(numbers) > 5 else ''})"
        for (raw, code), numbers in list(spellings.items())[:10]
    ]
    more = len(spellings) - len(shown)
    return (
        "code(s) van samenwerkingsverbanden in een andere schrijfwijze gelezen: "
        + "; ".join(shown)
        + (f"; en nog {more} andere" if more > 0 else "")
    )


_registered: list[type[Source]] = []


def registered_sources() -> list[type[Source]]:
    """Every concrete Source subclass defined so far, in definition order."""
    return list(_registered)


# Either region source may create the SWV's its file names: whatever reads SWV's waits for both.
REGION_SOURCES = ("regio_pc4", "regio_gemeente")


class Source:
    """A kind of source file. Subclasses declare columns and implement load()."""

    key: ClassVar[str]
    label: ClassVar[str]
    publisher: ClassVar[str]
    description: ClassVar[str] = ""
    columns: ClassVar[tuple[Column, ...]] = ()
    encodings: ClassVar[tuple[str, ...]] = ENCODINGS
    delimiters: ClassVar[tuple[str, ...]] = DELIMITERS
    filename_patterns: ClassVar[tuple[str, ...]] = ()
    after: ClassVar[tuple[str, ...]] = ()  # keys of the sources whose data this one reads: load_all runs them first
    # The columns that identify a row: two rows with the same values there (and others elsewhere) are refused.
    unique: ClassVar[tuple[str, ...]] = ()
    template: ClassVar[bool] = False  # a beheerder can download an example file

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "key" in cls.__dict__:  # a concrete source (abstract bases such as FigureSource declare no key)
            _registered.append(cls)

    def matches(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name.lower(), pattern) for pattern in self.filename_patterns)

    def recognises(self, header: set[str]) -> bool:
        """Whether a header line (as header_key()s) is this source's: every required column is there and,
        when the source declares optional figure columns, at least one of them."""
        if not self.columns or not all(column.keys() & header for column in self.columns if column.required):
            return False
        optional = [c for c in self.columns if not c.required and c.indicator]
        return not optional or any(column.keys() & header for column in optional)

    # Reading ---------------------------------------------------------------------------------------
    def header_score(self, cells: list[str]) -> int:
        """How many of this source's columns a candidate header line names (finds the header below
        title lines, and the delimiter that splits it right)."""
        return self.explained({header_key(cell) for cell in cells})

    def explained(self, header: set[str]) -> int:
        """How many of this source's columns a header line (as header_key()s) names."""
        return sum(1 for column in self.columns if column.keys() & header)

    def read(self, path: Path) -> Table:
        """The file as header and rows; a source whose publisher writes an odd dialect overrides it."""
        return read_table(path, recognise=self.header_score, encodings=self.encodings, delimiters=self.delimiters)

    def parse(self, path: Path) -> Rows | list[Row]:
        """Every row read and checked (all problems at once, nothing stored yet); the distinct rows."""
        table = self.read(path)
        return Rows(self, path, table, self._match_header(path, table))

    def check_row(self, values: dict[str, Any], number: int, collector: ProblemCollector) -> None:
        """Checks of one parsed row against itself (cells that must agree); all rows are checked before
        any is loaded."""

    def row_key(self, values: dict[str, Any]) -> tuple | None:
        """What identifies a parsed row (the values of `unique`); None when the row has no complete key."""
        if not self.unique:
            return None
        key = tuple(values.get(name) for name in self.unique)
        return None if any(value is None for value in key) else key

    def _match_header(self, path: Path, table: Table) -> dict[str, int]:
        by_key: dict[str, int] = {}
        for i, h in enumerate(table.header):
            by_key.setdefault(header_key(h), i)  # a name twice: the first column holds
        positions, problems = {}, []
        for column in self.columns:
            index = next((by_key[k] for k in column.ordered_keys() if k in by_key), None)
            if index is not None:
                positions[column.name] = index
            elif column.required:
                problems.append(
                    Problem(
                        path.name,
                        table.header_line,
                        column.name,
                        f"kolom ontbreekt (verwacht '{column.name}'"
                        + (f" of {', '.join(repr(a) for a in column.aliases)}" if column.aliases else "")
                        + f"); gevonden: {', '.join(table.header[:12])}",
                    )
                )
        if problems:
            raise ImportRefused(problems)
        return positions

    def _parse_cells(self, cells, plan, empty, number, collector, spellings) -> dict[str, Any]:
        values: dict[str, Any] = empty.copy()  # columns absent from the file stay None
        for column, index, parser in plan:
            raw = cells[index]
            if raw == "" or (column.type in NUMERIC_TYPES and raw.lower() in NO_VALUE):
                # '-' and 'n.v.t.' in a number column say what an empty cell says: no value.
                if not column.blank:
                    written = f" ({raw!r}: geen waarde)" if raw else ""
                    collector.add(number, column.name, f"de cel is leeg{written}, maar deze kolom is verplicht")
                values[column.name] = None
            elif raw in column.passthrough:
                values[column.name] = raw
            elif column.choices:
                values[column.name] = self._parse_choice(column, raw, number, collector)
            else:
                try:
                    values[column.name] = parser(raw)
                except ValueError as exc:
                    collector.add(number, column.name, f"verwacht {exc}, gevonden {raw!r}")
                    values[column.name] = None
                else:
                    code = values[column.name]
                    if column.sector and code[:2] != column.sector:
                        message = f"{code} is een code van {code[:2]}, deze kolom is voor {column.sector}"
                        collector.add(number, column.name, message)
                    if column.type == "swv_code" and values[column.name] != raw:
                        numbers = spellings.setdefault((raw, values[column.name]), [])
                        if len(numbers) <= 5:  # the notice names five rows and says whether there are more
                            numbers.append(number)
        return values

    def _plan(self, positions: dict[str, int]) -> list[tuple[Column, int, Any]]:
        """Per column found in the file: where it is and how to parse it, worked out once per file."""
        return [(c, positions[c.name], PARSERS[c.type]) for c in self.columns if c.name in positions]

    @staticmethod
    def _parse_choice(column, raw, number, collector):
        lowered = raw.strip().lower()
        for choice in column.choices:
            if lowered == choice.lower():
                return choice
        collector.add(number, column.name, f"verwacht een van {', '.join(column.choices)}, gevonden {raw!r}")
        return None

    # Loading ---------------------------------------------------------------------------------------
    def load(self, rows: Rows | list[Row], *, path: Path, run, progress) -> Changes:
        raise NotImplementedError
