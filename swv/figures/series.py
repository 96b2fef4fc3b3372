"""The one mechanism behind every figure: catalogue + values -> series per unit, aggregates per period.

Values of a whole sector are read in a few queries, computed in Python and cached per data version
(an import bumps it), so an SWV page reads its figures from the cache whatever its size.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from math import fsum
from typing import Any, TypeVar

from swv.caching.versions import derived
from swv.figures.statistics import Aggregate, Position, aggregate, position
from swv.models import Gemeente, Herindeling, Indicator, Samenwerkingsverband, SwvGemeente, Vestiging, Waarde
from swv.selectors.indeling import current_indeling

GELEVERD = Waarde.Status.GELEVERD
ONDERDRUKT = Waarde.Status.ONDERDRUKT
NIET_GELEVERD = Waarde.Status.NIET_GELEVERD
# The themes the public pages show, in their order (theme 'context' is the home page's funding picture).
THEMES = (
    (Indicator.Thema.ONDERSTEUNING, "Ondersteuning"),
    (Indicator.Thema.FINANCIEN, "Financiën"),
    (Indicator.Thema.ORGANISATIE, "Organisatie"),
)


@dataclass
class Theme:
    """One theme on a page: its figures per topic, [(onderwerp, [figure, ...]), ...], and the text that
    explains them (the SWV's own toelichting, the national context)."""

    key: str
    titel: str
    topics: list = field(default_factory=list)
    tekst: str | None = None


@dataclass(frozen=True)
class Point:
    """One value of one unit in one period; `gemeenten_*` say how a gemeente roll-up was made."""

    periode: str
    peildatum: dt.date
    getal: float | None
    tekst: str
    status: str
    fictief: bool
    gemeenten: int = 0
    gemeenten_geleverd: int = 0
    gemeenten_onderdrukt: int = 0
    # A suppressed value ('<5', a sum with a '<5' part, a percentage from one) lies between these.
    ondergrens: float | None = None
    bovengrens: float | None = None
    # Gemeenten only partly in the region: (name, share) of those counted for their share, and the
    # names of those left out for want of a share (no schools of the sector).
    aandelen: tuple[tuple[str, float], ...] = ()
    zonder_aandeel: tuple[str, ...] = ()

    @property
    def geschat(self) -> bool:
        return bool(self.aandelen or self.zonder_aandeel)

    @property
    def bounds(self) -> tuple[float, float] | None:
        """(low, high) of a number or a range; None for text and missing values."""
        if self.geleverd and self.getal is not None:
            return self.getal, self.getal
        if self.onderdrukt and self.ondergrens is not None and self.bovengrens is not None:
            return self.ondergrens, self.bovengrens
        return None

    @property
    def lone_suppressed(self) -> bool:
        """A single '<5' count (1 to 4), as opposed to a wider range built from one."""
        return self.onderdrukt and (self.ondergrens, self.bovengrens) in ((1.0, 4.0), (None, None))

    @property
    def geleverd(self) -> bool:
        return self.status == GELEVERD and (self.getal is not None or self.tekst != "")

    @property
    def onderdrukt(self) -> bool:
        return self.status == ONDERDRUKT

    @property
    def has_value(self) -> bool:
        return self.geleverd or self.onderdrukt

    @property
    def gemeenten_niet_aangeleverd(self) -> int:
        return self.gemeenten - self.gemeenten_geleverd - self.gemeenten_onderdrukt


def status_of(point: Point | None) -> str:
    """A value's status on the pages and in the open data: delivered, suppressed (<5) or not delivered."""
    if point is None:
        return Waarde.Status.NIET_GELEVERD
    if point.onderdrukt:
        return Waarde.Status.ONDERDRUKT
    return Waarde.Status.GELEVERD if point.geleverd else Waarde.Status.NIET_GELEVERD


@dataclass
class Series:
    """One indicator over a set of units: every unit's points and the aggregate per period."""

    indicator: Indicator
    eenheden: int
    per_unit: dict[int, list[Point]] = field(default_factory=dict)
    periods: list[tuple[str, dt.date]] = field(default_factory=list)
    aggregates: dict[str, Aggregate] = field(default_factory=dict)
    current: dict[int, Point] = field(default_factory=dict)
    current_aggregate: Aggregate | None = None
    # The period the sector's figure is about: the latest one most units delivered (_current_period).
    current_period: str | None = None
    delivered: dict[str, int] = field(default_factory=dict)  # periode -> units with a value

    @property
    def per_own_date(self) -> bool:
        """Judgments and statutes are dated per unit: 'current' is each unit's latest value."""
        return self.indicator.periode_soort == Indicator.PeriodeSoort.PEILDATUM

    def period_points(self) -> dict[str, Point]:
        """One point of each period, for its label and date, found in one pass: with many periods a search
        per period went through every unit's points again."""
        examples: dict[str, Point] = {}
        for pts in self.per_unit.values():
            for p in pts:
                examples.setdefault(p.periode, p)
        return examples

    def period_ref(self, periode: str | None) -> "PeriodRef | None":
        date = dict(self.periods).get(periode) if periode else None
        return PeriodRef(periode, date) if periode and date else None

    def comparable(self, periode: str) -> bool:
        """A period most units delivered, so its aggregate is a fair comparison."""
        return self.delivered.get(periode, 0) >= MAJORITY * self.eenheden

    def aggregate_for(self, point: Point | None) -> tuple[Aggregate | None, str | None]:
        """The aggregate a unit's value is compared with, and its period: the unit's own period when
        most units delivered it (like with like), otherwise the sector's current period."""
        if self.per_own_date or point is None:
            return self.current_aggregate, None
        if point.periode in self.aggregates and self.comparable(point.periode):
            return self.aggregates[point.periode], point.periode
        return self.current_aggregate, self.current_period

    def position_of(self, unit: int) -> Position | None:
        """Where a unit's value sits among the other units' values of the same period."""
        point = self.current.get(unit)
        if point is None or not point.geleverd or point.getal is None:
            return None
        if self.per_own_date:
            others = [p.getal for u, p in self.current.items() if u != unit and p.geleverd and p.getal is not None]
        else:
            others = [
                p.getal
                for u, pts in self.per_unit.items()
                if u != unit
                for p in pts
                if p.periode == point.periode and p.geleverd and p.getal is not None
            ]
        return position(point.getal, others)


@dataclass(frozen=True)
class PeriodRef:
    """A period to write next to a figure (the 'periode' template filter reads these two)."""

    periode: str
    peildatum: dt.date


@dataclass
class Figures:
    """All series for one set of units (the SWV's of a sector, the gemeenten, or the country)."""

    series: dict[str, Series]

    def for_theme(self, thema: str) -> list[Series]:
        return [s for s in self.series.values() if s.indicator.thema == thema]


def _float(value) -> float | None:
    return float(value) if value is not None else None


def _point(row) -> Point:
    _unit, _ind, periode, peildatum, getal, tekst, status, fictief, low, high = row
    return Point(
        periode, peildatum, _float(getal), tekst, status, fictief, ondergrens=_float(low), bovengrens=_float(high)
    )


def build_figures(indicators: list[Indicator], units: list[int], points: dict[str, dict[int, list[Point]]]) -> Figures:
    """Series per indicator from the points per unit, with their aggregates (used by peers.py too)."""
    series = {}
    for indicator in indicators:
        per_unit = points.get(indicator.code, {})
        for unit_points in per_unit.values():
            unit_points.sort(key=lambda p: p.peildatum)
        series[indicator.code] = Series(indicator=indicator, eenheden=len(units), per_unit=per_unit)
    for s in series.values():
        _aggregate_series(s, series)
    return Figures(series=series)


def _aggregate_series(s: Series, all_series: dict[str, Series]) -> None:
    periods = sorted({(p.periode, p.peildatum) for pts in s.per_unit.values() for p in pts}, key=lambda x: x[1])
    s.periods = periods
    noemer = all_series.get(s.indicator.noemer)
    if s.per_own_date:
        s.current = {u: pts[-1] for u, pts in s.per_unit.items() if pts}
        s.current_aggregate = _aggregate_points(s, s.current, noemer=None)
        s.periods = []  # no common periods to compare over time
        return
    for periode, _ in periods:
        in_period = {u: p for u, pts in s.per_unit.items() for p in pts if p.periode == periode}
        noemer_points = _noemer_points(noemer, periode)
        s.aggregates[periode] = _aggregate_points(s, in_period, noemer=noemer_points)
    if periods:
        s.delivered = {
            periode: sum(1 for pts in s.per_unit.values() if any(p.periode == periode and p.has_value for p in pts))
            for periode, _ in periods
        }
        s.current_period = _current_period(s, periods)
        # Each unit's own latest value, with its own date: one early delivery elsewhere never turns
        # a unit's figure into 'niet aangeleverd'.
        s.current = {u: _own_latest(pts) for u, pts in s.per_unit.items() if pts}
        s.current_aggregate = s.aggregates[s.current_period]


# The sector's current period for an indicator: the latest period in which at least this share of the
# units delivered a value (a number, a category or <5). With fewer, the period most units delivered.
MAJORITY = 0.5


def _current_period(s: Series, periods: list[tuple[str, dt.date]]) -> str:
    majority = [periode for periode, _ in periods if s.comparable(periode)]
    if majority:
        return majority[-1]
    return max(reversed(periods), key=lambda item: s.delivered[item[0]])[0]


def _own_latest(points: list[Point]) -> Point:
    """The latest point with a value; a unit that delivered nothing shows its latest (empty) period."""
    with_value = [p for p in points if p.has_value]
    return (with_value or points)[-1]


def _noemer_points(noemer: Series | None, periode: str) -> dict[int, float] | None:
    """The noemer in the same period, or its nearest earlier period (pupils counted on 1 October)."""
    if noemer is None:
        return None
    result: dict[int, float] = {}
    for unit, pts in noemer.per_unit.items():
        counted = [p for p in pts if p.geleverd and p.getal]
        # Pupils are counted once a year and not for every year: else the latest count before the period.
        same = (
            [p for p in counted if p.periode == periode]
            or [p for p in counted if p.periode[:4] == periode[:4]]
            or [p for p in counted if p.periode[:4] < periode[:4]]
        )
        getal = same[-1].getal if same else None
        if getal:
            result[unit] = getal
    return result


def _aggregate_points(s: Series, points: dict[int, Point], *, noemer: dict[int, float] | None) -> Aggregate:
    indicator = s.indicator
    numbers = {u: p.getal for u, p in points.items() if p.geleverd and p.getal is not None}
    texts = {u: p.tekst for u, p in points.items() if p.geleverd and p.getal is None and p.tekst}
    return aggregate(
        aggregatie=indicator.aggregatie,
        eenheden=s.eenheden,
        numbers=numbers,
        texts=texts,
        onderdrukt=sum(1 for p in points.values() if p.onderdrukt),
        ranges={u: p.bounds for u, p in points.items() if p.onderdrukt and p.bounds is not None},
        noemer=noemer,
        categorieen=indicator.categorie_lijst,
    )


def noemer_words(indicator: Indicator) -> str:
    """How a noemer reads after 'van het aantal': 'leerlingen', 'leerplichtige jongeren'."""
    return indicator.label.lower().removeprefix("aantal ")


def current_shares(figures: Figures, series: Series) -> dict[int, float]:
    """Unit -> its current value as % of its noemer, for totals that only compare fairly per pupil."""
    noemer = figures.series.get(series.indicator.noemer)
    if noemer is None or series.current_period is None:
        return {}
    denominators = _noemer_points(noemer, series.current_period) or {}
    return {
        unit: 100 * point.getal / denominators[unit]
        for unit, point in series.current.items()
        if point.geleverd and point.getal is not None and denominators.get(unit)
    }


_VALUE_FIELDS = (
    "indicator_id",
    "periode",
    "peildatum",
    "getal",
    "tekst",
    "status",
    "fictief",
    "ondergrens",
    "bovengrens",
)


def _indicators(niveau_in: set[str], sector: str | None) -> list[Indicator]:
    found = Indicator.objects.filter(niveau__in=niveau_in).order_by("volgorde")
    return [i for i in found if sector is None or i.sector in ("", sector)]


def _load_sector(sector: str) -> Figures:
    indicators = _indicators({Indicator.Niveau.SWV, Indicator.Niveau.GEMEENTE}, sector)
    by_id = {i.pk: i for i in indicators}
    units = list(Samenwerkingsverband.objects.filter(sector=sector).values_list("pk", flat=True))
    points: dict[str, dict[int, list[Point]]] = defaultdict(lambda: defaultdict(list))
    swv_level = [i.pk for i in indicators if i.niveau == Indicator.Niveau.SWV]
    rows = Waarde.objects.filter(indicator_id__in=swv_level, swv__sector=sector).order_by()
    for row in rows.values_list("swv_id", *_VALUE_FIELDS):
        points[by_id[row[1]].code][row[0]].append(_point(row))
    gemeente_level = [i for i in indicators if i.niveau == Indicator.Niveau.GEMEENTE]
    if gemeente_level:
        _roll_up(gemeente_level, sector, points)
    return build_figures(indicators, units, points)


# How a gemeente that lies only partly in a region counts for that region's SWV: by the share of the
# gemeente's schools of the sector (bo for PO, vo for VO) that lie in the region's PC4's. One method
# for every gemeente figure; the shares of a gemeente over its SWV's add up to 1, so the SWV totals add
# up to the national total. A gemeente without such schools has no share and is left out (and said so).
SCHOOL_TYPE = {"PO": "bo", "VO": "vo"}


def apportion_shares(sector: str, partial: set[tuple[int, int]]) -> dict[tuple[int, int], float | None]:
    """(swv_id, gemeente_id) -> the SWV's share of the gemeente, for the links that are partial."""
    gemeenten = {g for _, g in partial}
    counts: Counter = Counter()
    totals: Counter = Counter()
    schools = Vestiging.objects.filter(soort=SCHOOL_TYPE[sector], gemeente_id__in=gemeenten, swv__isnull=False)
    for gemeente_id, swv_id in schools.values_list("gemeente_id", "swv_id"):
        counts[(swv_id, gemeente_id)] += 1
        totals[gemeente_id] += 1
    return {link: (counts[link] / totals[link[1]] if totals[link[1]] else None) for link in partial}


def _whole_successors() -> dict[int, int]:
    """Dissolved gemeente id -> today's gemeente it went to as a whole (not for a split gemeente)."""
    steps: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for old, new, deels in Herindeling.objects.values_list("oud_id", "nieuw_id", "deels"):
        steps[old].append((new, deels))
    result = {}
    for old in steps:
        current: int | None = old
        seen = set()
        while current in steps and current not in seen:
            seen.add(current)
            if len(steps[current]) != 1 or steps[current][0][1]:
                current = None
                break
            current = steps[current][0][0]
        if current is not None and current != old:
            result[old] = current
    return result


def _combined(parts: list[Point]) -> Point:
    """The former gemeenten of one of today's gemeenten in one period, as one value (their sum)."""
    bounds = [p.bounds for p in parts]
    known = [b for b in bounds if b is not None]
    first = parts[0]
    common: dict[str, Any] = {
        "periode": first.periode,
        "peildatum": first.peildatum,
        "tekst": "",
        "fictief": any(p.fictief for p in parts),
    }
    if len(known) < len(bounds):
        delivered = [p.getal for p in parts if p.geleverd and p.getal is not None]
        if not delivered:
            return Point(getal=None, status=NIET_GELEVERD, **common)
        return Point(getal=fsum(delivered), status=GELEVERD, **common)
    if any(p.onderdrukt for p in parts):
        return Point(
            getal=None,
            status=ONDERDRUKT,
            ondergrens=fsum(b[0] for b in known),
            bovengrens=fsum(b[1] for b in known),
            **common,
        )
    return Point(getal=fsum(p.getal or 0 for p in parts), status=GELEVERD, **common)


def _roll_up(indicators: list[Indicator], sector: str, points) -> None:
    """Sum gemeente values over each SWV's gemeenten in the current indeling, counting what is missing;
    a gemeente only partly in the region counts for its share (marked 'geschat')."""
    members: dict[int, set[int]] = defaultdict(set)
    partial: set[tuple[int, int]] = set()
    links = SwvGemeente.objects.filter(indeling=current_indeling(), sector=sector).order_by()
    for swv_id, gemeente_id, deel in links.values_list("swv_id", "gemeente_id", "deel"):
        members[swv_id].add(gemeente_id)
        if deel != SwvGemeente.Deel.GEHEEL:
            partial.add((swv_id, gemeente_id))
    shares = apportion_shares(sector, partial)
    names = dict(Gemeente.objects.filter(pk__in={g for _, g in partial}).values_list("pk", "naam"))
    by_id = {i.pk: i for i in indicators}
    values: dict[tuple[int, str], dict[int, Point]] = defaultdict(dict)
    dates: dict[tuple[int, str], dt.date] = {}
    rows = Waarde.objects.filter(indicator_id__in=by_id, gemeente__isnull=False).order_by()
    successor = _whole_successors()
    merged: dict[tuple[int, str], dict[int, list[Point]]] = defaultdict(lambda: defaultdict(list))
    for row in rows.values_list("gemeente_id", *_VALUE_FIELDS):
        key = (row[1], row[2])
        dates[key] = row[3]
        if row[0] in successor:  # a dissolved gemeente's own years count for today's gemeente
            merged[key][successor[row[0]]].append(_point(row))
        else:
            values[key][row[0]] = _point(row)
    for key, per_successor in merged.items():
        for gemeente_id, parts in per_successor.items():
            values[key].setdefault(gemeente_id, _combined(parts))
    for (indicator_id, periode), per_gemeente in values.items():
        code = by_id[indicator_id].code
        for swv_id, gemeenten in members.items():
            shared = {g: shares.get((swv_id, g), 1.0) for g in gemeenten}
            left_out = tuple(sorted(names.get(g, "") for g, w in shared.items() if w is None))
            weights = {g: w for g, w in shared.items() if w is not None}
            found = {g: per_gemeente[g] for g in weights if g in per_gemeente}
            delivered = {g: p.getal for g, p in found.items() if p.geleverd and p.getal is not None}
            suppressed = sum(1 for p in found.values() if p.onderdrukt)
            ranged = {g: p.bounds for g, p in found.items() if p.bounds is not None}
            low: float | None = None
            high: float | None = None
            total: float | None = None
            if suppressed and len(ranged) == len(delivered) + suppressed:
                # A sum with a '<5' part is known only between the sums of the parts' bounds.
                status = ONDERDRUKT
                low = fsum(b[0] * weights[g] for g, b in ranged.items())
                high = fsum(b[1] * weights[g] for g, b in ranged.items())
            elif delivered:
                status, total = GELEVERD, fsum(getal * weights[g] for g, getal in delivered.items())
            else:
                status = NIET_GELEVERD
            estimated = tuple(
                sorted((names.get(g, ""), weights[g]) for g in found if (swv_id, g) in partial and weights[g] != 1.0)
            )
            points[code][swv_id].append(
                Point(
                    periode=periode,
                    peildatum=dates[(indicator_id, periode)],
                    getal=total,
                    tekst="",
                    status=status,
                    ondergrens=low,
                    bovengrens=high,
                    fictief=any(p.fictief for p in found.values()),
                    gemeenten=len(gemeenten),
                    gemeenten_geleverd=len(delivered),
                    gemeenten_onderdrukt=suppressed,
                    aandelen=estimated,
                    zonder_aandeel=left_out,
                )
            )


def _load_units(niveau: str) -> Figures:
    """Gemeente-level figures per gemeente, or national figures (unit 0)."""
    indicators = _indicators({niveau}, None)
    by_id = {i.pk: i for i in indicators}
    points: dict[str, dict[int, list[Point]]] = defaultdict(lambda: defaultdict(list))
    rows = Waarde.objects.filter(indicator_id__in=by_id).order_by()
    unit_field = "gemeente_id" if niveau == Indicator.Niveau.GEMEENTE else "indicator_id"
    for row in rows.values_list(unit_field, *_VALUE_FIELDS):
        unit = row[0] if niveau == Indicator.Niveau.GEMEENTE else 0
        points[by_id[row[1]].code][unit].append(_point(row))
    units = sorted({u for per_unit in points.values() for u in per_unit})
    return build_figures(indicators, units, points)


T = TypeVar("T")


def cached_figures(name: str, build: Callable[[], T]) -> T:
    """What `build` makes, once per source-data version (swv.caching.versions.derived)."""
    return derived(f"figures:{name}", build)


def sector_figures(*, sector: str) -> Figures:
    """Every SWV-level figure of the sector's SWV's, gemeente figures rolled up to them."""
    return cached_figures(f"sector:{sector}", lambda: _load_sector(sector))


def gemeente_figures() -> Figures:
    return cached_figures("gemeente", lambda: _load_units(Indicator.Niveau.GEMEENTE))


def national_figures() -> Figures:
    return cached_figures("land", lambda: _load_units(Indicator.Niveau.LAND))
