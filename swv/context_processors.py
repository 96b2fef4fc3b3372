from django.conf import settings

from swv.caching.versions import derived
from swv.models import Indicator, Waarde


def site(request):
    """Which themes still show fictional demo figures, so every page can name them in a banner; the
    publisher for the colophon in the footer."""
    topics = derived("fictional-topics", _fictional_topics)
    return {
        "fictieve_data": bool(topics),
        "fictieve_onderwerpen": topics,
        "uitgever": settings.PUBLISHER_NAME,
        "contact_email": settings.CONTACT_EMAIL,
    }


def _fictional_topics() -> list[tuple[str, list[str]]]:
    """[(theme label, [onderwerp, …]), …] of the indicators that have fictional values, in page order."""
    codes = set(Waarde.objects.filter(fictief=True).values_list("indicator_id", flat=True).distinct())
    themes = dict(Indicator.Thema.choices)
    order = list(themes)  # the themes in the order the pages show them
    found: dict[str, list[str]] = {}
    for indicator in sorted(Indicator.objects.filter(pk__in=codes), key=lambda i: (order.index(i.thema), i.volgorde)):
        topics = found.setdefault(themes[indicator.thema], [])
        if indicator.onderwerp not in topics:
            topics.append(indicator.onderwerp)
    return list(found.items())
