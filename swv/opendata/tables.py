"""The tables behind the pages as rows of plain values, for the CSV/JSON downloads and the API.

Every number here comes from the figure mechanism (swv.figures.series and comparisons), so what a
download or the API says is what the page shows. Rows are dicts with the columns in COLUMNS_*."""

import datetime as dt
import re
from collections.abc import Iterable

from landelijk.selectors import landelijk_context
from swv.caching.versions import derived
from swv.figures import (
    Aggregate,
    Figures,
    Point,
    SwvFigure,
    gemeente_figures,
    is_period_label,
    national_figures,
    peer_swv_figures,
    sector_figures,
    swv_figure,
)
from swv.models import (
    NIET_VAN_TOEPASSING,
    Gemeente,
    Indicator,
    Leerlingtelling,
    Samenwerkingsverband,
    Schoolcijfer,
    Sector,
    Vestiging,
    Waarde,
)
from swv.selectors.names import display_names
from swv.selectors.pupils import SECTOR_OF_SOORT, OutsideRegions, outside_by_indicator
from swv.templatetags.nl import bereik, datum, waarde

THEME_ORDER = [
    Indicator.Thema.ONDERSTEUNING,
    Indicator.Thema.FINANCIEN,
    Indicator.Thema.ORGANISATIE,
    Indicator.Thema.CONTEXT,
]

_INDICATOR_COLUMNS = "indicator label thema onderwerp eenheid".split()
_VALUE_COLUMNS = "periode peildatum waarde tekst status ondergrens bovengrens geschat verdeling fictief".split()
_SOURCE_COLUMNS = "bron peildatum_soort".split()

COLUMNS_SWV = [
    *"swv swv_naam sector".split(),
    *_INDICATOR_COLUMNS,
    *_VALUE_COLUMNS,
    *"huidig gemiddelde_sector gemiddelde_sector_ondergrens gemiddelde_sector_bovengrens".split(),
    *"gemiddelde_vergelijkbare_grootte aandeel_van_noemer".split(),
    *_SOURCE_COLUMNS,
]
COLUMNS_WAARDEN = [
    *"niveau swv swv_naam gemeente gemeente_naam sector".split(),
    *_INDICATOR_COLUMNS,
    *_VALUE_COLUMNS,
    *"opgeteld_uit_gemeenten gemeenten_geleverd gemeenten_totaal".split(),
    *_SOURCE_COLUMNS,
]
COLUMNS_AGGREGATEN = [
    "groep",
    *_INDICATOR_COLUMNS,
    *"aggregatie periode peildatum waarde ondergrens bovengrens gemiddelde gemiddelde_ondergrens".split(),
    *"gemiddelde_bovengrens aandeel_van_noemer categorie aantal percentage eenheden geleverd onderdrukt".split(),
    *"niet_aangeleverd minimum eerste_kwartiel mediaan derde_kwartiel maximum".split(),
    *"totaal_duo buiten_regio_vestigingen buiten_regio_leerlingen".split(),
    *_SOURCE_COLUMNS,
]


def indicator_fields(indicator: Indicator) -> dict:
    return {
        "indicator": indicator.code,
        "label": indicator.label,
        "thema": indicator.get_thema_display(),
        "onderwerp": indicator.onderwerp,
        "eenheid": indicator.eenheid,
        "bron": indicator.bron,
        "peildatum_soort": indicator.periode_soort,
    }


def _point_fields(point: Point | None) -> dict:
    if point is None:
        blank = {"periode": "", "tekst": "", "status": Waarde.Status.NIET_GELEVERD, "verdeling": ""}
        return {**dict.fromkeys(_VALUE_COLUMNS), **blank, "geschat": False, "fictief": False}
    delivered = point.status == Waarde.Status.GELEVERD and (point.getal is not None or point.tekst != "")
    bounds = point.bounds if point.onderdrukt else None
    return {
        "periode": point.periode,
        "peildatum": point.peildatum,
        "waarde": point.getal if delivered else None,
        "tekst": point.tekst if delivered else "",
        "status": point.status if delivered or point.onderdrukt else Waarde.Status.NIET_GELEVERD,
        "ondergrens": bounds[0] if bounds else None,
        "bovengrens": bounds[1] if bounds else None,
        "geschat": point.geschat,
        "verdeling": _verdeling(point),
        "fictief": point.fictief,
    }


