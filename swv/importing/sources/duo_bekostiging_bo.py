"""DUO open onderwijsdata: '03. Personele bekostiging bo' — the personnel funding (lumpsum) per bo school.

One row per BRIN (no vestiging) for one schooljaar, counted on the teldatum of the year before
(PEILDATUM 20141001 funds schooljaar 2015-2016). CR-only line ends and amounts with '.' thousands and
',' decimals ('148.099,21'). Stored as the national total of TOTAAL: the real part of the home page's
funding picture. Per SWV it cannot be split honestly: a school's vestigingen may lie in two regions.
"""

from decimal import Decimal

from swv.figures import period_of
from swv.importing.base import REGION_SOURCES, Changes, Column, Source
from swv.importing.problems import refusal
from swv.importing.values import replace_values, value_row

INDICATOR = "bekostiging_personeel_bo"


class DuoBekostigingBoSource(Source):
    key = "duo_bekostiging_bo"
    label = "DUO personele bekostiging bo per school"
    publisher = "DUO, open onderwijsdata (financiën po, personele bekostiging bo)"
    description = "Eén rij per school (BRIN); PEILDATUM is de teldatum van 1 oktober vóór het schooljaar."
    columns = (
        Column("PEILDATUM", "Teldatum", "20141001", type="date"),
        Column("BRIN_NUMMER", "BRIN4", "00AP"),
        Column("TOTAAL_AANTAL_LEERLINGEN", "Leerlingen op de teldatum", "88", type="count"),
        Column("TOTAAL_PERSONELE_BEKOSTIGING", "Personele bekostiging", "330.125,34", type="amount"),
        Column("TOTAAL", "Totaal met PAB en prestatiebox", "403.235,75", type="amount"),
    )
    unique = ("BRIN_NUMMER",)
    filename_patterns = ("*personele-bekostiging-bo*.csv",)
    after = (*REGION_SOURCES, "duo_vestigingen_bo")

    def load(self, rows, *, path, run, progress) -> Changes:
        dates = {row["PEILDATUM"] for row in rows}
        if len(dates) != 1:
            listed = ", ".join(sorted(d.isoformat() for d in dates))
            raise refusal(path.name, None, "PEILDATUM", f"verwacht één teldatum, gevonden {listed}")
        teldatum = dates.pop()
        # Teldatum 1-10-2014 funds the school year that starts the next August.
        periode, peildatum = period_of(f"{teldatum.year + 1}-{teldatum.year + 2}", "schooljaar")
        total = sum((row["TOTAAL"] for row in progress(rows, desc=self.key)), Decimal(0))
        desired = [value_row(INDICATOR, periode, peildatum, total)]
        changes = replace_values(indicator_codes=[INDICATOR], periods={periode}, desired=desired, run=run)
        changes.rows_loaded = len(rows)
        return changes
