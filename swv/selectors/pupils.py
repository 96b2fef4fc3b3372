"""Reads of the pupil counts per vestiging (Leerlingtelling): what lies outside every region, and each
school's counts for the school-level open data.

A national pupil total on the site is the sum over the SWV's; DUO's own national total also counts the
vestigingen whose postcode lies in no region of the indeling valid on the teldatum. The difference is
exactly those vestigingen, and the pages and downloads state it with these rows.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from swv.models import Leerlingtelling

# Which DUO soorten make up each pupil-count indicator (by sector where the indicator is for both).
SECTOR_OF_SOORT = {"bo": "PO", "sbo": "PO", "so": "PO", "vo": "VO", "pro": "VO", "vso": "VO"}
SOORTEN_OF_INDICATOR = {
    ("PO", "leerlingen_totaal"): ("bo", "sbo", "so"),
    ("PO", "leerlingen_bo"): ("bo",),
    ("PO", "leerlingen_sbo"): ("sbo",),
    ("PO", "leerlingen_so"): ("so",),
    ("PO", "leerlingen_bo_sbo"): ("bo", "sbo"),
    ("VO", "leerlingen_totaal"): ("vo", "pro", "vso"),
    ("VO", "leerlingen_vo"): ("vo", "pro"),
    ("VO", "leerlingen_pro"): ("pro",),
    ("VO", "leerlingen_vso"): ("vso",),
}


@dataclass(frozen=True)
class OutsideRegions:
    """Pupils of some soorten on one teldatum: DUO's total, and the part on vestigingen outside every region."""

    sector: str
    peildatum: dt.date
    soorten: tuple[str, ...]
    totaal: int  # every pupil DUO counted (the sum of the published file)
    vestigingen: int  # vestigingen outside every region
    leerlingen: int  # their pupils

    @property
    def in_regios(self) -> int:
        """The national total the site shows: the sum over the SWV's."""
        return self.totaal - self.leerlingen


def _counts(bron: str | None = None) -> dict[tuple[dt.date, str], tuple[int, int, set[str]]]:
    """(peildatum, soort) -> (all pupils, pupils outside every region, vestigingen outside)."""
    rows = Leerlingtelling.objects.order_by()
    if bron:
        rows = rows.filter(bron=bron)
    found: dict[tuple[dt.date, str], list] = defaultdict(lambda: [0, 0, set()])
    for peildatum, soort, brin6, aantal, swv_id in rows.values_list("peildatum", "soort", "brin6", "aantal", "swv_id"):
        entry = found[(peildatum, soort)]
        entry[0] += aantal
        if swv_id is None and aantal > 0:
            entry[1] += aantal
            entry[2].add(brin6)
    return {key: (total, outside, schools) for key, (total, outside, schools) in found.items()}


def _combine(counts, *, sector: str, peildatum: dt.date, soorten: tuple[str, ...]) -> OutsideRegions | None:
    parts = [counts[(peildatum, soort)] for soort in soorten if (peildatum, soort) in counts]
    if len(parts) < len(soorten):  # a soort this teldatum has no file for: no total to state
        return None
    schools = set().union(*(p[2] for p in parts))
    return OutsideRegions(
        sector=sector,
        peildatum=peildatum,
        soorten=soorten,
        totaal=sum(p[0] for p in parts),
        vestigingen=len(schools),
        leerlingen=sum(p[1] for p in parts),
    )


def pupils_outside_regions(*, sector: str | None = None, bron: str | None = None) -> list[OutsideRegions]:
    """Per sector, teldatum and soort (in the order bo, sbo, so / vo, pro, vso), DUO's total and what lies
    outside every region; `bron` limits it to one importer's counts (its /bronnen/ row)."""
    counts = _counts(bron)
    result = []
    for soort, soort_sector in SECTOR_OF_SOORT.items():
        if sector and soort_sector != sector:
            continue
        for peildatum in sorted({d for d, s in counts if s == soort}):
            row = _combine(counts, sector=soort_sector, peildatum=peildatum, soorten=(soort,))
            if row is not None:  # always, for one soort of a teldatum it was counted on
                result.append(row)
    return sorted(result, key=lambda r: (r.sector, r.peildatum, list(SECTOR_OF_SOORT).index(r.soorten[0])))


def outside_by_indicator() -> dict[tuple[str, str, str], OutsideRegions]:
    """(sector, indicator code, periode) -> DUO's total and what lies outside every region, for the
    pupil-count indicators (the rows of the national download carry it next to the sum over the SWV's)."""
    counts = _counts()
    dates = sorted({d for d, _ in counts})
    result = {}
    for (sector, code), soorten in SOORTEN_OF_INDICATOR.items():
        for peildatum in dates:
            row = _combine(counts, sector=sector, peildatum=peildatum, soorten=soorten)
            if row is not None:
                result[(sector, code, peildatum.isoformat())] = row
    return result
