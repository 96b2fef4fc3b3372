"""How an SWV is named on the site: its own name, or until that is imported its code and main gemeenten."""

from collections import Counter, defaultdict

from django.db.models import Count

from swv.caching.versions import derived
from swv.models import Samenwerkingsverband, SwvGemeente, Vestiging
from swv.selectors.indeling import current_indeling

MAIN_GEMEENTEN = 3


def fallback_name(*, swv: Samenwerkingsverband, gemeenten: list[str]) -> str:
    """'Samenwerkingsverband PO 30-09 (Bladel, Eersel, …)': never a made-up name."""
    shown = ", ".join(gemeenten[:MAIN_GEMEENTEN])
    more = ", …" if len(gemeenten) > MAIN_GEMEENTEN else ""
    region = f" ({shown}{more})" if shown else ""
    return f"Samenwerkingsverband {swv.code_leesbaar}{region}"


def _main_gemeenten() -> dict[int, list[str]]:
    """Per SWV its gemeenten, those with most of its schools first (they are what people recognise)."""
    schools: Counter = Counter()
    counts = Vestiging.objects.exclude(swv=None).values("swv_id", "gemeente_id").annotate(n=Count("pk")).order_by()
    for row in counts:
        schools[(row["swv_id"], row["gemeente_id"])] = row["n"]
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    links = SwvGemeente.objects.filter(indeling=current_indeling()).order_by()
    for swv_id, gemeente_id, naam in links.values_list("swv_id", "gemeente_id", "gemeente__naam"):
        if naam not in [n for _, n in members[swv_id]]:
            members[swv_id].append((-schools[(swv_id, gemeente_id)], naam))
    return {swv_id: [naam for _, naam in sorted(rows)] for swv_id, rows in members.items()}


def display_names() -> dict[int, str]:
    """SWV id -> the name the site shows, cached per data version."""
    return derived("swv-display-names", _build_display_names)


def _build_display_names() -> dict[int, str]:
    main = _main_gemeenten()
    return {
        swv.pk: swv.naam or fallback_name(swv=swv, gemeenten=main.get(swv.pk, []))
        for swv in Samenwerkingsverband.objects.only("pk", "code", "naam")
    }


def display_name(swv: Samenwerkingsverband) -> str:
    return swv.naam or display_names().get(swv.pk) or fallback_name(swv=swv, gemeenten=[])
