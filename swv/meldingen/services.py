"""Storing a "Klopt dit niet?" report, with a simple rate limit per visitor against spam."""

import hashlib

from django.core.cache import cache

from swv.models import Indicator, Melding, Samenwerkingsverband

LIMIT = 5  # reports per visitor (IP address) ...
WINDOW_SECONDS = 60 * 60  # ... per hour


def _key(ip: str) -> str:
    return "melding-ip:" + hashlib.sha256((ip or "onbekend").encode()).hexdigest()


def limit_reached(*, ip: str) -> bool:
    return cache.get(_key(ip), 0) >= LIMIT


def count_report(*, ip: str) -> None:
    key = _key(ip)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)


def store_report(
    *,
    swv: Samenwerkingsverband | None,
    indicator: Indicator | None,
    periode: str,
    getoonde_waarde: str,
    pagina: str,
    omschrijving: str,
    bron: str,
    email: str,
) -> Melding:
    """A report changes no public page, so the cached pages stay."""
    melding = Melding(
        swv=swv,
        indicator=indicator,
        periode=periode,
        getoonde_waarde=getoonde_waarde[:100],
        pagina=pagina[:300],
        omschrijving=omschrijving,
        bron=bron,
        email=email,
    )
    melding.full_clean()
    melding.save()
    return melding
