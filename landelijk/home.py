"""The home page: how many SWV's there are, and passend onderwijs within the wider funding of education."""

from dataclasses import dataclass

from django.db.models import Count

from swv.figures import Point, national_figures
from swv.models import Indicator, Samenwerkingsverband
from swv.selectors.coverage_map import coverage_map


@dataclass(frozen=True)
class FundingRow:
    indicator: Indicator
    point: Point | None
    aandeel: float | None  # % of the total of the rows shown
    breedte: float  # bar width in % of the largest
    passend_onderwijs: bool


def funding_picture() -> dict:
    """Latest national budgets side by side (indicators of theme 'context', niveau 'land')."""
    figures = national_figures()
    rows = [(s.indicator, s.current.get(0)) for s in figures.for_theme(Indicator.Thema.CONTEXT)]
    amounts = [p.getal for _, p in rows if p is not None and p.geleverd and p.getal]
    total, largest = sum(amounts), max(amounts, default=0)
    result = []
    for indicator, point in rows:
        amount = point.getal if point is not None and point.geleverd and point.getal else None
        result.append(
            FundingRow(
                indicator=indicator,
                point=point,
                aandeel=100 * amount / total if amount and total else None,
                breedte=round(100 * amount / largest, 1) if amount and largest else 0,
                passend_onderwijs=indicator.code == "bekostiging_passend_onderwijs",
            )
        )
    passend = next((r for r in result if r.passend_onderwijs), None)
    return {
        "rijen": result,
        "totaal": total or None,
        "passend": passend,
        "fictief": any(r.point.fictief for r in result if r.point),
        "periode": next((r.point for r in result if r.point), None),
    }


def home_context() -> dict:
    counts = dict(Samenwerkingsverband.objects.values_list("sector").annotate(n=Count("pk")).order_by())
    return {
        "aantal_po": counts.get("PO", 0),
        "aantal_vo": counts.get("VO", 0),
        "bekostiging": funding_picture(),
        "kaart_po": coverage_map(sector="PO"),
        "kaart_vo": coverage_map(sector="VO"),
    }
