"""What is loaded: counts per table and the last import per source (for datastatus and the admin)."""

import re

from django.db.models import Max

from swv.importing.registry import SOURCES
from swv.models import (
    Gemeente,
    GemeenteGrens,
    ImportRun,
    Indicator,
    Postcodegebied,
    Samenwerkingsverband,
    Schoolbestuur,
    SwvGemeente,
    Vestiging,
    Waarde,
)
from swv.selectors.indeling import current_indeling
from swv.selectors.pupils import pupils_outside_regions


def data_counts() -> dict[str, int]:
    indeling = current_indeling()
    pc4 = Postcodegebied.objects.filter(indeling=indeling)
    return {
        "swv_po": Samenwerkingsverband.objects.filter(sector="PO").count(),
        "swv_vo": Samenwerkingsverband.objects.filter(sector="VO").count(),
        "pc4": pc4.count(),
        "pc4_zonder_gemeente": pc4.filter(gemeente__isnull=True).count(),
        "pc4_zonder_swv": pc4.filter(po_swv__isnull=True).count(),
        "gemeenten": Gemeente.objects.filter(geldig_tot__isnull=True).count(),
        "gemeenten_opgeheven": Gemeente.objects.filter(geldig_tot__isnull=False).count(),
        "gemeenten_met_grens": GemeenteGrens.objects.values("gemeente").distinct().count(),
        "swv_gemeente_relaties": SwvGemeente.objects.count(),
        "besturen": Schoolbestuur.objects.count(),
        "vestigingen": Vestiging.objects.count(),
        "vestigingen_zonder_gemeente": Vestiging.objects.filter(gemeente__isnull=True).count(),
        "vestigingen_zonder_swv": Vestiging.objects.filter(swv__isnull=True).count(),
        "indicatoren": Indicator.objects.count(),
        "waarden": Waarde.objects.count(),
        "waarden_fictief": Waarde.objects.filter(fictief=True).count(),
    }


def last_imports() -> list[dict]:
    latest = dict(ImportRun.objects.values("bron").annotate(last=Max("gestart")).values_list("bron", "last"))
    runs = {r.bron: r for r in ImportRun.objects.filter(gestart__in=latest.values()) if latest.get(r.bron) == r.gestart}
    result = []
    for key, source in SOURCES.items():
        run = runs.get(key)
        result.append(
            {
                "bron": key,
                "label": source.label,
                "laatste_import": run.gestart.isoformat() if run else None,
                "bestand": run.bestandsnaam if run else None,
                "status": run.status if run else None,
                "rijen_geladen": run.rijen_geladen if run else 0,
                "meldingen": list(run.meldingen) if run else [],
            }
        )
    return result


def _coverage(codes: list[str]) -> tuple[str, dict]:
    """(latest periode, {sector or 'gemeenten': [units with a real value then, units in all]})."""
    real = Waarde.objects.filter(indicator__code__in=codes, fictief=False).exclude(status=Waarde.Status.NIET_GELEVERD)
    latest = real.order_by("-peildatum").values_list("periode", flat=True).first()
    if latest is None:
        return "", {}
    in_period = real.filter(periode=latest)
    coverage = {}
    for sector in ("PO", "VO"):
        n = in_period.filter(swv__sector=sector).values("swv").distinct().count()
        if n:
            coverage[sector] = [n, Samenwerkingsverband.objects.filter(sector=sector).count()]
    gemeenten = in_period.filter(gemeente__isnull=False).values("gemeente").distinct().count()
    if gemeenten:
        coverage["gemeenten"] = [gemeenten, Gemeente.objects.filter(geldig_tot__isnull=True).count()]
    if in_period.filter(swv__isnull=True, gemeente__isnull=True).exists():
        coverage["landelijk"] = [1, 1]
    return latest, coverage


def source_status() -> list[dict]:
    """Per source: publisher, the file and peildatum of what is loaded, the last import, how many units
    it covers (n of 76 PO / 74 VO) and what it left out. The /bronnen/ page and datastatus show this."""
    imports = {row["bron"]: row for row in last_imports()}
    indeling = current_indeling()
    result = []
    for key, source in SOURCES.items():
        run = imports[key]
        row = {
            **run,
            "uitgever": source.publisher,
            "omschrijving": source.description,
            "peildatum": "",
            "dekking": {},
            "uitgesloten": [],
        }
        codes = list(getattr(source, "indicator_codes", ()))  # what figure sources and DUO vsv deliver
        if codes:
            row["peildatum"], row["dekking"] = _coverage(codes)
        elif key in ("regio_pc4", "regio_gemeente") and indeling is not None:
            row["peildatum"] = indeling.geldig_vanaf.isoformat()
            row["dekking"] = {
                sector: [
                    SwvGemeente.objects.filter(indeling=indeling, sector=sector).values("swv").distinct().count(),
                    Samenwerkingsverband.objects.filter(sector=sector).count(),
                ]
                for sector in ("PO", "VO")
            }
        elif key.startswith("duo_vestigingen"):
            soort = key.rsplit("_", 1)[1]
            schools = Vestiging.objects.filter(soort=soort)
            row["dekking"] = {"scholen": [schools.exclude(swv=None).count(), schools.count()]}
            outside = schools.filter(swv=None).count()
            if outside:
                row["uitgesloten"].append(
                    f"{outside} scholen buiten elke regio (hun postcode staat niet in de regio-indeling, "
                    "of ze liggen in Europoort)"
                )
        # Pupils on vestigingen outside every region: the whole difference with DUO's national totals.
        for left_out in pupils_outside_regions(bron=key) if key.startswith("duo_leerlingen") else ():
            if left_out.leerlingen:
                row["uitgesloten"].append(
                    f"{left_out.peildatum:%d-%m-%Y} {', '.join(left_out.soorten)}: {left_out.vestigingen} "
                    f"vestiging(en) met {left_out.leerlingen} leerlingen buiten elke regio (van {left_out.totaal} "
                    "volgens DUO); zij tellen bij geen samenwerkingsverband en niet in de landelijke som"
                )
        row["uitgesloten"] += [n for n in run["meldingen"] if re.search(r"overgeslagen|VO0001|Europoort", n)]
        result.append(row)
    return result
