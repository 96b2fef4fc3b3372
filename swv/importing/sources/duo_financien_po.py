"""DUO open onderwijsdata: annual accounts of every PO bestuur ('Financiën po – jaarrekeninggegevens').

Three files of one series, one row per bestuur and boekjaar: the balance sheet (2.1 eigen vermogen), the
staat van baten en lasten (TOTB, TOTL, RESUL) and the detail of the rijksbijdragen (3.1.3.2 doorbetalingen
rijksbijdrage SWV: what an SWV passed on to school boards). ISO-8859-1, ';', amounts in whole euros with
'.' as thousands separator; an empty post counts as 0 for a bestuur that filed its accounts.

Only rows with GROEPERING 'SWV' are samenwerkingsverbanden, and they carry the SWV's bestuursnummer, not
its code. The link is data: the bestuursnummer the swv_adressen file gives an SWV, else the row of
swv/data/swv_besturen.csv (with how each link was established). An SWV bestuur without a link is
reported, and its SWV keeps 'niet aangeleverd'.
"""

import csv
from decimal import Decimal
from pathlib import Path

from swv.figures import period_of
from swv.importing.base import Changes, Column, Source
from swv.importing.values import replace_values, value_row
from swv.models import Samenwerkingsverband, Waarde

LINK_TABLE = Path(__file__).resolve().parents[2] / "data" / "swv_besturen.csv"
SWV_GROUP = "SWV"
SHARE = "doorbetalingen_besturen_pct"


def bestuur_links() -> dict[str, str]:
    """bestuursnummer -> SWV code: the link table, overridden by the bestuursnummers from swv_adressen."""
    with LINK_TABLE.open(encoding="utf-8", newline="") as fh:
        links = {r["bestuursnummer"]: r["swv_code"] for r in csv.DictReader(fh, delimiter=";") if r["swv_code"]}
    delivered = dict(Samenwerkingsverband.objects.exclude(bestuursnummer="").values_list("bestuursnummer", "code"))
    links = {nr: code for nr, code in links.items() if nr not in delivered and code not in delivered.values()}
    links.update(delivered)
    return links


KEY_COLUMNS = (
    Column("BEVOEGD GEZAG NUMMER", "Bestuursnummer", "21599"),
    Column("GROEPERING", "Soort bestuur (SWV voor een samenwerkingsverband)", "SWV"),
    Column("BEVOEGD GEZAG NAAM", "Naam van het bestuur", "Stg. SWV Pas. Ond. De Kempen"),
    Column("JAAR", "Boekjaar", "2015", type="year"),
)


def _amount(name: str, indicator: str) -> Column:
    return Column(name, "Bedrag in euro", "1.116.357", type="amount", blank=True, indicator=indicator)


class _DuoFinancienPo(Source):
    publisher = "DUO, open onderwijsdata (jaarrekeninggegevens po per bestuur)"
    unique = ("BEVOEGD GEZAG NUMMER", "JAAR")
    after = ("swv_adressen",)

    def load(self, rows, *, path, run, progress) -> Changes:
        links = bestuur_links()
        swv_ids = dict(Samenwerkingsverband.objects.filter(sector="PO").values_list("code", "pk"))
        figures = [c for c in self.columns if c.indicator]
        desired, periods, unlinked, loaded = [], set(), {}, 0
        for row in progress(rows, desc=self.key):
            if row["GROEPERING"] != SWV_GROUP:
                continue
            code = links.get(row["BEVOEGD GEZAG NUMMER"])
            if code not in swv_ids:
                unlinked[row["BEVOEGD GEZAG NUMMER"]] = row["BEVOEGD GEZAG NAAM"]
                continue
            loaded += 1
            periode, peildatum = period_of(row["JAAR"], "jaar")
            periods.add(periode)
            for column in figures:
                value = row[column.name] if row[column.name] is not None else Decimal(0)
                desired.append(value_row(column.indicator, periode, peildatum, value, swv_id=swv_ids[code]))
        codes = [c.indicator for c in figures]
        changes = replace_values(indicator_codes=codes, periods=periods, desired=desired, run=run)
        changes.add(_recompute_share(run))
        if unlinked:
            listed = ", ".join(f"{nr} {name}" for nr, name in sorted(unlinked.items()))
            changes.notices.append(
                f"{len(unlinked)} bestuur/besturen van samenwerkingsverbanden zonder koppeling aan een code "
                f"(swv/data/swv_besturen.csv of het adressenbestand), niet geladen: {listed}"
            )
        changes.rows_loaded = loaded
        return changes


def _recompute_share(run) -> Changes:
    """Doorbetalingen as % of the rijksbijdrage before passing on (baten + doorbetalingen), per SWV and year."""
    stored = Waarde.objects.filter(
        indicator__code__in=("baten", "doorbetalingen_besturen"), fictief=False, swv__isnull=False, getal__isnull=False
    ).values_list("indicator__code", "swv_id", "periode", "peildatum", "getal")
    found: dict[tuple, dict] = {}
    for code, swv_id, periode, peildatum, getal in stored:
        found.setdefault((swv_id, periode, peildatum), {})[code] = getal
    desired = []
    for (swv_id, periode, peildatum), values in found.items():
        if len(values) < 2:
            continue
        whole = values["baten"] + values["doorbetalingen_besturen"]
        share = values["doorbetalingen_besturen"] * 100 / whole if whole > 0 else None
        desired.append(value_row(SHARE, periode, peildatum, share, swv_id=swv_id))
    periods = {periode for _, periode, _ in found}
    return replace_values(indicator_codes=[SHARE], periods=periods, desired=desired, run=run)


class DuoFinancienPoBalans(_DuoFinancienPo):
    key = "duo_financien_po_balans"
    label = "DUO jaarrekeninggegevens po: balans (eigen vermogen)"
    description = "Bestand '01. po (mab) balans' van DUO: één rij per bestuur per boekjaar."
    columns = (*KEY_COLUMNS, _amount("2.1 - EIGEN VERMOGEN", "reserves"))
    filename_patterns = ("*po-(mab)-balans*.csv",)


class DuoFinancienPoBatenLasten(_DuoFinancienPo):
    key = "duo_financien_po_baten_lasten"
    label = "DUO jaarrekeninggegevens po: staat van baten en lasten"
    description = "Bestand '02. po (mb) staat van baten en lasten' van DUO: één rij per bestuur per boekjaar."
    columns = (
        *KEY_COLUMNS,
        _amount("TOTB - TOTAAL BATEN", "baten"),
        _amount("TOTL - TOTAAL LASTEN", "lasten"),
        _amount("RESUL - RESULTAAT", "resultaat"),
    )
    filename_patterns = ("*po-(mb)-staat-van-baten-en-lasten*.csv",)


class DuoFinancienPoOverheidsbijdragen(_DuoFinancienPo):
    key = "duo_financien_po_overheidsbijdragen"
    label = "DUO jaarrekeninggegevens po: overheidsbijdragen (doorbetalingen aan schoolbesturen)"
    description = "Bestand '10. po (ob) overheidsbijdragen' van DUO: één rij per bestuur per boekjaar."
    columns = (*KEY_COLUMNS, _amount("3.1.3.2 - DOORBETALINGEN RIJKSBIJDRAGE SWV", "doorbetalingen_besturen"))
    filename_patterns = ("*po-(ob)-overheidsbijdragen*.csv",)
