"""Storing a "Klopt dit niet?" report, with a simple rate limit per visitor against spam, and erasing the
e-mail addresses the privacy statement promises to erase."""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

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
    erase_old_emails()
    return melding


def erase_old_emails(*, now: dt.datetime | None = None) -> int:
    """Erase the e-mail address of every report older than MELDING_EMAIL_BEWAARTERMIJN_MAANDEN (the privacy
    statement's promise); the report itself stays. Runs with every new report and from the daily
    `meldingen_opschonen` command."""
    months = settings.MELDING_EMAIL_BEWAARTERMIJN_MAANDEN
    cutoff = (now or timezone.now()) - dt.timedelta(days=round(months * 365.25 / 12))
    return Melding.objects.filter(ontvangen_op__lt=cutoff).exclude(email="").update(email="")
