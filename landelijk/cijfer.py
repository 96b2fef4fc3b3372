"""One figure across the country (/cijfers/<code>/): every SWV of a sector with its value, coloured into
classes for the map and the chart, sorted for the table; the sector's average over the periods."""

from dataclasses import dataclass, field

from django.http import Http404

from swv.figures import (
    NUMERIC,
    Aggregate,
    Point,
    box_plot,
    line_chart,
    national_figures,
    period_short,
    sector_figures,
    status_of,
)
from swv.models import Indicator, Samenwerkingsverband, Sector, Waarde
from swv.selectors.names import display_names
from swv.templatetags.nl import waarde

CLASSES = 5  # map colours: quintiles of the values (a colour-blind-safe sequential palette in kaart.css)


@dataclass
class Row:
    code: str
    naam: str
    url: str
    point: Point | None
    klasse: int | None = None  # colour class on the map and in the chart; None: no value

    @property
    def status(self) -> str:
        return status_of(self.point)

    @property
    def value(self):
        if self.point is None or not self.point.geleverd:
            return None
        return self.point.getal if self.point.getal is not None else self.point.tekst


@dataclass
class LegendClass:
    klasse: int
    label: str
    count: int


@dataclass
class IndicatorPage:
    indicator: Indicator
    sector: str | None  # None for a national figure
    sectors: list[str]
    rows: list[Row] = field(default_factory=list)
    legend: list[LegendClass] = field(default_factory=list)
    aggregate: Aggregate | None = None
    history: list[tuple[Point, Aggregate | None]] = field(default_factory=list)
    national: list[Point] = field(default_factory=list)  # a national-level figure: its values per period

    @property
    def numeric(self) -> bool:
        return self.indicator.eenheid in NUMERIC

    @property
    def chart(self) -> dict | None:
        return box_plot(self.aggregate.spreiding) if self.aggregate and self.numeric else None

    @property
    def trend(self) -> dict | None:
        if not self.numeric:
            return None
        soort = self.indicator.periode_soort
        if self.national:
            rows = [(period_short(p, soort), p.getal if p.geleverd else None, None) for p in self.national]
        else:
            rows = [(period_short(p, soort), a.vergelijking if a else None, None) for p, a in self.history]
        return line_chart(rows)

    @property
    def trend_label(self) -> str:
        soort = "totaal" if self.indicator.aggregatie == "som" else "gemiddelde"
        return f"{soort} samenwerkingsverbanden {self.sector}"

    def chart_data(self) -> dict:
        """What the map and the interactive chart draw (read by static/js/cijfer.js from a JSON script element)."""
        e = self.indicator.eenheid
        return {
            "label": self.indicator.label,
            "eenheid": e,
            "sector": self.sector,
            "numeric": self.numeric,
            "legend": [{"klasse": c.klasse, "label": c.label} for c in self.legend],
            "swv": {
                r.code: {
                    "naam": r.naam,
                    "url": r.url,
                    "waarde": r.value if isinstance(r.value, float) else None,
                    "tekst": _text(r, e),
                    "klasse": r.klasse,
                }
                for r in self.rows
            },
        }


def _text(row: Row, eenheid: str) -> str:
    if row.status == Waarde.Status.ONDERDRUKT:
        return "<5"
    if row.value is None:
        return "niet aangeleverd"
    return waarde(row.value, eenheid)


def _quantile_classes(rows: list[Row], eenheid: str) -> list[LegendClass]:
    """Five classes of (nearly) equal size; ties stay in one class, so there may be fewer."""
    valued = sorted((r for r in rows if isinstance(r.value, float)), key=lambda r: r.value)
    legend: list[LegendClass] = []
    size = len(valued) / CLASSES
    klasse, start = 0, 0
    while start < len(valued):
        end = max(start + 1, round((klasse + 1) * size))
        while end < len(valued) and valued[end].value == valued[end - 1].value:
            end += 1  # a value never spans two colours
        members = valued[start:end]
        for row in members:
            row.klasse = klasse
        low, high = members[0].value, members[-1].value
        label = waarde(low, eenheid) if low == high else f"{waarde(low, eenheid)} tot {waarde(high, eenheid)}"
        legend.append(LegendClass(klasse, label, len(members)))
        klasse, start = klasse + 1, end
    return legend


def _category_classes(rows: list[Row], indicator: Indicator) -> list[LegendClass]:
    categories = indicator.categorie_lijst
    for row in rows:
        if isinstance(row.value, str) and row.value not in categories:
            categories.append(row.value)
    legend = []
    for i, category in enumerate(categories[:CLASSES]):
        members = [r for r in rows if r.value == category]
        for row in members:
            row.klasse = i
        legend.append(LegendClass(i, category, len(members)))
    return legend


def _sort_key(row: Row):
    if isinstance(row.value, float):
        return (0, -row.value, row.naam)
    if row.value is not None:
        return (1, row.klasse if row.klasse is not None else 99, row.naam)
    return (2 if row.status == Waarde.Status.ONDERDRUKT else 3, 0, row.naam)


def indicator_page(*, code: str, sector: str | None) -> IndicatorPage:
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise Http404("Onbekend cijfer")
    if indicator.niveau == Indicator.Niveau.LAND:
        series = national_figures().series.get(code)
        points = [p for unit_points in (series.per_unit.values() if series else []) for p in unit_points]
        return IndicatorPage(
            indicator=indicator, sector=None, sectors=[], national=sorted(points, key=lambda p: p.peildatum)
        )
    sectors = [indicator.sector] if indicator.sector else Sector.values
    sector = sector if sector in sectors else sectors[0]
    page = IndicatorPage(indicator=indicator, sector=sector, sectors=sectors)
    series = sector_figures(sector=sector).series.get(code)
    names = display_names()
    swvs = Samenwerkingsverband.objects.filter(sector=sector).only("pk", "code", "slug", "naam", "sector")
    page.rows = [
        Row(
            code=s.code,
            naam=names.get(s.pk) or s.code_leesbaar,
            url=s.get_absolute_url(),
            point=series.current.get(s.pk) if series else None,
        )
        for s in swvs
    ]
    if series is not None:
        page.aggregate = series.current_aggregate
        page.history = [
            (Point(periode, peildatum, None, "", "", False), series.aggregates.get(periode))
            for periode, peildatum in series.periods
        ]
    if page.numeric:
        page.legend = _quantile_classes(page.rows, indicator.eenheid)
    elif indicator.eenheid in ("categorie", "ja_nee"):
        page.legend = _category_classes(page.rows, indicator)
    page.rows.sort(key=_sort_key)
    return page
