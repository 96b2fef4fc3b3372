"""The national and sector picture: every SWV- and gemeente-level indicator aggregated per sector."""

import functools
from dataclasses import dataclass, field

from django.utils.functional import SimpleLazyObject

from landelijk.home import key_figures
from landelijk.models import ThemaContext
from swv.caching.versions import derived
from swv.figures import (
    THEMES,
    Aggregate,
    Point,
    RecentHistory,
    Series,
    Theme,
    box_plot,
    gemeente_figures,
    national_figures,
    noemer_words,
    sector_figures,
)
from swv.models import Indicator, Sector
from swv.selectors.pupils import OutsideRegions, outside_by_indicator, pupils_outside_regions
from uploads.markdown import render_markdown


@dataclass
class Cell(RecentHistory):
    """One indicator for one group of units: the SWV's of a sector, or all gemeenten."""

    kop: str  # column heading: 'PO', 'VO' or 'Alle gemeenten'
    eenheden: str  # how the units read in a sentence: 'samenwerkingsverbanden PO', 'gemeenten'
    aggregate: Aggregate | None = None
    point: Point | None = None  # a point of the latest period, for its peildatum
    history: list[tuple[Point, Aggregate]] = field(default_factory=list)
    fictief: bool = False
    van_toepassing: bool = True  # False: the indicator exists only for the other sector
    # For a pupil count: DUO's total of the latest period and the part outside every region, which the
    # sum over the SWV's leaves out.
    buiten_regio: OutsideRegions | None = None

    @property
    def chart(self) -> dict | None:
        return box_plot(self.aggregate.spreiding) if self.aggregate else None


@dataclass
class NationalFigure:
    indicator: Indicator
    cells: list[Cell]
    noemer_label: str = ""
    landelijk: bool = False  # a national series (one value per period for the whole country)

    @property
    def fictief(self) -> bool:
        return any(c.fictief for c in self.cells)


def _cell(series: Series | None, *, kop: str, eenheden: str) -> Cell:
    if series is None:
        return Cell(kop=kop, eenheden=eenheden)
    examples = series.period_points()
    return Cell(
        kop=kop,
        eenheden=eenheden,
        aggregate=series.current_aggregate,
        point=examples.get(series.current_period) if series.current_period else None,
        history=[(examples[periode], series.aggregates[periode]) for periode, _date in series.periods],
        fictief=any(p.fictief for p in series.current.values()),
    )


def _figure(
    indicator: Indicator, sectors: tuple[str, ...], per_sector: dict, gemeenten, outside: dict
) -> NationalFigure:
    if indicator.niveau == Indicator.Niveau.GEMEENTE:
        cells = [_cell(gemeenten.series.get(indicator.code), kop="Alle gemeenten", eenheden="gemeenten")]
        noemer = gemeenten.series.get(indicator.noemer)
    else:
        cells = [
            _cell(per_sector[s].series.get(indicator.code), kop=s, eenheden=f"samenwerkingsverbanden {s}")
            if indicator.sector in ("", s)
            else Cell(kop=s, eenheden=f"samenwerkingsverbanden {s}", van_toepassing=False)
            for s in sectors
        ]
        for cell in cells:
            if cell.point is not None:
                cell.buiten_regio = outside.get((cell.kop, indicator.code, cell.point.periode))
        found = (per_sector[s].series.get(indicator.noemer) for s in sectors)
        noemer = next((series for series in found if series is not None), None)
    label = noemer_words(noemer.indicator) if noemer and indicator.aggregatie == "som" else ""
    return NationalFigure(indicator=indicator, cells=cells, noemer_label=label)


def landelijk_context(*, sector: str | None) -> dict:
    sectors = (sector,) if sector else Sector.values

    # The figures are read only when the page's cached figures of this source-data version are missing
    # (the template's {% cache %}) or by the landelijk download: lazily, once per call.
    @functools.cache
    def loaded():
        per_sector = {s: sector_figures(sector=s) for s in sectors}
        indicators = {}
        for s in sectors:
            for series in per_sector[s].series.values():
                indicators.setdefault(series.indicator.code, series.indicator)
        # National series (e.g. the leerplichttelling) sit in their theme next to the sector figures.
        national = national_figures()
        for series in national.series.values():
            if series.indicator.thema != Indicator.Thema.CONTEXT:
                indicators.setdefault(series.indicator.code, series.indicator)
        outside = derived("outside-regions-by-indicator", outside_by_indicator)
        return per_sector, gemeente_figures(), indicators, national, outside

    contexts = dict(ThemaContext.objects.values_list("thema", "tekst"))
    themes = []

    def topics_of(key: str) -> list[tuple[str, list[NationalFigure]]]:
        per_sector, gemeenten, indicators, national, outside = loaded()
        topics: dict[str, list[NationalFigure]] = {}
        for indicator in sorted(indicators.values(), key=lambda i: i.volgorde):
            if indicator.thema != key:
                continue
            if indicator.niveau == Indicator.Niveau.LAND:
                cell = _cell(national.series.get(indicator.code), kop="Nederland", eenheden="landelijk")
                figure = NationalFigure(indicator=indicator, cells=[cell], landelijk=True)
            else:
                figure = _figure(indicator, sectors, per_sector, gemeenten, outside)
            topics.setdefault(indicator.onderwerp, []).append(figure)
        return list(topics.items())

    for key, titel in THEMES:
        text = contexts.get(key, "").strip()
        themes.append(
            Theme(
                key=key,
                titel=titel,
                tekst=render_markdown(text) if text else None,
                topics=SimpleLazyObject(functools.partial(topics_of, key)),
            )
        )
    kerncijfers = [k for k in key_figures() if k.sector in sectors]
    buiten_regio = [r for r in derived("outside-regions", pupils_outside_regions) if r.sector in sectors]
    return {
        "sector": sector,
        "sectoren": sectors,
        "themes": themes,
        "kerncijfers": kerncijfers,
        "buiten_regio": buiten_regio,
    }