def _verdeling(point: Point) -> str:
    """How gemeenten only partly in the region were counted: 'Amsterdam 12%; niet meegeteld: Weesp'."""
    parts = [f"{naam} {share * 100:.0f}%" for naam, share in point.aandelen]
    if point.zonder_aandeel:
        parts.append("niet meegeteld: " + ", ".join(point.zonder_aandeel))
    return "; ".join(parts)


def _page_order(thema: str, volgorde: int) -> tuple[int, int]:
    """Where an indicator stands on the pages: by theme, then by its own place."""
    return (THEME_ORDER.index(thema) if thema in THEME_ORDER else 99, volgorde)


def _ordered(series_codes: Iterable[str], figures: Figures) -> list[str]:
    indicators = {code: figures.series[code].indicator for code in series_codes}
    return sorted(indicators, key=lambda code: _page_order(indicators[code].thema, indicators[code].volgorde))


# --- One SWV: the figures of its page -------------------------------------------------------------


def swv_figure_list(*, swv: Samenwerkingsverband) -> list[tuple[SwvFigure, SwvFigure | None]]:
    """Every figure on the SWV's page, in page order, each with the same figure against its peer group."""
    figures = sector_figures(sector=swv.sector)
    peers = peer_swv_figures(swv=swv)
    return [
        (swv_figure(figures=figures, series=figures.series[code], swv_id=swv.pk, sector=swv.sector), peers.get(code))
        for code in _ordered(figures.series, figures)
    ]


def swv_rows(*, swv: Samenwerkingsverband, name: str) -> list[dict]:
    """One row per figure and period of the SWV page; the figure the page shows has huidig=True. A figure
    of the other sector only (deelname sbo for a VO SWV) is one row with status nvt: it does not apply,
    which is not the same as not delivered."""
    unit = {"swv": swv.code, "swv_naam": name, "sector": swv.sector}
    rows = []
    for figure, peer in swv_figure_list(swv=swv):
        base = {**unit, **indicator_fields(figure.indicator)}
        peer_by_period = {h.point.periode: h.gemiddelde for h in peer.history} if peer else {}
        if figure.indicator.periode_soort == Indicator.PeriodeSoort.PEILDATUM:  # dated per SWV: latest only
            points = [(figure.point, figure.sector_value, figure.sector_range)] if figure.point else []
        else:
            points = [(h.point, h.gemiddelde, h.gemiddelde_bereik) for h in figure.history]
        if not points:
            points = [(None, figure.sector_value, figure.sector_range)]
        for point, mean, mean_range in points:
            current = point is None or (figure.point is not None and point.periode == figure.point.periode)
            peer_mean = (peer.sector_value if current else peer_by_period.get(point.periode)) if peer else None
            if current:
                mean_range = figure.sector_range
            rows.append(
                {
                    **base,
                    **_point_fields(point),
                    "huidig": current,
                    "gemiddelde_sector": figure.sector_value if current else mean,
                    "gemiddelde_sector_ondergrens": mean_range[0] if mean_range else None,
                    "gemiddelde_sector_bovengrens": mean_range[1] if mean_range else None,
                    "gemiddelde_vergelijkbare_grootte": peer_mean,
                    "aandeel_van_noemer": figure.aandeel if current else None,
                }
            )
    others = Indicator.objects.filter(niveau__in=[Indicator.Niveau.SWV, Indicator.Niveau.GEMEENTE]).exclude(
        sector__in=["", swv.sector]
    )
    # No value and no averages, and the page does not show it.
    nvt = {**dict.fromkeys(COLUMNS_SWV), **_point_fields(None), "status": NIET_VAN_TOEPASSING, "huidig": False}
    rows += [{**nvt, **unit, **indicator_fields(indicator)} for indicator in others.order_by("code")]
    # The rows that do not apply in page order among the others; the sort is stable and the page's rows
    # are in this order already, so they keep theirs.
    order = {
        code: _page_order(thema, volgorde)
        for code, thema, volgorde in Indicator.objects.values_list("code", "thema", "volgorde")
    }
    return sorted(rows, key=lambda row: order[row["indicator"]])


