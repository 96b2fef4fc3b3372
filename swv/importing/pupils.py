"""Pupils per school location (Leerlingtelling) and the SWV figures computed from them.

Every DUO pupil file stores its counts per vestiging; the SWV figures (pupils per soort, deelname
sbo/so/vso/pro) are then recomputed from all stored counts, so one file's import never leaves the
figures of another file's soort or year half updated, and importing the same files again changes nothing.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from swv.importing.values import percentage, replace_values, value_row
from swv.models import Indeling, Leerlingtelling, Postcodegebied, Samenwerkingsverband
from swv.services.sync import Changes, sync_rows

PO_SOORTEN = ("bo", "sbo", "so")
PO_INDICATORS = (
    "leerlingen_totaal",
    "leerlingen_bo",
    "leerlingen_sbo",
    "leerlingen_so",
    "leerlingen_bo_sbo",
    "deelname_sbo",
    "deelname_so",
    "aanbod_sbo",
    "aanbod_so",
)
VO_INDICATORS = (
    "leerlingen_totaal",
    "leerlingen_vo",
    "leerlingen_pro",
    "leerlingen_vso",
    "deelname_pro",
    "deelname_vso",
    "aanbod_vso",
    "aanbod_pro",
)
INDICATORS = tuple(dict.fromkeys(PO_INDICATORS + VO_INDICATORS))


class RegionFinder:
    """PC4 -> (PO SWV id, VO SWV id) in the indeling valid on a date (the newest one from before it).

    A date before every PC4 indeling has no valid indeling: its schools stay without SWV.
    """

    def __init__(self):
        self._by_indeling: dict[int, dict[str, tuple[int | None, int | None]]] = {}
        with_pc4 = Postcodegebied.objects.values_list("indeling_id", flat=True).distinct()
        self._indelingen = list(Indeling.objects.filter(pk__in=with_pc4).order_by("geldig_vanaf"))

    def indeling_on(self, day: dt.date) -> Indeling | None:
        valid = [i for i in self._indelingen if i.geldig_vanaf <= day]
        return valid[-1] if valid else None

    def swv_ids(self, day: dt.date, pc4: str) -> tuple[int | None, int | None]:
        indeling = self.indeling_on(day)
        if indeling is None or not pc4:
            return None, None
        table = self._by_indeling.get(indeling.pk)
        if table is None:
            rows = Postcodegebied.objects.filter(indeling=indeling).values_list("pc4", "po_swv_id", "vo_swv_id")
            table = self._by_indeling[indeling.pk] = {pc4: (po, vo) for pc4, po, vo in rows}
        return table.get(pc4, (None, None))

    def swv_for(self, day: dt.date, pc4: str, soort: str) -> int | None:
        po, vo = self.swv_ids(day, pc4)
        return po if soort in PO_SOORTEN else vo


def store_counts(*, bron: str, peildata: set[dt.date], desired: dict[tuple, dict], run) -> Changes:
    """Make the stored counts of this source for these teldata equal to `desired`, keyed (peildatum, brin6, soort)."""
    existing = {
        (t.peildatum, t.brin6, t.soort): t for t in Leerlingtelling.objects.filter(bron=bron, peildatum__in=peildata)
    }
    return sync_rows(Leerlingtelling, existing=existing, desired=desired, stamp={"import_run_id": run.pk})


def outside_regions_notice(desired: dict[tuple, dict]) -> list[str]:
    """Pupils on vestigingen whose postcode lies in no region of the indeling valid then (per soort and date)."""
    missing: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for (peildatum, _brin6, soort), row in desired.items():
        if row["swv_id"] is None:
            missing[(peildatum, soort)][0] += 1
            missing[(peildatum, soort)][1] += row["aantal"]
    return [
        f"{peildatum:%d-%m-%Y} {soort}: {schools} vestiging(en) met {pupils} leerlingen liggen in geen regio "
        "van de indeling die toen gold (postcode onbekend of niet ingedeeld); zij tellen niet mee bij een "
        "samenwerkingsverband"
        for (peildatum, soort), (schools, pupils) in sorted(missing.items())
    ]


def recompute_pupil_figures(*, run) -> Changes:
    """The SWV figures of every teldatum with stored counts, from the counts alone: pupils per soort,
    deelname, and the aanbod (how many vestigingen of each special kind lie in the region)."""
    totals: dict[tuple[int, dt.date], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    present: dict[dt.date, set[str]] = defaultdict(set)
    rows = Leerlingtelling.objects.order_by().values_list("swv_id", "peildatum", "soort", "aantal")
    for swv_id, peildatum, soort, aantal in rows:
        present[peildatum].add(soort)
        if swv_id is not None:
            totals[(swv_id, peildatum)][soort] += aantal
            # One row per vestiging, soort and teldatum: a row with pupils is one vestiging of that soort.
            totals[(swv_id, peildatum)][f"vestigingen_{soort}"] += 1 if aantal > 0 else 0
    desired: list[dict] = []
    for swv_id, sector in Samenwerkingsverband.objects.values_list("pk", "sector"):
        for peildatum, soorten in present.items():
            counts = totals.get((swv_id, peildatum), {})
            values = _po_values(counts, soorten) if sector == "PO" else _vo_values(counts, soorten)
            periode = peildatum.isoformat()
            desired.extend(value_row(code, periode, peildatum, value, swv_id=swv_id) for code, value in values.items())
    periods = {d.isoformat() for d in present}
    return replace_values(indicator_codes=INDICATORS, periods=periods, desired=desired, run=run)


def _po_values(counts: dict[str, int], soorten: set[str]) -> dict:
    if not {"bo", "sbo", "so"} <= soorten:
        return {}
    bo, sbo, so = counts.get("bo", 0), counts.get("sbo", 0), counts.get("so", 0)
    return {
        "leerlingen_totaal": bo + sbo + so,
        "leerlingen_bo": bo,
        "leerlingen_sbo": sbo,
        "leerlingen_so": so,
        "leerlingen_bo_sbo": bo + sbo,
        # The Vensters/DUO definition: special-school pupils per 100 pupils in bo and sbo together.
        "deelname_sbo": percentage(sbo, bo + sbo),
        "deelname_so": percentage(so, bo + sbo),
        "aanbod_sbo": counts.get("vestigingen_sbo", 0),
        "aanbod_so": counts.get("vestigingen_so", 0),
    }


def _vo_values(counts: dict[str, int], soorten: set[str]) -> dict:
    values: dict[str, int | Decimal | None] = {}
    if "vso" in soorten:
        values.update(leerlingen_vso=counts.get("vso", 0), aanbod_vso=counts.get("vestigingen_vso", 0))
    if {"vo", "pro"} <= soorten:
        vo = counts.get("vo", 0) + counts.get("pro", 0)
        pro = counts.get("pro", 0)
        values.update(
            leerlingen_vo=vo,
            leerlingen_pro=pro,
            deelname_pro=percentage(pro, vo),
            aanbod_pro=counts.get("vestigingen_pro", 0),
        )
        if "vso" in soorten:
            vso = counts.get("vso", 0)
            values.update(leerlingen_totaal=vo + vso, deelname_vso=percentage(vso, vo + vso))
    return values
