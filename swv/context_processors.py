from django.conf import settings

from swv.caching.versions import derived, source_data_version
from swv.models import Indicator, Waarde


def site(request):
    """Which figures (indicators) still show fictional demo values, so every page can say so in a short
    banner that lists each of them on request; the publisher for the colophon in the footer; the source-data
    version, which keys the parts of pages made from the imported data alone
    ({% cache bron_cache_tijd|default:0 ... bron_versie %}: rendered once per import, kept as long as the
    cache keeps anything: the version retires them, not a clock)."""
    topics = derived("fictional-indicators", _fictional_indicators)
    return {
        "bron_versie": source_data_version(),
        "bron_cache_tijd": _kept_seconds(),
        "fictieve_data": bool(topics),
        "fictieve_cijfers": topics,
        "fictieve_aantal": sum(len(labels) for _, labels in topics),
        "uitgever": settings.PUBLISHER_NAME,
        "contact_email": settings.CONTACT_EMAIL,
    }


def _fictional_indicators() -> list[tuple[str, list[str]]]:
    """[(theme label, [indicator label, …]), …] of the indicators that have fictional values, in page
    order. An indicator with a real series has none (a real import removes its fictional values), so
    the banner never names a whole theme when only some of its figures are fictional."""
    codes = set(Waarde.objects.filter(fictief=True).values_list("indicator_id", flat=True).distinct())
    themes = dict(Indicator.Thema.choices)
    order = list(themes)  # the themes in the order the pages show them
    found: dict[str, list[str]] = {}
    for indicator in sorted(Indicator.objects.filter(pk__in=codes), key=lambda i: (order.index(i.thema), i.volgorde)):
        found.setdefault(themes[indicator.thema], []).append(indicator.label)
    return list(found.items())


# What "as long as the cache keeps it" is for a template fragment: the cache's own timeout, or where that is
# none (production) ten years, as {% cache %} takes a number; 0 (nothing kept) only where this processor
# did not run (a template rendered without a request).
_TEN_YEARS = 10 * 365 * 24 * 3600


def _kept_seconds() -> int:
    timeout = settings.CACHES["default"].get("TIMEOUT", _TEN_YEARS)
    return _TEN_YEARS if timeout is None else int(timeout)