# --- Values of any unit (SWV, gemeente, country) ---------------------------------------------------


def _swv_lookup() -> dict[int, tuple[str, str, str]]:
    """Per SWV id: its code, the name the site shows and its sector."""
    names = display_names()
    found = Samenwerkingsverband.objects.values_list("pk", "code", "sector")
    return {pk: (code, names.get(pk, code), sector) for pk, code, sector in found}


NIVEAUS = ("swv", "gemeente", "land")


def value_rows(
    *,
    niveau: str = "swv",
    sector: str | None = None,
    swv: Iterable[str] = (),
    gemeente: Iterable[str] = (),
    indicator: Iterable[str] = (),
    periode: str | None = None,
) -> list[dict]:
    """Every value as the pages use it: per SWV (gemeente figures rolled up to the SWV's), per gemeente
    or for the whole country; swv, gemeente and indicator are codes. Empty filters select everything."""
    indicators = set(indicator)
    rows: list[dict] = []

    def add(figures: Figures, units: dict[int, dict] | None, *, sector_value=""):
        """units: the columns of every unit to list, by its id (None: every unit, with no columns of its own)."""
        for code in _ordered(figures.series, figures):
            if indicators and code not in indicators:
                continue
            series = figures.series[code]
            rollup = series.indicator.niveau == Indicator.Niveau.GEMEENTE and niveau == "swv"
            for unit, points in sorted(series.per_unit.items()):
                if units is not None and unit not in units:
                    continue
                for point in points:
                    if periode and point.periode != periode:
                        continue
                    rows.append(
                        {
                            "niveau": niveau,
                            **dict.fromkeys(["swv", "swv_naam", "gemeente", "gemeente_naam"], ""),
                            "sector": sector_value,
                            **(units[unit] if units is not None else {}),
                            **indicator_fields(series.indicator),
                            **_point_fields(point),
                            "opgeteld_uit_gemeenten": rollup,
                            "gemeenten_geleverd": point.gemeenten_geleverd if rollup else None,
                            "gemeenten_totaal": point.gemeenten if rollup else None,
                        }
                    )

    if niveau == "swv":
        codes = set(swv)
        found = _swv_lookup().items()
        units = {pk: {"swv": code, "swv_naam": naam} for pk, (code, naam, _) in found if not codes or code in codes}
        for s in [sector] if sector else Sector.values:
            add(sector_figures(sector=s), units, sector_value=s)
    elif niveau == "gemeente":
        codes = set(gemeente)
        found = Gemeente.objects.values_list("pk", "code", "naam")
        units = {
            pk: {"gemeente": code, "gemeente_naam": naam} for pk, code, naam in found if not codes or code in codes
        }
        add(gemeente_figures(), units)
    else:
        add(national_figures(), None)
    return rows


def indicator_rows(*, indicator: Indicator, per_gemeente: bool = False) -> list[dict]:
    """All values of one indicator for all SWV's (gemeente figures rolled up as on the pages; per
    gemeente as published with per_gemeente), or for national figures the country, in all periods."""
    if indicator.niveau == Indicator.Niveau.LAND:
        niveau = "land"
    elif per_gemeente and indicator.niveau == Indicator.Niveau.GEMEENTE:
        niveau = "gemeente"
    else:
        niveau = "swv"
    return value_rows(niveau=niveau, indicator=[indicator.code])


# --- Aggregates: the landelijk page -------------------------------------------------------------------


def _aggregate_fields(aggregate: Aggregate) -> dict:
    spread = aggregate.spreiding
    return {
        "aggregatie": aggregate.aggregatie,
        "waarde": aggregate.waarde,
        "ondergrens": aggregate.ondergrens,
        "bovengrens": aggregate.bovengrens,
        "gemiddelde": aggregate.gemiddelde,
        "gemiddelde_ondergrens": aggregate.gemiddelde_ondergrens,
        "gemiddelde_bovengrens": aggregate.gemiddelde_bovengrens,
        "aandeel_van_noemer": aggregate.aandeel,
        "eenheden": aggregate.eenheden,
        "geleverd": aggregate.geleverd,
        "onderdrukt": aggregate.onderdrukt,
        "niet_aangeleverd": aggregate.niet_aangeleverd,
        "minimum": spread.minimum if spread else None,
        "eerste_kwartiel": spread.q1 if spread else None,
        "mediaan": spread.median if spread else None,
        "derde_kwartiel": spread.q3 if spread else None,
        "maximum": spread.maximum if spread else None,
        "categorie": "",
        "aantal": None,
        "percentage": None,
    }


