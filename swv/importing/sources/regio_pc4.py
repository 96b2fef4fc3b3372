"""Regeling regio-indeling samenwerkingsverbanden passend onderwijs: the bijlage by PC4 (2015 onwards).

Columns `pc4,gemeente,po_swv,vo_swv` (UTF-8, ','), one row per PC4. Gemeente names are those of the
regeling's year and are resolved to today's gemeenten. The literal value 'Europoort' (Rotterdam's port,
PC4 3197-3199) is not an SWV: it is reported and left without SWV.
"""

from collections import defaultdict
from typing import Any

from swv.importing.base import Changes, Column, Row, Source
from swv.importing.guards import refuse_large_loss
from swv.importing.indeling import check_codes, ensure_swvs, indeling_for_file, link_predecessors
from swv.importing.problems import ProblemCollector, listing
from swv.models import Postcodegebied, Samenwerkingsverband, SwvGemeente
from swv.selectors.gemeenten import GemeenteResolver
from swv.services.links import link_vestigingen
from swv.services.regions import regions_need_rebuild
from swv.services.sync import sync_rows

NOT_AN_SWV = ("Europoort",)


class RegioPc4Source(Source):
    key = "regio_pc4"
    label = "Regio-indeling samenwerkingsverbanden per postcode (PC4)"
    publisher = "Ministerie van OCW, Regeling regio-indeling (BWBR0032324), bijlage"
    description = "De datum waarop de indeling geldt, staat in de bestandsnaam (…_2015-04-23.csv)."
    columns = (
        Column("pc4", "Postcodegebied (vier cijfers)", "1011", type="pc4", aliases=("postcode", "pc")),
        Column("gemeente", "Gemeente zoals de regeling die noemt", "Amsterdam"),
        *(
            Column(
                f"{sector.lower()}_swv",
                f"Samenwerkingsverband {sector}",
                example,
                type="swv_code",
                aliases=(sector.lower(), f"swv {sector.lower()}", f"samenwerkingsverband {sector.lower()}"),
                passthrough=NOT_AN_SWV,
                sector=sector,
            )
            for sector, example in (("PO", "PO2707"), ("VO", "VO2708"))
        ),
    )
    filename_patterns = ("*pc4*indeling*.csv", "*indeling*pc4*.csv")
    after = ("cbs_gemeentegrenzen", "duo_vestigingen_bo", "duo_vestigingen_vo")

    def load(self, rows, *, path, run, progress) -> Changes:
        indeling = indeling_for_file(path)
        collector = ProblemCollector(path.name)
        declared = check_codes(
            rows, columns={"po_swv": "PO", "vo_swv": "VO"}, collector=collector, run=run, skip=NOT_AN_SWV
        )
        resolver = GemeenteResolver()
        first_row: dict[str, Row] = {}
        resolutions = {}
        for row in rows:
            pc4 = row["pc4"]
            earlier = first_row.setdefault(pc4, row)
            if earlier is not row:
                same = (earlier["po_swv"], earlier["vo_swv"]) == (row["po_swv"], row["vo_swv"])
                collector.add(
                    row.number,
                    "pc4",
                    f"PC4 {pc4} staat al op rij {earlier.number}"
                    + (
                        ""
                        if same
                        else f" bij {earlier['po_swv']}/{earlier['vo_swv']}; een postcodegebied hoort per "
                        "sector bij één samenwerkingsverband"
                    ),
                )
            resolution = resolver.resolve(row["gemeente"], pc4=pc4)
            if resolution.gemeente is None:
                collector.add(row.number, "gemeente", f"onbekende gemeente {row['gemeente']!r}")
            resolutions[row.number] = resolution
        collector.raise_if_any()
        codes = {row[c] for row in rows for c in ("po_swv", "vo_swv") if row[c] not in NOT_AN_SWV}
        swv_ids, changes = ensure_swvs(codes, valid_from=indeling.geldig_vanaf)
        link_predecessors(declared)
        skipped, approximate = [], []
        desired = {}
        for row in progress(rows, desc=self.key):
            pc4 = row["pc4"]
            resolution = resolutions[row.number]
            if resolution.benaderd and resolution.gemeente is not None:
                approximate.append(f"{pc4} ({row['gemeente']} → {resolution.gemeente.naam})")
            if row["po_swv"] in NOT_AN_SWV or row["vo_swv"] in NOT_AN_SWV:
                skipped.append(f"{pc4} ({row['po_swv']})")
            desired[pc4] = {
                "indeling_id": indeling.pk,
                "pc4": pc4,
                "gemeente_bron": row["gemeente"],
                "gemeente_id": resolution.gemeente.pk if resolution.gemeente else None,
                "po_swv_id": swv_ids.get(row["po_swv"]),
                "vo_swv_id": swv_ids.get(row["vo_swv"]),
            }
        existing = {p.pc4: p for p in Postcodegebied.objects.filter(indeling=indeling)}
        what = f"postcodegebieden van de indeling van {indeling.geldig_vanaf:%d-%m-%Y}"
        refuse_large_loss(existing, desired, file=path.name, what=what, run=run)
        code_of = {pk: code for code, pk in swv_ids.items()} | dict(
            Samenwerkingsverband.objects.values_list("pk", "code")
        )

        def swvs_of(pc4: str) -> tuple[str, ...]:
            old, new = existing.get(pc4), desired.get(pc4, {})
            ids = {new.get("po_swv_id"), new.get("vo_swv_id")}
            if old is not None:
                ids |= {old.po_swv_id, old.vo_swv_id}
            return tuple(sorted(code_of[i] for i in ids if i is not None)) or ("zonder samenwerkingsverband",)

        changes.add(
            sync_rows(
                Postcodegebied, existing=existing, desired=desired, stamp={"import_run_id": run.pk}, unit_of=swvs_of
            )
        )
        changes.add(self._sync_relations(indeling, desired.values(), run))
        changes.add(link_vestigingen())
        if skipped:
            changes.notices.append(f"geen samenwerkingsverband, overgeslagen: {listing(skipped)}")
        if approximate:
            changes.notices.append(f"PC4 van een gesplitste gemeente benaderd: {listing(approximate)}")
        changes.add(regions_need_rebuild())
        changes.rows_loaded = len(rows)
        return changes

    @staticmethod
    def _sync_relations(indeling, areas, run) -> Changes:
        """The SWV-gemeente relation follows from the PC4s; a gemeente over several SWV's is split."""
        groups: dict[tuple, dict[str, Any]] = defaultdict(lambda: {"pc4s": [], "bron": set()})
        for area in areas:
            if area["gemeente_id"] is None:
                continue
            for sector, field in (("PO", "po_swv_id"), ("VO", "vo_swv_id")):
                if area[field] is not None:
                    group = groups[(sector, area[field], area["gemeente_id"])]
                    group["pc4s"].append(area["pc4"])
                    group["bron"].add(area["gemeente_bron"])
        swvs_per_gemeente = defaultdict(set)
        for sector, swv_id, gemeente_id in groups:
            swvs_per_gemeente[(sector, gemeente_id)].add(swv_id)
        desired = {}
        for (sector, swv_id, gemeente_id), group in groups.items():
            split = len(swvs_per_gemeente[(sector, gemeente_id)]) > 1
            bron = ", ".join(sorted(group["bron"]))
            desired[(swv_id, gemeente_id, bron)] = {
                "indeling_id": indeling.pk,
                "sector": sector,
                "swv_id": swv_id,
                "gemeente_id": gemeente_id,
                "gemeente_bron": bron,
                "deel": SwvGemeente.Deel.ALLEEN if split else SwvGemeente.Deel.GEHEEL,
                "postcodes": ",".join(sorted(group["pc4s"])),
                "gesplitst": split,
            }
        existing = {
            (r.swv_id, r.gemeente_id, r.gemeente_bron): r for r in SwvGemeente.objects.filter(indeling=indeling)
        }
        return sync_rows(SwvGemeente, existing=existing, desired=desired, stamp={"import_run_id": run.pk})
