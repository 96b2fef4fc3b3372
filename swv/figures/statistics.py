"""Arithmetic over one indicator's values for a set of units (SWV's or gemeenten): no database here."""

from collections import Counter
from dataclasses import dataclass, field
from math import fsum
from typing import Any


@dataclass(frozen=True)
class Spread:
    n: int
    minimum: float
    q1: float
    median: float
    q3: float
    maximum: float


@dataclass(frozen=True)
class Aggregate:
    """What a sector (or the country) looks like for one indicator in one period."""

    aggregatie: str
    eenheden: int  # units that could have a value
    geleverd: int
    onderdrukt: int
    waarde: float | None = None  # total (som), weighted mean (gewogen) or mean (gemiddelde, teken)
    gemiddelde: float | None = None  # plain mean per unit
    aandeel: float | None = None  # som with a noemer: total as % of the noemer's total
    spreiding: Spread | None = None
    categorieen: list[tuple[str, int, float]] = field(default_factory=list)  # (category, count, %)
    positief: int = 0
    negatief: int = 0
    nul: int = 0
    # Units with '<5' (or a range from one) are not in `gemiddelde`, the spread or positions; the
    # bounds below count them in at their low and their high end, so the truth lies between.
    ondergrens: float | None = None  # of `waarde` (a total with suppressed parts)
    bovengrens: float | None = None
    gemiddelde_ondergrens: float | None = None
    gemiddelde_bovengrens: float | None = None
    met_bereik: int = 0  # units counted in through their bounds
    aandeel_bereik: tuple[float, float] | None = None  # `aandeel` of a total that is a range

    @property
    def bereik(self) -> tuple[float, float] | None:
        if self.ondergrens is None or self.bovengrens is None:
            return None
        return self.ondergrens, self.bovengrens

    @property
    def gemiddelde_bereik(self) -> tuple[float, float] | None:
        if self.gemiddelde_ondergrens is None or self.gemiddelde_bovengrens is None:
            return None
        return self.gemiddelde_ondergrens, self.gemiddelde_bovengrens

    @property
    def niet_aangeleverd(self) -> int:
        return max(0, self.eenheden - self.geleverd - self.onderdrukt)

    @property
    def vergelijking(self) -> float | None:
        """What one unit's value is compared with: the mean per unit for totals, the (weighted) mean otherwise."""
        return self.gemiddelde if self.aggregatie == "som" else self.waarde

    @property
    def vergelijking_bereik(self) -> tuple[float, float] | None:
        """`vergelijking` with the units that have '<5' counted in at their bounds (a plain mean only: a
        weighted mean says instead that they are left out)."""
        return self.gemiddelde_bereik if self.aggregatie in ("som", "gemiddelde") else None


def quantile(ordered: list[float], q: float) -> float:
    """Linear interpolation between closest ranks, as numpy's default does."""
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def spread(numbers: list[float]) -> Spread | None:
    if not numbers:
        return None
    ordered = sorted(numbers)
    return Spread(
        n=len(ordered),
        minimum=ordered[0],
        q1=quantile(ordered, 0.25),
        median=quantile(ordered, 0.5),
        q3=quantile(ordered, 0.75),
        maximum=ordered[-1],
    )


@dataclass(frozen=True)
class Position:
    """Share of the other units below and above a value, in whole percents."""

    lager: int
    hoger: int
    n: int


def position(value: float, numbers: list[float]) -> Position | None:
    if not numbers:
        return None
    n = len(numbers)
    below = sum(1 for x in numbers if x < value)
    above = sum(1 for x in numbers if x > value)
    return Position(lager=round(100 * below / n), hoger=round(100 * above / n), n=n)


def aggregate(
    *,
    aggregatie: str,
    eenheden: int,
    numbers: dict[int, float],
    texts: dict[int, str],
    onderdrukt: int,
    noemer: dict[int, float] | None = None,
    categorieen: list[str] | None = None,
    ranges: dict[int, tuple[float, float]] | None = None,
) -> Aggregate:
    """Aggregate one period's values; `numbers`/`texts` map unit -> delivered value, `ranges` unit ->
    (low, high) of a suppressed value."""
    values = list(numbers.values())
    # Float sums with fsum: exact, so a figure does not depend on the order the database returns rows in.
    mean = fsum(values) / len(values) if values else None
    ranges = ranges or {}
    common: dict[str, Any] = {
        "aggregatie": aggregatie,
        "eenheden": eenheden,
        "geleverd": len(values) + len(texts),
        "onderdrukt": onderdrukt,
        "gemiddelde": mean,
        "spreiding": spread(values),
        "met_bereik": len(ranges),
    }
    if ranges:
        # A total with suppressed parts is known only between these (never the sum of the known parts alone).
        low_total = fsum([*values, *(low for low, _ in ranges.values())])
        high_total = fsum([*values, *(high for _, high in ranges.values())])
        n = len(values) + len(ranges)
        common["gemiddelde_ondergrens"] = low_total / n
        common["gemiddelde_bovengrens"] = high_total / n
    if aggregatie == "verdeling":
        counts = Counter(texts.values())
        counted = sum(counts.values())
        order = list(categorieen or []) + sorted(set(counts) - set(categorieen or []))
        rows = [(c, counts.get(c, 0), 100 * counts.get(c, 0) / counted if counted else 0.0) for c in order]
        return Aggregate(**common, categorieen=rows)
    if aggregatie == "som":
        # The total as % of the noemer's total, over the units that have both; a range with suppressed parts.
        paired = [u for u in [*numbers, *ranges] if noemer and noemer.get(u)]
        denominator = fsum(noemer[u] for u in paired) if noemer else 0
        known = [numbers[u] for u in paired if u in numbers]

        def share(end: int) -> float:
            return 100 * fsum([*known, *(ranges[u][end] for u in paired if u in ranges)]) / denominator

        if ranges:
            share_range = (share(0), share(1)) if denominator else None
            return Aggregate(**common, ondergrens=low_total, bovengrens=high_total, aandeel_bereik=share_range)
        return Aggregate(**common, waarde=fsum(values) if values else None, aandeel=share(0) if denominator else None)
    if aggregatie == "gewogen" and noemer:
        paired = [u for u in numbers if noemer.get(u)]
        denominator = fsum(noemer[u] for u in paired)
        weighted = fsum(numbers[u] * noemer[u] for u in paired) / denominator if denominator else mean
        return Aggregate(**common, waarde=weighted)
    if aggregatie == "teken":
        return Aggregate(
            **common,
            waarde=mean,
            positief=sum(1 for x in values if x > 0),
            negatief=sum(1 for x in values if x < 0),
            nul=sum(1 for x in values if x == 0),
        )
    return Aggregate(**common, waarde=mean)
