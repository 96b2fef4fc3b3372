"""Two to four SWV's side by side (any sector mix): the figures of their pages, with the sector
averages and each SWV's peer group, all from the one figure mechanism."""

from dataclasses import dataclass

from swv.codes import normalize_swv_code
from swv.figures import PeerGroup, SwvFigure, Theme, peer_group
from swv.models import NIET_VAN_TOEPASSING, Indicator, Samenwerkingsverband, Sector
from swv.opendata.tables import THEME_ORDER, swv_figure_list, swv_rows
from swv.selectors.names import display_name, display_names

MIN_SWVS = 2
MAX_SWVS = 4


@dataclass
class Column:
    swv: Samenwerkingsverband
    naam: str
    groep: PeerGroup | None


@dataclass
class Cell:
    figure: SwvFigure | None  # None: the indicator does not exist in this SWV's sector
    peer: SwvFigure | None


@dataclass
class Row:
    indicator: Indicator
    cells: list[Cell]
    sector_figures: list[tuple[str, SwvFigure | None]]  # (sector, a figure carrying the sector aggregate)


@dataclass
class Selection:
    """What the visitor asked for: the SWV's found, in the order given, and what was wrong."""

    swvs: list[Samenwerkingsverband]
    codes: list[str]
    fouten: list[str]

    @property
    def valid(self) -> bool:
        return not self.fouten and MIN_SWVS <= len(self.swvs) <= MAX_SWVS


def parse_selection(*, raw_codes: list[str]) -> Selection:
    codes, fouten = [], []
    for raw in raw_codes:
        if not raw.strip():
            continue
        code = normalize_swv_code(raw)
        if code is None:
            fouten.append(f"„{raw[:20]}” is geen code van een samenwerkingsverband (bijvoorbeeld PO3009).")
        elif code not in codes:
            codes.append(code)
    found = {s.code: s for s in Samenwerkingsverband.objects.filter(code__in=codes)}
    fouten += [f"Samenwerkingsverband {code} bestaat niet." for code in codes if code not in found]
    swvs = [found[c] for c in codes if c in found]
    if len(swvs) > MAX_SWVS:
        fouten.append(f"Vergelijk ten hoogste {MAX_SWVS} samenwerkingsverbanden tegelijk.")
    return Selection(swvs=swvs[:MAX_SWVS], codes=[s.code for s in swvs[:MAX_SWVS]], fouten=fouten)


def comparison(*, swvs: list[Samenwerkingsverband]) -> dict:
    """The context of the comparison page: columns, and per theme and topic one row per indicator."""
    columns = [Column(swv=s, naam=display_name(s), groep=peer_group(swv=s)) for s in swvs]
    per_swv = [{f.indicator.code: (f, peer) for f, peer in swv_figure_list(swv=s)} for s in swvs]
    sectors = sorted({s.sector for s in swvs})
    indicators: dict[str, Indicator] = {}
    for figures in per_swv:
        for code, (figure, _peer) in figures.items():
            indicators.setdefault(code, figure.indicator)
    themes = {key: Theme(key=key, titel=key.label) for key in THEME_ORDER}
    ordered = sorted(indicators.values(), key=lambda i: (THEME_ORDER.index(i.thema), i.volgorde))
    for indicator in ordered:
        cells = [Cell(*figures.get(indicator.code, (None, None))) for figures in per_swv]
        with_figure = [(s.sector, c.figure) for c, s in zip(cells, swvs, strict=True) if c.figure]
        by_sector = [(sector, next((f for s, f in with_figure if s == sector), None)) for sector in sectors]
        row = Row(indicator=indicator, cells=cells, sector_figures=by_sector)
        theme = themes[indicator.thema]
        if theme.topics and theme.topics[-1][0] == indicator.onderwerp:
            theme.topics[-1][1].append(row)
        else:
            theme.topics.append((indicator.onderwerp, [row]))
    return {
        "columns": columns,
        "sectors": sectors,
        "themes": [t for t in themes.values() if t.topics],
    }


def comparison_rows(*, swvs: list[Samenwerkingsverband]) -> list[dict]:
    """The comparison as a table: the current figure of every SWV, with sector and peer-group averages."""
    per_swv = []
    for swv in swvs:
        group = peer_group(swv=swv)
        # What the page shows (huidig); the other sector's figures (nvt) only where another selected SWV has them.
        current = [r for r in swv_rows(swv=swv, name=display_name(swv)) if r["huidig"]]
        per_swv.append((swv, [{**r, "vergelijkingsgroep": _group_text(group)} for r in current]))
    rows = []
    for swv, own in per_swv:
        rows += own
        # A figure of another selected SWV's sector does not apply here: 'nvt', not a missing value.
        seen = {r["indicator"] for r in own}
        for _other, other_rows in per_swv:
            for r in other_rows:
                if r["indicator"] in seen or r["sector"] == swv.sector:
                    continue
                seen.add(r["indicator"])
                rows.append(
                    {
                        **{k: r[k] for k in ("indicator", "label", "thema", "onderwerp", "eenheid", "bron")},
                        "peildatum_soort": r.get("peildatum_soort"),
                        "swv": swv.code,
                        "swv_naam": display_name(swv),
                        "sector": swv.sector,
                        "status": NIET_VAN_TOEPASSING,
                    }
                )
    return rows


COLUMNS_VERGELIJK = [
    "swv",
    "swv_naam",
    "sector",
    "indicator",
    "label",
    "thema",
    "onderwerp",
    "eenheid",
    "periode",
    "peildatum",
    "waarde",
    "tekst",
    "status",
    "fictief",
    "gemiddelde_sector",
    "gemiddelde_vergelijkbare_grootte",
    "vergelijkingsgroep",
    "bron",
    "peildatum_soort",
]


def _group_text(group: PeerGroup | None) -> str:
    if group is None:
        return ""
    return (
        f"{group.naam} van de samenwerkingsverbanden {group.sector} naar aantal leerlingen "
        f"({group.minimum:.0f} tot {group.maximum:.0f}; teldatum {group.point.peildatum.isoformat()})"
    )


def suggestions(*, swv: Samenwerkingsverband) -> list[tuple[Samenwerkingsverband, str]]:
    """SWV's to compare one SWV with: those of similar size in its sector, nearest in pupils first."""
    group = peer_group(swv=swv)
    if group is None:
        return []
    names = display_names()
    others = Samenwerkingsverband.objects.filter(pk__in=group.units).exclude(pk=swv.pk).order_by("code")
    return [(other, names.get(other.pk, other.code)) for other in others]


def swv_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The SWV's per sector for the selection form: [(sector label, [(code, name), ...]), ...]."""
    names = display_names()
    result = []
    for sector, label in Sector.choices:
        found = Samenwerkingsverband.objects.filter(sector=sector).only("pk", "code", "naam").order_by("code")
        result.append((label, [(s.code, f"{s.code_leesbaar} {names.get(s.pk, s.naam)}") for s in found]))
    return result
