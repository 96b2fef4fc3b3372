"""Regeling regio-indeling samenwerkingsverbanden passend onderwijs: bijlage 1 (PO) and 2 (VO) by gemeente.

Columns `sector,swv_code,gemeente_omschrijving[,swv_cel_origineel]`. A gemeente split over SWV's says so
in free text: 'Staphorst (postcodes 7951 en 7955)', 'Zwartewaterland (m.u.v. postcode 8064)'.
"""

import re
from collections import defaultdict

from swv.importing.base import Changes, Column, Source
from swv.importing.common import optional
from swv.importing.guards import refuse_large_loss
from swv.importing.indeling import check_codes, ensure_swvs, indeling_for_file, link_predecessors
from swv.importing.problems import ProblemCollector
from swv.models import SwvGemeente
from swv.selectors.gemeenten import GemeenteResolver
from swv.services.regions import regions_need_rebuild
from swv.services.sync import sync_rows

_RESTRICTION = re.compile(r"^(?P<naam>.*?)\s*\((?P<soort>m\.?\s*u\.?\s*v\.?|postcodes?)\s*(?P<rest>.*)\)\s*$", re.I)


def parse_omschrijving(text: str) -> tuple[str, str, list[str]]:
    """'Rheden (m.u.v. postcodes 6881, 6882)' -> ('Rheden', 'behalve', ['6881', '6882'])."""
    match = _RESTRICTION.match(text)
    if not match:
        return text.strip(), SwvGemeente.Deel.GEHEEL, []
    postcodes = re.findall(r"\b\d{4}\b", match.group("rest"))
    kind = SwvGemeente.Deel.BEHALVE if match.group("soort").lower().startswith("m") else SwvGemeente.Deel.ALLEEN
    return match.group("naam").strip(), kind, postcodes


class RegioGemeenteSource(Source):
    key = "regio_gemeente"
    label = "Regio-indeling samenwerkingsverbanden per gemeente"
    publisher = "Ministerie van OCW, Regeling regio-indeling (BWBR0032324), bijlagen 1 en 2"
    description = "De datum waarop de indeling geldt, staat in de bestandsnaam (…_2013-10-01.csv)."
    columns = (
        Column("sector", "PO (bijlage 1) of VO (bijlage 2)", "PO", choices=("PO", "VO")),
        Column(
            "swv_code",
            "Samenwerkingsverband",
            "PO2001",
            type="swv_code",
            aliases=("swv", "samenwerkingsverband", "code"),
        ),
        Column(
            "gemeente_omschrijving",
            "Gemeente, eventueel met '(postcodes …)' of '(m.u.v. postcodes …)'",
            "Staphorst (postcodes 7951 en 7955)",
            aliases=("gemeente",),
        ),
        optional("swv_cel_origineel", "De cel zoals in de regeling (--- = idem)", "---"),
    )
    unique = ("sector", "gemeente_omschrijving")
    filename_patterns = ("*gemeente*indeling*.csv", "*indeling*gemeente*.csv")
    after = ("regio_pc4",)

    def check_row(self, values, number, collector) -> None:
        code, sector = values["swv_code"], values["sector"]
        if code and sector and code[:2] != sector:
            collector.add(number, "swv_code", f"{code} is een code van {code[:2]}, deze kolom is voor {sector}")

    def load(self, rows, *, path, run, progress) -> Changes:
        collector = ProblemCollector(path.name)
        indeling = indeling_for_file(path)
        declared: dict[str, str] = {}
        for sector in ("PO", "VO"):
            declared |= check_codes(
                [row for row in rows if row["sector"] == sector],
                columns={"swv_code": sector},
                collector=collector,
                run=run,
            )
        resolver = GemeenteResolver()
        resolved = []
        for row in rows:
            name, kind, postcodes = parse_omschrijving(row["gemeente_omschrijving"])
            resolution = resolver.resolve(name)
            if not resolution.gemeenten:
                collector.add(row.number, "gemeente_omschrijving", f"onbekende gemeente {name!r}")
            resolved.append((row, resolution, kind, postcodes))
        collector.raise_if_any()
        swv_ids, changes = ensure_swvs({row["swv_code"] for row in rows}, valid_from=indeling.geldig_vanaf)
        link_predecessors(declared)
        entries = []
        for row, resolution, kind, postcodes in progress(resolved, desc=self.key):
            for gemeente in resolution.gemeenten:
                deel = SwvGemeente.Deel.ALLEEN if resolution.deels and kind == SwvGemeente.Deel.GEHEEL else kind
                entries.append((row, gemeente, deel, postcodes))
        swvs_per_gemeente = defaultdict(set)
        for row, gemeente, _deel, _pcs in entries:
            swvs_per_gemeente[(row["sector"], gemeente.pk)].add(row["swv_code"])
        desired = {}
        for row, gemeente, deel, postcodes in entries:
            swv_id = swv_ids[row["swv_code"]]
            desired[(swv_id, gemeente.pk, row["gemeente_omschrijving"])] = {
                "indeling_id": indeling.pk,
                "sector": row["sector"],
                "swv_id": swv_id,
                "gemeente_id": gemeente.pk,
                "gemeente_bron": row["gemeente_omschrijving"],
                "deel": deel,
                "postcodes": ",".join(postcodes),
                "gesplitst": len(swvs_per_gemeente[(row["sector"], gemeente.pk)]) > 1,
            }
        existing = {
            (r.swv_id, r.gemeente_id, r.gemeente_bron): r for r in SwvGemeente.objects.filter(indeling=indeling)
        }
        what = f"gemeenten van de indeling van {indeling.geldig_vanaf:%d-%m-%Y}"
        refuse_large_loss(existing, desired, file=path.name, what=what, run=run)
        changes.add(sync_rows(SwvGemeente, existing=existing, desired=desired, stamp={"import_run_id": run.pk}))
        changes.add(regions_need_rebuild())
        changes.rows_loaded = len(rows)
        return changes
