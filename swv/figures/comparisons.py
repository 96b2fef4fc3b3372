"""One figure of one SWV next to its sector: what a figure block on the SWV page needs, for any indicator."""

from dataclasses import dataclass, field

from swv.figures.charts import NUMERIC, box_plot, line_chart
from swv.figures.periods import RecentHistory, period_short
from swv.figures.series import Figures, Point, Series, current_shares, noemer_words, status_of
from swv.figures.statistics import Aggregate, Position, position
from swv.models import Indicator, Waarde


@dataclass
class Compared:
    """A point next to the sector's aggregate it is compared with: a figure, or one period of its history."""

    point: Point | None
    aggregate: Aggregate | None

    @property
    def gemiddelde(self) -> float | None:
        return self.aggregate.vergelijking if self.aggregate else None

    @property
    def gemiddelde_bereik(self) -> tuple[float, float] | None:
        return self.aggregate.vergelijking_bereik if self.aggregate else None


@dataclass
class SwvFigure(Compared, RecentHistory):
    indicator: Indicator
    sector: str
    position: Position | None
    aandeel: float | None = None  # this SWV's value as % of its noemer (som with a noemer)
    aandeel_positie: Position | None = None  # where that share sits among the sector's shares
    noemer_label: str = ""
    history: list[Compared] = field(default_factory=list)
    peer: "SwvFigure | None" = None  # the same figure against SWV's of similar size (selectors.peers)
    vergelijk_periode: object = None  # PeriodRef, when the comparison is about another period than the value

    @property
    def numeric(self) -> bool:
        return self.indicator.eenheid in NUMERIC

    @property
    def status(self) -> str:
        return status_of(self.point)

    @property
    def value(self):
        if self.point is None:
            return None
        return self.point.getal if self.point.getal is not None else self.point.tekst

    # The figure's comparison: the sector's (or the peer group's) value it is read against.
    sector_value = Compared.gemiddelde
    sector_range = Compared.gemiddelde_bereik

    @property
    def same_category_share(self) -> float | None:
        if self.aggregate is None or self.status != Waarde.Status.GELEVERD:
            return None
        return next((pct for cat, _n, pct in self.aggregate.categorieen if cat == self.value), None)

    @property
    def is_rollup(self) -> bool:
        return self.indicator.niveau == Indicator.Niveau.GEMEENTE

    @property
    def chart(self) -> dict | None:
        """Box plot of the sector with this SWV marked."""
        if not self.numeric or self.aggregate is None:
            return None
        own = self.value if self.status == Waarde.Status.GELEVERD and isinstance(self.value, float) else None
        return box_plot(self.aggregate.spreiding, own=own)

    @property
    def trend_chart(self) -> dict | None:
        if not self.numeric:
            return None
        soort = self.indicator.periode_soort
        return line_chart(
            [
                (period_short(r.point, soort), r.point.getal if r.point.geleverd else None, r.gemiddelde)
                for r in self.recent_history
            ]
        )

    @property
    def first_and_last(self) -> tuple[Compared, Compared] | None:
        delivered = [row for row in self.history if row.point and row.point.geleverd and row.point.getal is not None]
        if len(delivered) < 2:
            return None
        return delivered[0], delivered[-1]


def swv_figure(*, figures: Figures, series: Series, swv_id: int, sector: str) -> SwvFigure:
    point = series.current.get(swv_id)
    aggregate, compared_period = series.aggregate_for(point)
    history = [Compared(p, series.aggregates.get(p.periode)) for p in series.per_unit.get(swv_id, [])]
    other_period = compared_period != getattr(point, "periode", None)
    figure = SwvFigure(
        indicator=series.indicator,
        sector=sector,
        point=point,
        aggregate=aggregate,
        vergelijk_periode=series.period_ref(compared_period) if other_period else None,
        position=series.position_of(swv_id),
        history=history if not series.per_own_date else [],
    )
    noemer = figures.series.get(series.indicator.noemer)
    if series.indicator.aggregatie == "som" and noemer is not None:
        shares = current_shares(figures, series)
        own = shares.pop(swv_id, None)
        if own is not None:
            figure.aandeel = own
            figure.aandeel_positie = position(own, list(shares.values()))
            figure.noemer_label = noemer_words(noemer.indicator)
    return figure


def swv_figures_by_topic(*, figures: Figures, thema: str, swv_id: int, sector: str) -> list[tuple[str, list]]:
    """[(onderwerp, [SwvFigure, ...]), ...] in catalogue order."""
    topics: dict[str, list[SwvFigure]] = {}
    for series in figures.for_theme(thema):
        figure = swv_figure(figures=figures, series=series, swv_id=swv_id, sector=sector)
        topics.setdefault(series.indicator.onderwerp, []).append(figure)
    return list(topics.items())
