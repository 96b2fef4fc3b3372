"""DUO open onderwijsdata: voortijdig schoolverlaters (vsv) voortgezet onderwijs per samenwerkingsverband.

One row per vo-vestiging: `SAMENWERKINGSVERBAND_NUMMER;brin_nummer;vestigings_nummer;aantal_leerlingen;
vsv_totaal;vsv_vmbo;vsv_mbo;vsv_overig`. The year in the file name is the year the vsv year ends
(vsv-per-swv-2015.csv: schooljaar 2014-2015). VO0001 is DUO's bucket for vestigingen outside a regional
SWV; it is reported and not stored as an SWV.
"""

import re
from collections import defaultdict

from swv.figures import period_of
from swv.importing.base import REGION_SOURCES, Changes, Column, Source
from swv.importing.common import optional
from swv.importing.fields import SUPPRESSED
from swv.importing.problems import ProblemCollector, refusal, unknown_swv
from swv.importing.values import percentage, replace_values, value_row
from swv.models import Samenwerkingsverband

NON_REGIONAL = ("VO0001",)
INDICATORS = ("vsv_leerlingen", "vsv_totaal", "vsv_percentage")


class DuoVsvSource(Source):
    key = "duo_vsv"
    label = "DUO voortijdig schoolverlaters vo per samenwerkingsverband"
    publisher = "DUO, open onderwijsdata"
    description = "Het jaar in de bestandsnaam is het jaar waarin het vsv-jaar eindigt (vsv-per-swv-2015.csv)."
    columns = (
        Column(
            "SAMENWERKINGSVERBAND_NUMMER",
            "Samenwerkingsverband VO",
            "VO2001",
            type="swv_code",
            aliases=("SWV", "SAMENWERKINGSVERBAND"),
            passthrough=NON_REGIONAL,
            sector="VO",
        ),
        Column("brin_nummer", "BRIN4", "00PG", aliases=("BRIN",)),
        Column("vestigings_nummer", "Volgnummer van de vestiging", "00", aliases=("VESTIGING",)),
        Column("aantal_leerlingen", "Leerlingen in de telling", "1714", type="count"),
        Column("vsv_totaal", "Voortijdig schoolverlaters", "6", type="count"),
        optional("vsv_vmbo", "Waarvan uit het vmbo", "3", type="count"),
        optional("vsv_mbo", "Waarvan in het mbo", "0", type="count"),
        optional("vsv_overig", "Waarvan overig", "3", type="count"),
    )
    unique = ("brin_nummer", "vestigings_nummer")
    filename_patterns = ("vsv-per-swv-*.csv", "*vsv*swv*.csv")
    indicator_codes = INDICATORS
    after = REGION_SOURCES

    def load(self, rows, *, path, run, progress) -> Changes:
        year = re.search(r"(19|20)\d{2}", path.stem)
        if not year:
            raise refusal(path.name, None, None, "het jaar staat niet in de bestandsnaam")
        end = int(year.group(0))
        periode, peildatum = period_of(f"{end - 1}-{end}", "schooljaar")
        known = dict(Samenwerkingsverband.objects.filter(sector="VO").values_list("code", "pk"))
        collector = ProblemCollector(path.name)
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        skipped = 0
        for row in progress(rows, desc=self.key):
            code = row["SAMENWERKINGSVERBAND_NUMMER"]
            if code in NON_REGIONAL:
                skipped += 1
                continue
            if code not in known:
                collector.add(row.number, "SAMENWERKINGSVERBAND_NUMMER", unknown_swv(code, "regio-indeling VO"))
                continue
            if SUPPRESSED in (row["aantal_leerlingen"], row["vsv_totaal"]):
                collector.add(row.number, "vsv_totaal", "afgeschermde aantallen (<5) kunnen niet worden opgeteld")
                continue
            totals[code][0] += row["aantal_leerlingen"]
            totals[code][1] += row["vsv_totaal"]
        collector.raise_if_any()
        desired = []
        for code, (pupils, leavers) in totals.items():
            pct = percentage(leavers, pupils)
            for indicator, value in zip(INDICATORS, (pupils, leavers, pct), strict=True):
                desired.append(value_row(indicator, periode, peildatum, value, swv_id=known[code]))
        # DUO's publication covers every VO SWV: it replaces the whole period (guarded against a cut-off file).
        changes = replace_values(
            indicator_codes=INDICATORS, periods={periode}, desired=desired, run=run, file=path.name
        )
        if skipped:
            changes.notices.append(
                f"{skipped} rij(en) van {', '.join(NON_REGIONAL)} (geen regionaal samenwerkingsverband) overgeslagen"
            )
        changes.rows_loaded = len(rows) - skipped
        return changes
