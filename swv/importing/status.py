"""What is loaded: counts per table and the last import per source (for datastatus and the admin)."""

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
            }
        )
    return result
