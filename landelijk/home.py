"""The home page: how many SWV's there are, and passend onderwijs within the wider funding of education."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from swv.caching.versions import derived
from swv.figures import PERIODS_ON_PAGE, Aggregate, Point, bar_series, national_figures, period_short, sector_figures
from swv.models import Indicator, Samenwerkingsverband
from swv.selectors.coverage_map import coverage_map

PASSEND = "bekostiging_passend_onderwijs"


@dataclass(frozen=True)
class FundingRow:
    indicator: Indicator
    point: Point | None
    aandeel: float | None  # % of the total of the rows shown
    breedte: float  # bar width in % of the largest
    passend_onderwijs: bool


def _bars(rows: list[tuple[Indicator, Point | None]]) -> dict:
    """Bars and shares of one group of budgets. Shares are taken among the budgets of one year only (the
    passend-onderwijs budget's, else the most common) and only when there are at least two; a budget of
    another period is shown with its own period and left out of the shares."""
    delivered = [(i, p) for i, p in rows if p is not None and p.geleverd and p.getal]
    reference = next((p for i, p in delivered if i.code == PASSEND), None)
    if reference is None and delivered:
        common = Counter(p.periode for _, p in delivered).most_common(1)[0][0]
        reference = next(p for _, p in delivered if p.periode == common)
    same = [p.getal for _, p in delivered if p.periode == reference.periode] if reference else []
    total = sum(same) if len(same) > 1 else 0
    largest = max((p.getal for _, p in delivered), default=0)
    result = []
    for indicator, point in rows:
        amount = point.getal if point is not None and point.geleverd and point.getal else None
        comparable = amount is not None and point.periode == reference.periode
        result.append(
            FundingRow(
                indicator=indicator,
                point=point,
                aandeel=100 * amount / total if comparable and total else None,
                breedte=round(100 * amount / largest, 1) if amount and largest else 0,
                passend_onderwijs=indicator.code == PASSEND,
            )
        )
    passend = next((r for r in result if r.passend_onderwijs), None)
    return {
        "rijen": result,
        "totaal": total or None,
        "passend": passend,
        "periode": reference if total else None,
        "andere_periode": bool(total) and any(r.point and r.point.geleverd and r.aandeel is None for r in result),
    }


def funding_picture() -> dict:
    """The national budgets (indicators of theme 'context', niveau 'land'), real and fictional apart.

    A real amount (the personele bekostiging bo from DUO) is never drawn or summed with fictional demo
    budgets: the real ones form one picture with their source and peildatum, the fictional ones another,
    labelled as an example. A budget nobody delivered is listed as 'niet aangeleverd'.
    """
    figures = national_figures()
    rows = [(s.indicator, s.current.get(0)) for s in figures.for_theme(Indicator.Thema.CONTEXT)]
    real = [(i, p) for i, p in rows if p is not None and not p.fictief and (p.geleverd or p.onderdrukt)]
    fictional = [(i, p) for i, p in rows if p is not None and p.fictief]
    missing = [i for i, p in rows if (i, p) not in real and (i, p) not in fictional]
    return {
        "echt": _bars(real) if real else None,
        "fictief": _bars(fictional) if fictional else None,
        "niet_aangeleverd": missing,
    }


def home_context() -> dict:
    counts = dict(Samenwerkingsverband.objects.values_list("sector").annotate(n=Count("pk")).order_by())
    return {
        "aantal_po": counts.get("PO", 0),
        "aantal_vo": counts.get("VO", 0),
        "bekostiging": funding_picture(),
        "kerncijfers": key_figures(),
        "kaart_po": coverage_map(sector="PO"),
        "kaart_vo": coverage_map(sector="VO"),
    }


# The figures the home page leads with: real where a public source exists (pupils, participation, vsv,
# reserves), each with its sector, period, source and a bar per period.
KEY_FIGURES = (
    ("PO", "leerlingen_totaal"),
    ("PO", "deelname_sbo"),
    ("PO", "deelname_so"),
    ("VO", "leerlingen_totaal"),
    ("VO", "deelname_pro"),
    ("VO", "deelname_vso"),
    ("VO", "vsv_percentage"),
    ("PO", "reserves"),
)


@dataclass(frozen=True)
class KeyFigure:
    indicator: Indicator
    sector: str
    aggregate: Aggregate
    point: Point
    fictief: bool
    history: list[tuple[Point, float | None]]
    chart: dict | None


def key_figures() -> list[KeyFigure]:
    """The national value of each key figure in the sector's current period, with the periods before it;
    once per source-data version."""
    return derived("key-figures", _key_figures)


def _key_figures() -> list[KeyFigure]:
    result = []
    for sector, code in KEY_FIGURES:
        series = sector_figures(sector=sector).series.get(code)
        if series is None or series.current_aggregate is None or series.current_aggregate.waarde is None:
            continue
        # The sector's current period (the one most SWV's delivered) and the periods before it: a single
        # early delivery of a later period is no national figure yet.
        current = dict(series.periods)[series.current_period]
        examples = series.period_points()
        history = [
            (examples[periode], series.aggregates[periode].waarde) for periode, day in series.periods if day <= current
        ]
        latest = history[-1][0]
        history = history[-PERIODS_ON_PAGE:]  # the figure's own page and the downloads have them all
        result.append(
            KeyFigure(
                indicator=series.indicator,
                sector=sector,
                aggregate=series.current_aggregate,
                point=latest,
                fictief=any(p.fictief for p in series.current.values()),
                history=history,
                chart=bar_series([(period_short(p, series.indicator.periode_soort, "/"), v) for p, v in history]),
            )
        )
    return result
