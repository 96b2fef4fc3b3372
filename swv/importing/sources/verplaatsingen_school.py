"""Verplaatsingen per school (template): pupils of a vestiging that moved to another school during the school
year from the teldatum, with the vestiging's pupils, one row per vestiging per teldatum.

Stored per school (Schoolcijfer, the catalogue's niveau 'vestiging') and summed to the SWV of each school:
the SWV's 'verplaatsingen' is all moved pupils over all pupils of its schools that delivered a row. A file
changes only the schools it has rows for (and the SWV totals they take part in).
"""

from collections import defaultdict
from decimal import Decimal

from swv.figures import period_of
from swv.importing.base import Changes, Column, Source
from swv.importing.common import TELDATUM_COLUMN
from swv.importing.problems import ProblemCollector, listing
from swv.importing.values import percentage, replace_values, value_row
from swv.models import Indicator, Schoolcijfer, Vestiging
from swv.services.sync import sync_rows

SCHOOL_INDICATOR = "verplaatsingen_school"
SWV_INDICATOR = "verplaatsingen"


def _brin6(raw: str) -> str:
    return raw.replace(" ", "").upper()


class VerplaatsingenSchoolSource(Source):
    key = "verplaatsingen_school"
    label = "Verplaatsingen per school"
    publisher = "Samenwerkingsverband of DUO, onderwijsloopbanen"
    description = (
        "Eén rij per vestiging (BRIN6) per teldatum: leerlingen en hoeveel daarvan naar een andere school gingen."
    )
    columns = (
        Column(
            "brin6",
            "BRIN6 van de vestiging (BRIN4 en volgnummer)",
            "16AH00",
            aliases=("vestiging", "vestigingsnummer", "brin6 vestiging", "vestigingscode"),
        ),
        TELDATUM_COLUMN,
        Column("leerlingen", "Leerlingen op de teldatum", "245", type="count", aliases=("aantal leerlingen",)),
        Column(
            "verplaatst",
            "Leerlingen die in het schooljaar naar een andere school gingen",
            "4",
            type="count",
            aliases=("verplaatste leerlingen", "verplaatsingen"),
            indicator=SCHOOL_INDICATOR,
        ),
    )
    filename_patterns = ("verplaatsingen*.csv", "verplaatsingen*.xlsx")
    after = ("regio_pc4", "leerlingen")
    template = True

    def load(self, rows, *, path, run, progress) -> Changes:
        collector = ProblemCollector(path.name)
        swv_of = dict(Vestiging.objects.values_list("brin6", "swv_id"))
        indicator = Indicator.objects.get(code=SCHOOL_INDICATOR)
        desired: dict[tuple, dict] = {}
        seen: dict[tuple, int] = {}
        for row in progress(rows, desc=self.key):
            brin6 = _brin6(row["brin6"])
            periode, peildatum = period_of(row["teldatum"], "teldatum")
            if brin6 not in swv_of:
                collector.add(row.number, "brin6", f"onbekende vestiging {brin6} (niet in DUO's adressenbestanden)")
                continue
            if (brin6, periode) in seen:
                collector.add(
                    row.number, "brin6", f"dubbele rij: {brin6} {periode} staat al op rij {seen[(brin6, periode)]}"
                )
                continue
            seen[(brin6, periode)] = row.number
            pupils, moved = row["leerlingen"], row["verplaatst"]
            if not isinstance(pupils, int) or not isinstance(moved, int):
                collector.add(
                    row.number, "verplaatst", "per school zijn gewone aantallen nodig (geen <5): ze worden opgeteld"
                )
                continue
            if moved > pupils:
                collector.add(row.number, "verplaatst", f"meer verplaatst ({moved}) dan leerlingen ({pupils})")
                continue
            desired[(indicator.pk, brin6, periode)] = {
                "indicator_id": indicator.pk,
                "brin6": brin6,
                "periode": periode,
                "peildatum": peildatum,
                "teller": moved,
                "noemer": pupils,
                "getal": (Decimal(moved * 100) / Decimal(pupils)).quantize(Decimal("0.0001")) if pupils else None,
            }
        collector.raise_if_any()
        periods = {key[2] for key in desired}
        existing = {
            (c.indicator_id, c.brin6, c.periode): c
            for c in Schoolcijfer.objects.filter(
                indicator=indicator, periode__in=periods, brin6__in={k[1] for k in desired}
            )
        }
        changes = sync_rows(Schoolcijfer, existing=existing, desired=desired, stamp={"import_run_id": run.pk})
        affected = {swv_of[key[1]] for key in desired} - {None}
        changes.add(self._sum_per_swv(indicator, periods, affected, swv_of, run=run, file=path.name))
        unlinked = sorted(key[1] for key in desired if swv_of[key[1]] is None)
        if unlinked:
            changes.notices.append(f"vestiging(en) in geen regio, niet opgeteld: {listing(unlinked)}")
        changes.rows_loaded = len(desired)
        return changes

    @staticmethod
    def _sum_per_swv(indicator, periods, affected, swv_of, *, run, file) -> Changes:
        """Each affected SWV's verplaatsingen: moved over pupils of all its schools with a stored row."""
        totals: dict[tuple[int, str], list] = defaultdict(lambda: [0, 0, None])
        stored = Schoolcijfer.objects.filter(indicator=indicator, periode__in=periods)
        for brin6, periode, peildatum, moved, pupils in stored.values_list(
            "brin6", "periode", "peildatum", "teller", "noemer"
        ):
            swv = swv_of.get(brin6)
            if swv in affected:
                total = totals[(swv, periode)]
                total[0], total[1], total[2] = total[0] + moved, total[1] + pupils, peildatum
        desired = [
            value_row(SWV_INDICATOR, periode, peildatum, percentage(moved, pupils), swv_id=swv)
            for (swv, periode), (moved, pupils, peildatum) in totals.items()
        ]
        return replace_values(
            indicator_codes=[SWV_INDICATOR],
            periods=periods,
            desired=desired,
            run=run,
            units={"swv_id": affected},
            file=file,
        )