def _outside_fields(outside: OutsideRegions | None) -> dict:
    if outside is None:
        return {"totaal_duo": None, "buiten_regio_vestigingen": None, "buiten_regio_leerlingen": None}
    return {
        "totaal_duo": outside.totaal,
        "buiten_regio_vestigingen": outside.vestigingen,
        "buiten_regio_leerlingen": outside.leerlingen,
    }


def aggregate_rows(*, sector: str | None = None) -> list[dict]:
    """The figures of the landelijk page: per indicator, group (PO, VO, gemeenten) and period, the
    aggregate with its spread; distributions get one row per category. A pupil count also carries DUO's
    national total and the vestigingen outside every region, the whole difference with the sum."""
    outside = derived("outside-regions-by-indicator", outside_by_indicator)
    rows = []
    for theme in landelijk_context(sector=sector)["themes"]:
        for _onderwerp, national in theme.topics:
            for nf in national:
                for cell in nf.cells:
                    for point, aggregate in cell.history or ([(cell.point, cell.aggregate)] if cell.aggregate else []):
                        base = {
                            "groep": cell.eenheden,
                            **indicator_fields(nf.indicator),
                            "periode": point.periode if point else "",
                            "peildatum": point.peildatum if point else None,
                            **_aggregate_fields(aggregate),
                            **_outside_fields(
                                outside.get((cell.kop, nf.indicator.code, point.periode if point else ""))
                            ),
                        }
                        if aggregate.categorieen:
                            for categorie, n, pct in aggregate.categorieen:
                                rows.append({**base, "categorie": categorie, "aantal": n, "percentage": pct})
                        else:
                            rows.append(base)
    return rows


def figure_text(*, swv: Samenwerkingsverband, indicator: Indicator, periode: str) -> str:
    """A figure of an SWV as its page writes it ('14.750', '<5', 'niet aangeleverd'), for a report."""
    series = sector_figures(sector=swv.sector).series.get(indicator.code)
    if series is None:
        return ""
    points = series.per_unit.get(swv.pk, [])
    point = next((p for p in points if p.periode == periode), None) or series.current.get(swv.pk)
    if point is None or not (point.geleverd or point.onderdrukt):
        return "niet aangeleverd"
    if point.onderdrukt:
        return "<5" if point.lone_suppressed else bereik(point, indicator.eenheid)
    return waarde(point.getal if point.getal is not None else point.tekst, indicator.eenheid)


