"""DUO open onderwijsdata: pupils per po vestiging by soort (Bo, Sbo, So, Vso) on one teldatum.

Two DUO products carry these counts and are read alike: '01. Leerlingen po per onderwijssoort, cluster en
leeftijd' (TOTAAL) and '05. Gemiddelde afstand tussen woonadres leerling en schoolvestiging' (LEERLINGEN;
the same counts, the only 2019 copy). ISO-8859-1, ';', PEILDATUM as 20151001, GEMEENTENUMMER padded
(' 285'). POSTCODE_VESTIGING is in the file itself: the vestiging's PC4 gives the SWV of the indeling valid
on the teldatum (bo, sbo and so the PO SWV, vso the VO SWV). A file may hold one or more teldata; each is
replaced as a whole (DUO publishes every vestiging of the country).
"""

from swv.importing.base import Changes, Column, Source
from swv.importing.common import optional
from swv.importing.problems import ProblemCollector
from swv.importing.pupils import RegionFinder, outside_regions_notice, recompute_pupil_figures, store_counts

SOORTEN = {"Bo": "bo", "Sbo": "sbo", "So": "so", "Vso": "vso"}


def brin6(brin: str, vestigingsnummer: str) -> str:
    """DUO writes the vestigingsnummer as '00', '0' or '1': BRIN6 is the BRIN4 and two digits."""
    return f"{brin.strip().upper()}{vestigingsnummer.strip().zfill(2)}"


class DuoLeerlingenPoSource(Source):
    key = "duo_leerlingen_po"
    label = "DUO leerlingen po per vestiging en soort (bo, sbo, so, vso)"
    publisher = "DUO, open onderwijsdata (leerlingen primair onderwijs)"
    description = (
        "Bestand '01. Leerlingen po per onderwijssoort, cluster en leeftijd' of '05. Gemiddelde afstand "
        "tussen woonadres leerling en schoolvestiging' van DUO: één rij per vestiging en soort."
    )
    columns = (
        Column("PEILDATUM", "Teldatum (1 oktober)", "20161001", type="date"),
        Column("BRIN_NUMMER", "BRIN4 van de school", "00AP"),
        Column("VESTIGINGSNUMMER", "Volgnummer van de vestiging", "00"),
        optional("INSTELLINGSNAAM_VESTIGING", "Naam van de vestiging", "De Schanskorf"),
        Column("POSTCODE_VESTIGING", "Postcode van de vestiging", "2715BT", blank=True),
        Column("SOORT_PO", "Onderwijssoort: Bo, Sbo, So of Vso", "Bo", choices=tuple(SOORTEN)),
        Column("TOTAAL", "Aantal leerlingen", "80", type="count", aliases=("LEERLINGEN",)),
    )
    filename_patterns = ("*leerlingen-po*.csv", "*afstand*woonadres*.csv")
    after = ("regio_pc4", "duo_vestigingen_bo", "leerlingen")

    def load(self, rows, *, path, run, progress) -> Changes:
        collector = ProblemCollector(path.name)
        regions = RegionFinder()
        desired: dict[tuple, dict] = {}
        seen: dict[tuple, int] = {}
        for row in progress(rows, desc=self.key):
            soort = SOORTEN[row["SOORT_PO"]]
            code = brin6(row["BRIN_NUMMER"], row["VESTIGINGSNUMMER"])
            key = (row["PEILDATUM"], code, soort)
            if key in seen:
                message = f"dubbele rij: {code} {row['SOORT_PO']} staat al op rij {seen[key]}"
                collector.add(row.number, "SOORT_PO", message)
                continue
            seen[key] = row.number
            if row["TOTAAL"] is not None and not isinstance(row["TOTAAL"], int):
                collector.add(row.number, "TOTAAL", "een afgeschermd aantal (<5) kan niet per regio worden opgeteld")
                continue
            pc4 = (row["POSTCODE_VESTIGING"] or "")[:4]
            pc4 = pc4 if pc4.isdigit() else ""
            desired[key] = {
                "bron": self.key,
                "peildatum": row["PEILDATUM"],
                "brin6": code,
                "naam": row["INSTELLINGSNAAM_VESTIGING"] or "",
                "soort": soort,
                "aantal": row["TOTAAL"],
                "pc4": pc4,
                "swv_id": regions.swv_for(row["PEILDATUM"], pc4, soort),
            }
        collector.raise_if_any()
        peildata = {key[0] for key in desired}
        changes = store_counts(bron=self.key, peildata=peildata, desired=desired, run=run)
        changes.add(recompute_pupil_figures(run=run))
        changes.notices.extend(outside_regions_notice(desired))
        changes.rows_loaded = len(desired)
        return changes
