"""Peer groups: the SWV's of similar size within a sector, so a figure can be read next to its equals.

An SWV's peer group is its pupil quartile within its sector: the SWV's ranked by their own latest
leerlingen_totaal and cut into four groups of (nearly) equal size. The group's figures are built
with the same mechanism as the sector's (swv.figures.series), over the group's SWV's only.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from swv.figures.comparisons import SwvFigure, swv_figure
from swv.figures.series import Figures, Point, build_figures, cached_figures, sector_figures
from swv.models import Samenwerkingsverband

SIZE_INDICATOR = "leerlingen_totaal"
GROUPS = 4
GROUP_NAMES = (
    "het kleinste kwart",
    "het tweede kwart",
    "het derde kwart",
    "het grootste kwart",
)


@dataclass(frozen=True)
class PeerGroup:
    """One pupil quartile of one sector: which SWV's, their pupil range and the teldatum used."""

    sector: str
    kwartiel: int  # 1 (smallest) .. 4 (largest)
    units: tuple[int, ...]
    minimum: float
    maximum: float
    point: Point  # a point of the teldatum the grouping is based on (for its peildatum)

    @property
    def naam(self) -> str:
        return GROUP_NAMES[self.kwartiel - 1]

    @property
    def size(self) -> int:
        return len(self.units)


def _groups(sector: str) -> dict[int, PeerGroup]:
    series = sector_figures(sector=sector).series.get(SIZE_INDICATOR)
    if series is None:
        return {}
    # Every SWV with a pupil count is grouped by its own latest count, so a group never goes empty
    # when a few SWV's deliver a newer teldatum before the others.
    sizes = [(p.getal, unit, p) for unit, p in series.current.items() if p.geleverd and p.getal is not None]
    if len(sizes) < GROUPS:
        return {}
    codes = dict(Samenwerkingsverband.objects.filter(pk__in=[u for _, u, _ in sizes]).values_list("pk", "code"))
    sizes.sort(key=lambda row: (row[0], codes.get(row[1], "")))
    n = len(sizes)
    members: dict[int, list[tuple[float, int, Point]]] = {k: [] for k in range(1, GROUPS + 1)}
    for rank, row in enumerate(sizes):
        members[rank * GROUPS // n + 1].append(row)
    result = {}
    for kwartiel, rows in members.items():
        group = PeerGroup(
            sector=sector,
            kwartiel=kwartiel,
            units=tuple(sorted(unit for _, unit, _ in rows)),
            minimum=rows[0][0],
            maximum=rows[-1][0],
            point=_common_point([row[2] for row in rows]),
        )
        for unit in group.units:
            result[unit] = group
    return result


def _common_point(points: list[Point]) -> Point:
    """The teldatum most members' counts are from (the one the page names)."""
    counts = Counter(p.periode for p in points)
    periode = max(counts, key=lambda k: (counts[k], k))
    return next(p for p in points if p.periode == periode)


def peer_groups(*, sector: str) -> dict[int, PeerGroup]:
    """SWV id -> its peer group, for every SWV of the sector with a pupil count on the latest teldatum."""
    return cached_figures(f"peer-groups:{sector}", lambda: _groups(sector))


def peer_group(*, swv: Samenwerkingsverband) -> PeerGroup | None:
    return peer_groups(sector=swv.sector).get(swv.pk)


def _peer_figures(sector: str, units: tuple[int, ...]) -> Figures:
    figures = sector_figures(sector=sector)
    wanted = set(units)
    points = {
        code: {unit: list(pts) for unit, pts in series.per_unit.items() if unit in wanted}
        for code, series in figures.series.items()
    }
    indicators = [series.indicator for series in figures.series.values()]
    return build_figures(indicators, list(units), points)


def peer_figures(*, group: PeerGroup) -> Figures:
    """Every figure of the sector, aggregated over the peer group's SWV's only."""
    return cached_figures(
        f"peer-figures:{group.sector}:{group.kwartiel}", lambda: _peer_figures(group.sector, group.units)
    )


def peer_swv_figures(*, swv: Samenwerkingsverband) -> dict[str, SwvFigure]:
    """Indicator code -> the SWV's figure compared with its peer group (empty without a peer group)."""
    group = peer_group(swv=swv)
    if group is None:
        return {}
    figures = peer_figures(group=group)
    return {
        code: swv_figure(figures=figures, series=series, swv_id=swv.pk, sector=swv.sector)
        for code, series in figures.series.items()
    }


def member_codes(*, group: PeerGroup) -> list[str]:
    return list(Samenwerkingsverband.objects.filter(pk__in=group.units).order_by("code").values_list("code", flat=True))


def attach_peer_figures(*, swv: Samenwerkingsverband, figures: Iterable[SwvFigure]) -> None:
    """Give each figure of an SWV page its counterpart against the peer group (figure.peer), computing only
    those asked for (a page asks for the few it shows at once)."""
    group = peer_group(swv=swv)
    peers = peer_figures(group=group) if group is not None else Figures(series={})
    for figure in figures:
        series = peers.series.get(figure.indicator.code)
        figure.peer = swv_figure(figures=peers, series=series, swv_id=swv.pk, sector=swv.sector) if series else None
