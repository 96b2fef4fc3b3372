"""Gemeenten through time: the herindelingen kept as data, and resolving old names to today's gemeenten."""

import csv
import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from swv.codes import gemeente_code, normalize_name
from swv.models import Gemeente, Herindeling, Vestiging

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# How far (in PC4 numbers) a school's postcode may lie from a PC4 without one to lend it its gemeente.
NEAREST_CLUE_DISTANCE = 20


def _read(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def read_herindelingen() -> list[dict]:
    rows = _read("herindelingen.csv")
    for row in rows:
        row["datum"] = dt.date.fromisoformat(row["datum"])
        row["deels"] = row["deel"] == "deels"
    return rows


def read_pc4_splits() -> dict[tuple[str, str], str]:
    return {(r["oude_code"], r["pc4"]): r["nieuwe_code"] for r in _read("herindelingen_pc4.csv")}


@dataclass
class Resolution:
    gemeenten: list[Gemeente] = field(default_factory=list)
    deels: bool = False  # the name stands for a gemeente that was split up
    benaderd: bool = False  # a split gemeente's PC4 was placed without a direct clue

    @property
    def gemeente(self) -> Gemeente | None:
        return self.gemeenten[0] if self.gemeenten else None


class GemeenteResolver:
    """Maps a name or code from any year since 2013 to the gemeente(n) of today.

    Clues, strongest first: a PC4 table for split gemeenten kept in the project, the gemeente DUO
    gives for a school in the same PC4, a school in a nearby PC4, and last the first successor.
    """

    def __init__(self, *, use_school_clues: bool = True):
        gemeenten = list(Gemeente.objects.all())
        self.by_code = {g.code: g for g in gemeenten}
        self.by_name: dict[str, Gemeente] = {}
        self._ambiguous: set[str] = set()
        for g in sorted(gemeenten, key=lambda g: g.geldig_tot is None):
            self._index(g.naam, g)  # a current gemeente wins over an old one of that name
        for row in read_herindelingen():
            if row["oude_code"] == row["nieuwe_code"] and row["nieuwe_code"] in self.by_code:
                self._index(row["oude_naam"], self.by_code[row["nieuwe_code"]], overwrite=False)
        self.successors: dict[int, list[tuple[Gemeente, bool]]] = defaultdict(list)
        for h in Herindeling.objects.select_related("nieuw").order_by("datum", "pk"):
            self.successors[h.oud_id].append((h.nieuw, h.deels))
        self.pc4_splits = read_pc4_splits()
        self.clues: dict[str, Counter] = defaultdict(Counter)
        if use_school_clues:
            for pc4, gemeente_id in Vestiging.objects.exclude(gemeente=None).values_list("pc4", "gemeente_id"):
                self.clues[pc4][gemeente_id] += 1
        self._clue_pc4s = sorted(p for p in self.clues if p.isdigit())
        self._clue_numbers = [int(p) for p in self._clue_pc4s]

    def find(self, name_or_code: str) -> Gemeente | None:
        code = gemeente_code(name_or_code)
        if code:
            return self.by_code.get(code)
        exact = self.by_name.get(normalize_name(name_or_code, keep_suffix=True))
        return exact or self.by_name.get(normalize_name(name_or_code))

    def _index(self, name: str, gemeente: Gemeente, *, overwrite: bool = True) -> None:
        """Index the exact name, and the name without its CBS suffix unless two gemeenten share it."""
        exact, bare = normalize_name(name, keep_suffix=True), normalize_name(name)
        if overwrite or exact not in self.by_name:
            self.by_name[exact] = gemeente
        if bare == exact or bare in self._ambiguous:
            return
        other = self.by_name.get(bare)
        if other is not None and other.pk != gemeente.pk and other.geldig_tot is None and gemeente.geldig_tot is None:
            self._ambiguous.add(bare)
            del self.by_name[bare]
        elif overwrite or bare not in self.by_name:
            self.by_name[bare] = gemeente

    def resolve(self, name_or_code: str, *, pc4: str | None = None, fallback_name: str = "") -> Resolution:
        start = self.find(name_or_code) or (self.find(fallback_name) if fallback_name else None)
        if start is None:
            return Resolution()
        return self._follow(start, pc4, Resolution())

    def _follow(self, gemeente: Gemeente, pc4: str | None, result: Resolution) -> Resolution:
        steps = self.successors.get(gemeente.pk)
        if not steps:
            result.gemeenten = [gemeente]
            return result
        if len(steps) == 1 or not any(deels for _, deels in steps):
            return self._follow(steps[0][0], pc4, result)
        result.deels = True
        candidates = [g for g, _ in steps]
        if pc4 is None:
            result.gemeenten = candidates
            return result
        chosen = self._place_pc4(gemeente, pc4, candidates, result)
        return self._follow(chosen, pc4, result)

    def _place_pc4(self, old: Gemeente, pc4: str, candidates: list[Gemeente], result: Resolution) -> Gemeente:
        by_code = {g.code: g for g in candidates}
        split_code = self.pc4_splits.get((old.code, pc4))
        if split_code in by_code:
            return by_code[split_code]
        ids = {g.pk: g for g in candidates}
        for clue_pc4 in [pc4, *self._nearby(pc4)]:
            counts = [(n, gid) for gid, n in self.clues.get(clue_pc4, {}).items() if gid in ids]
            if counts:
                if clue_pc4 != pc4:
                    result.benaderd = True
                return ids[max(counts)[1]]
        result.benaderd = True
        return candidates[0]

    def _nearby(self, pc4: str) -> list[str]:
        number = int(pc4)
        start = bisect_left(self._clue_numbers, number - NEAREST_CLUE_DISTANCE)
        window = self._clue_pc4s[start : bisect_right(self._clue_numbers, number + NEAREST_CLUE_DISTANCE)]
        return sorted((p for p in window if p != pc4), key=lambda p: abs(int(p) - number))
