"""The declarative core every importer shares: a column spec, parsing into rows, and the Source class."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from swv.importers.fields import PARSERS
from swv.importers.problems import ImportRefused, Problem, ProblemCollector
from swv.importers.readers import Table, header_key, read_table


@dataclass(frozen=True)
class Column:
    """One column of a source file: its header (plus the variants seen in the wild) and its type."""

    name: str
    type: str = "text"
    aliases: tuple[str, ...] = ()
    required: bool = True
    blank: bool = False
    description: str = ""
    example: str = ""
    indicator: str = ""
    choices: tuple[str, ...] = ()
    passthrough: tuple[str, ...] = ()  # literal values reported and skipped by the importer (e.g. Europoort)

    def keys(self) -> set[str]:
        return {header_key(self.name), *(header_key(a) for a in self.aliases)}


@dataclass
class Row:
    number: int
    values: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


@dataclass
class Changes:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    rows_loaded: int = 0
    notices: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.deleted

    def add(self, other: Changes) -> None:
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted


class Source:
    """A kind of source file. Subclasses declare columns and implement load()."""

    key: ClassVar[str]
    label: ClassVar[str]
    publisher: ClassVar[str]
    description: ClassVar[str] = ""
    columns: ClassVar[tuple[Column, ...]] = ()
    encodings: ClassVar[tuple[str, ...]] = ("utf-8-sig", "cp1252")
    delimiters: ClassVar[tuple[str, ...]] = (";", ",")
    filename_patterns: ClassVar[tuple[str, ...]] = ()
    order: ClassVar[int] = 100  # position in load_all: boundaries, addresses, indeling, then figures
    template: ClassVar[bool] = False  # a beheerder can download an example file

    def matches(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name.lower(), pattern) for pattern in self.filename_patterns)

    # Reading ---------------------------------------------------------------------------------------
    def parse(self, path: Path) -> list[Row]:
        table = read_table(path, encodings=self.encodings, delimiters=self.delimiters)
        positions = self._match_header(path, table)
        collector = ProblemCollector(path.name)
        rows = []
        width = len(table.header)
        plan, empty = self._plan(positions), dict.fromkeys(c.name for c in self.columns)
        for number, cells in table.rows:
            if len(cells) != width:
                collector.add(
                    number,
                    None,
                    f"de rij heeft {len(cells)} velden, de kopregel {width} "
                    "(afgebroken bestand of verkeerd scheidingsteken?)",
                )
                continue
            rows.append(Row(number, self._parse_cells(cells, plan, empty, number, collector)))
        if not table.rows:
            collector.add(None, None, "het bestand bevat geen gegevensrijen")
        collector.raise_if_any()
        return rows

    def _match_header(self, path: Path, table: Table) -> dict[str, int]:
        by_key = {header_key(h): i for i, h in enumerate(table.header)}
        positions, problems = {}, []
        for column in self.columns:
            index = next((by_key[k] for k in column.keys() if k in by_key), None)
            if index is not None:
                positions[column.name] = index
            elif column.required:
                problems.append(
                    Problem(
                        path.name,
                        1,
                        column.name,
                        f"kolom ontbreekt (verwacht '{column.name}'"
                        + (f" of {', '.join(repr(a) for a in column.aliases)}" if column.aliases else "")
                        + f"); gevonden: {', '.join(table.header[:12])}",
                    )
                )
        if problems:
            raise ImportRefused(problems)
        return positions

    def _parse_cells(self, cells, plan, empty, number, collector) -> dict[str, Any]:
        values: dict[str, Any] = empty.copy()  # columns absent from the file stay None
        for column, index, parser in plan:
            raw = cells[index]
            if raw == "":
                if not column.blank:
                    collector.add(number, column.name, "de cel is leeg, maar deze kolom is verplicht")
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
    def load(self, rows: list[Row], *, path: Path, run, progress) -> Changes:
        raise NotImplementedError
