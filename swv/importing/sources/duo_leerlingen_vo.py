"""DUO open onderwijsdata: '01. Leerlingen vo per vestiging naar onderwijstype' (one year per file).

One row per vestiging and opleiding, pupils per leer- of verblijfsjaar 1-6 and sex. The file has no
teldatum column and no postcode: the year in the file name is the year of the teldatum (1 October;
'…-2019.csv' is 1-10-2019), and a vestiging's location comes from DUO's address file of vo vestigingen
(Vestiging), whose PC4 gives the VO SWV of the indeling valid on the teldatum. Praktijkonderwijs is
ONDERWIJSTYPE 'Praktijkonderwijs alle vj'; lwoo cannot be read from this file ('Lw' in OPLEIDINGSNAAM is
the leerweg).
"""

import datetime as dt
import re
from collections import defaultdict

from swv.importing.base import Changes, Column, Source
from swv.importing.common import optional
from swv.importing.problems import ProblemCollector, refusal
from swv.importing.pupils import RegionFinder, outside_regions_notice, recompute_pupil_figures, store_counts
from swv.importing.sources.duo_leerlingen_po import brin6
from swv.models import Vestiging

YEARS = range(1, 7)
COUNT_COLUMNS = tuple(f"LEER- OF VERBLIJFSJAAR {year} - {sex}" for year in YEARS for sex in ("MAN", "VROUW"))
PRO = "praktijkonderwijs"


class DuoLeerlingenVoSource(Source):
    key = "duo_leerlingen_vo"
    label = "DUO leerlingen vo per vestiging naar onderwijstype"
    publisher = "DUO, open onderwijsdata (leerlingen voortgezet onderwijs)"
    description = "Het jaar van de teldatum (1 oktober) staat in de bestandsnaam (…-2019.csv)."
    columns = (
        Column("BRIN NUMMER", "BRIN4 van de school", "00AH"),
        Column("VESTIGINGSNUMMER", "Volgnummer van de vestiging", "00"),
        optional("INSTELLINGSNAAM VESTIGING", "Naam van de vestiging", "Stedelijk Lyceum"),
        Column(
            "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR",
            "Onderwijstype, bijvoorbeeld 'Praktijkonderwijs alle vj'",
            "HAVO lj 4-5",
        ),
        optional("ELEMENTCODE", "DUO's code van de opleiding (met het onderwijstype de sleutel van een rij)", "371"),
        *(Column(name, "Leerlingen in dit jaar (man/vrouw)", "12", type="count", blank=True) for name in COUNT_COLUMNS),
    )
    unique = ("BRIN NUMMER", "VESTIGINGSNUMMER", "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR", "ELEMENTCODE")
    filename_patterns = ("*leerlingen-vo*vestiging*.csv",)
    after = ("regio_pc4", "duo_vestigingen_vo", "leerlingen")

    def row_key(self, values):
        key = super().row_key(values)
        return None if key is None else (key[0].upper(), key[1].zfill(2), *key[2:])

    def load(self, rows, *, path, run, progress) -> Changes:
        year = re.search(r"(19|20)\d{2}", path.stem)
        if not year:
            raise refusal(path.name, None, None, "het jaar van de teldatum staat niet in de bestandsnaam")
        peildatum = dt.date(int(year.group(0)), 10, 1)
        collector = ProblemCollector(path.name)
        counts: dict[tuple[str, str], int] = defaultdict(int)
        names: dict[str, str] = {}
        for row in progress(rows, desc=self.key):
            cells = [row[c] for c in COUNT_COLUMNS]
            if any(c is not None and not isinstance(c, int) for c in cells):
                collector.add(row.number, None, "een afgeschermd aantal (<5) kan niet per regio worden opgeteld")
                continue
            code = brin6(row["BRIN NUMMER"], row["VESTIGINGSNUMMER"])
            soort = "pro" if row["ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR"].lower().startswith(PRO) else "vo"
            counts[(code, soort)] += sum(c or 0 for c in cells)
            names[code] = row["INSTELLINGSNAAM VESTIGING"] or ""
        collector.raise_if_any()
        pc4s = dict(Vestiging.objects.filter(brin6__in=names).values_list("brin6", "pc4"))
        regions = RegionFinder()
        desired = {}
        for (code, soort), aantal in counts.items():
            pc4 = pc4s.get(code, "")
            desired[(peildatum, code, soort)] = {
                "bron": self.key,
                "peildatum": peildatum,
                "brin6": code,
                "naam": names[code],
                "soort": soort,
                "aantal": aantal,
                "pc4": pc4,
                "swv_id": regions.swv_for(peildatum, pc4, soort),
            }
        changes = store_counts(bron=self.key, peildata={peildatum}, desired=desired, run=run)
        changes.add(recompute_pupil_figures(run=run))
        unknown = sorted(code for code in names if code not in pc4s)
        if unknown:
            changes.notices.append(
                f"{len(unknown)} vestiging(en) staan niet in DUO's adressenbestand vo (geen postcode, dus geen "
                f"regio): {', '.join(unknown[:40])}{' …' if len(unknown) > 40 else ''}"
            )
        changes.notices.extend(outside_regions_notice(desired))
        changes.rows_loaded = len(rows)
        return changes