def periode_text(periode: str, soort: str = "") -> str:
    """'2024-10-01' -> 'teldatum 1 oktober 2024' (or 'peildatum ...'), '2023-2024' -> 'schooljaar 2023-2024'."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", periode) and is_period_label(periode):
        word = "teldatum" if soort == Indicator.PeriodeSoort.TELDATUM else "peildatum"
        return f"{word} {datum(dt.date.fromisoformat(periode))}"
    if re.fullmatch(r"\d{4}-\d{4}", periode):
        return f"schooljaar {periode}"
    return periode


# --- The school level: pupils per vestiging and school-level indicators -----------------------------------

COLUMNS_SCHOLEN = [
    *"vestiging vestiging_naam pc4 swv swv_naam sector cijfer label soort periode peildatum waarde teller".split(),
    *"noemer eenheid fictief bron".split(),
]
PUPILS = "leerlingen"
# The catalogue row whose source and definition a school's pupils of each soort come from.
_PUPIL_INDICATOR = {soort: f"leerlingen_{soort}" for soort in SECTOR_OF_SOORT}


def school_rows(
    *,
    swv: Iterable[str] = (),
    sector: str | None = None,
    periode: str | None = None,
    cijfer: str | None = None,
    vestiging: Iterable[str] = (),
) -> list[dict]:
    """One row per vestiging, period and figure: DUO's pupils per soort (cijfer 'leerlingen', counted for
    the SWV of the region the vestiging lay in on the teldatum) and every school-level indicator of the
    catalogue (niveau 'vestiging', e.g. verplaatsingen_school, with its teller and noemer); swv and
    vestiging are codes."""
    # The filters are checked by swv.opendata.filters.ScholenFilter before they get here.
    swvs = _swv_lookup()
    wanted_swv = {pk for pk, (code, _, _) in swvs.items() if code in set(swv)} if swv else None
    wanted_schools = set(vestiging)
    rows: list[dict] = []
    if cijfer in (None, PUPILS):
        rows += _pupil_rows(swvs, wanted_swv, wanted_schools, sector, periode)
    if cijfer != PUPILS:
        rows += _school_figure_rows(swvs, wanted_swv, wanted_schools, sector, periode, cijfer)
    return rows


def _pupil_rows(swvs, wanted_swv, wanted_schools, sector, periode) -> list[dict]:
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=_PUPIL_INDICATOR.values())}
    counts = Leerlingtelling.objects.order_by("brin6", "peildatum", "soort")
    if wanted_swv is not None:
        counts = counts.filter(swv_id__in=wanted_swv)
    if wanted_schools:
        counts = counts.filter(brin6__in=wanted_schools)
    if sector:
        counts = counts.filter(soort__in=[s for s, of in SECTOR_OF_SOORT.items() if of == sector])
    if periode:
        counts = counts.filter(peildatum=periode) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", periode) else counts.none()
    rows = []
    for brin6, naam, pc4, swv_id, soort, peildatum, aantal in counts.values_list(
        "brin6", "naam", "pc4", "swv_id", "soort", "peildatum", "aantal"
    ):
        code, swv_naam, _ = swvs.get(swv_id, ("", "", ""))
        indicator = indicators.get(_PUPIL_INDICATOR[soort])
        rows.append(
            {
                "vestiging": brin6,
                "vestiging_naam": naam,
                "pc4": pc4,
                "swv": code,
                "swv_naam": swv_naam,
                "sector": SECTOR_OF_SOORT[soort],
                "cijfer": PUPILS,
                "label": f"Leerlingen {soort}",
                "soort": soort,
                "periode": peildatum.isoformat(),
                "peildatum": peildatum,
                "waarde": aantal,
                "teller": None,
                "noemer": None,
                "eenheid": "aantal",
                "fictief": False,
                "bron": indicator.bron if indicator else "DUO, open onderwijsdata",
            }
        )
    return rows


def _school_figure_rows(swvs, wanted_swv, wanted_schools, sector, periode, cijfer) -> list[dict]:
    figures = Schoolcijfer.objects.select_related("indicator").order_by("brin6", "indicator__code", "peildatum")
    if cijfer:
        figures = figures.filter(indicator__code=cijfer)
    if wanted_schools:
        figures = figures.filter(brin6__in=wanted_schools)
    if periode:
        figures = figures.filter(periode=periode)
    schools = {
        v.brin6: v
        for v in Vestiging.objects.filter(brin6__in={f.brin6 for f in figures}).only("brin6", "naam", "pc4", "swv_id")
    }
    rows = []
    for figure in figures:
        school = schools.get(figure.brin6)
        swv_id = school.swv_id if school else None
        if wanted_swv is not None and swv_id not in wanted_swv:
            continue
        code, swv_naam, swv_sector = swvs.get(swv_id, ("", "", ""))
        if sector and swv_sector != sector:
            continue
        rows.append(
            {
                "vestiging": figure.brin6,
                "vestiging_naam": school.naam if school else "",
                "pc4": school.pc4 if school else "",
                "swv": code,
                "swv_naam": swv_naam,
                "sector": swv_sector,
                "cijfer": figure.indicator.code,
                "label": figure.indicator.label,
                "soort": "",
                "periode": figure.periode,
                "peildatum": figure.peildatum,
                "waarde": float(figure.getal) if figure.getal is not None else None,  # as the API says it
                "teller": figure.teller,
                "noemer": figure.noemer,
                "eenheid": figure.indicator.eenheid,
                "fictief": False,
                "bron": figure.indicator.bron,
            }
        )
    return rows
