"""DUO open onderwijsdata: '02. Leerlingen bo in BRON' — bo pupils per vestiging WITH DUO's SWV code.

A title line ('WPO (BAO);Peildatum:;1-10-2016;…') sits above the header; the reader skips it and this
importer takes the teldatum from it. VESTIGINGSNUMMER is not zero-padded ('0', '1'). TOTAAL_GEW03 and
TOTAAL_GEW12 are the pupils with leerlinggewicht 0.3 and 1.2 (gewichtenleerlingen).

DUO's own SWV code is used for this file's figures (bo pupils and the share of gewichtenleerlingen per
SWV). It is compared with the SWV of the vestiging's location (its PC4 in the indeling valid on the
teldatum, the postcode from DUO's po pupil file of the same teldatum, else from the address file); the
vestigingen where the two differ are listed in the import report. PO0001, the national reformatory SWV,
has no region: its rows are reported and not stored.
"""

import datetime as dt
import re
from collections import defaultdict

from swv.figures import period_of
from swv.importing.base import Changes, Column, Source
from swv.importing.common import optional
from swv.importing.fields import parse_date
from swv.importing.problems import ProblemCollector, refusal, unknown_swv
from swv.importing.pupils import RegionFinder
from swv.importing.sources.duo_leerlingen_po import brin6
from swv.importing.values import percentage, replace_values, value_row
from swv.models import Leerlingtelling, Samenwerkingsverband, Vestiging

NON_REGIONAL = ("PO0001",)
INDICATORS = ("leerlingen_bo_bron", "gewichtenleerlingen_pct")
_TITLE_DATE = re.compile(r"^peildatum\s*:?\s*(.*?)\s*$", re.IGNORECASE)


class DuoLeerlingenBoBronSource(Source):
    key = "duo_leerlingen_bo_bron"
    label = "DUO leerlingen bo in BRON, met samenwerkingsverband en leerlinggewicht"
    publisher = "DUO, open onderwijsdata (leerlingen po zoals geregistreerd in BRON)"
    description = "De teldatum staat in de titelregel boven de kopregel (Peildatum: 1-10-2016)."
    columns = (
        Column("BRIN_NUMMER", "BRIN4 van de school", "00AP"),
        Column("VESTIGINGSNUMMER", "Volgnummer van de vestiging (0, 1, …)", "0"),
        optional("NAAM_INSTELLING", "Naam", "De Schanskorf"),
        Column(
            "SWV",
            "Samenwerkingsverband PO volgens DUO",
            "PO2817",
            type="swv_code",
            passthrough=NON_REGIONAL,
            sector="PO",
        ),
        Column("TOTAAL", "Alle ingeschreven bo-leerlingen", "80", type="count"),
        Column("TOTAAL_GEW03", "Leerlingen met gewicht 0,3", "0", type="count"),
        Column("TOTAAL_GEW12", "Leerlingen met gewicht 1,2", "0", type="count"),
    )
    unique = ("BRIN_NUMMER", "VESTIGINGSNUMMER")
    filename_patterns = ("*leerlingen-bo-in-bron*.csv",)
    after = ("duo_leerlingen_po",)

    def row_key(self, values):
        key = super().row_key(values)
        return None if key is None else (key[0].upper(), key[1].zfill(2))

    def load(self, rows, *, path, run, progress) -> Changes:
        peildatum = self._peildatum(path, getattr(rows, "title", []))
        periode, _ = period_of(peildatum, "teldatum")
        known = dict(Samenwerkingsverband.objects.filter(sector="PO").values_list("code", "pk"))
        collector = ProblemCollector(path.name)
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        per_school, skipped = {}, 0
        for row in progress(rows, desc=self.key):
            code = row["SWV"]
            if code in NON_REGIONAL:
                skipped += 1
                continue
            if code not in known:
                collector.add(row.number, "SWV", unknown_swv(code))
                continue
            cells = (row["TOTAAL"], row["TOTAAL_GEW03"], row["TOTAAL_GEW12"])
            if not all(isinstance(c, int) for c in cells):
                collector.add(row.number, "TOTAAL", "een afgeschermd aantal (<5) kan niet per regio worden opgeteld")
                continue
            totals[code][0] += cells[0]
            totals[code][1] += cells[1] + cells[2]
            per_school[brin6(row["BRIN_NUMMER"], row["VESTIGINGSNUMMER"])] = (code, row["NAAM_INSTELLING"] or "")
        collector.raise_if_any()
        desired = []
        for code, pk in known.items():
            pupils, weighted = totals.get(code, (None, 0))
            share = percentage(weighted, pupils)
            for indicator, value in zip(INDICATORS, (pupils, share), strict=True):
                desired.append(value_row(indicator, periode, peildatum, value, swv_id=pk))
        changes = replace_values(indicator_codes=INDICATORS, periods={periode}, desired=desired, run=run)
        if skipped:
            changes.notices.append(
                f"{skipped} vestiging(en) van {', '.join(NON_REGIONAL)} (landelijk, geen regio) overgeslagen"
            )
        changes.notices.extend(self._compare_with_location(per_school, peildatum, known))
        changes.rows_loaded = len(rows) - skipped
        return changes

    @staticmethod
    def _peildatum(path, title: list[list[str]]) -> dt.date:
        """The date after 'Peildatum' in the title lines, in the next cell or the same one ('Peildatum: 1-10-2016'),
        written in any of the ways a date is read."""
        for number, cells in enumerate(title, start=1):
            for index, cell in enumerate(cells):
                match = _TITLE_DATE.match(cell)
                if not match:
                    continue
                written = match.group(1) or next((c for c in cells[index + 1 :] if c), "")
                try:
                    return parse_date(written)
                except ValueError:
                    problem = f"de peildatum in de titelregel is geen datum als 1-10-2016 (gevonden {written!r})"
                    raise refusal(path.name, number, None, problem) from None
        problem = "de teldatum ('Peildatum: 1-10-2016') staat niet in een titelregel boven de kopregel"
        raise refusal(path.name, 1, None, problem)

    @staticmethod
    def _compare_with_location(per_school: dict, peildatum: dt.date, known: dict[str, int]) -> list[str]:
        """DUO's SWV per vestiging against the SWV of the region the vestiging lies in."""
        pc4s = dict(Leerlingtelling.objects.filter(peildatum=peildatum, soort="bo").values_list("brin6", "pc4"))
        addresses = dict(Vestiging.objects.filter(brin6__in=per_school).values_list("brin6", "pc4"))
        codes = {pk: code for code, pk in known.items()}
        regions = RegionFinder()
        differ, unknown = [], []
        for school, (duo_code, name) in sorted(per_school.items()):
            pc4 = pc4s.get(school) or addresses.get(school) or ""
            if not pc4:
                unknown.append(school)
                continue
            region = regions.swv_for(peildatum, pc4, "bo")
            located = codes.get(region) if region is not None else None
            if located != duo_code:
                differ.append(f"{school} {name} (PC4 {pc4}): DUO {duo_code}, ligging {located or 'geen regio'}")
        notices = []
        if differ:
            notices.append(
                f"{len(differ)} vestiging(en) waar DUO's samenwerkingsverband afwijkt van de ligging (hier telt "
                f"DUO's code): {'; '.join(differ)}"
            )
        if unknown:
            notices.append(
                f"{len(unknown)} vestiging(en) zonder bekende postcode, niet vergeleken met de ligging: "
                f"{', '.join(unknown[:40])}{' …' if len(unknown) > 40 else ''}"
            )
        return notices
