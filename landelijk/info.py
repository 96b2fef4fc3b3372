"""The site's statements: accessibility (toegankelijkheidsverklaring) and privacy, with the publisher's
contact details from the settings."""

from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render

from swv.caching.params import query_params


def _publisher() -> dict:
    return {"uitgever": settings.PUBLISHER_NAME, "contact_email": settings.CONTACT_EMAIL}


@query_params()
def toegankelijkheid(request):
    return render(request, "info/toegankelijkheid.html", _publisher())


@query_params()
def privacy(request):
    context = {
        **_publisher(),
        "email_bewaartermijn_maanden": settings.MELDING_EMAIL_BEWAARTERMIJN_MAANDEN,
        "sessieduur_uren": settings.SESSION_COOKIE_AGE // 3600,
        "kaart_host": urlsplit(settings.MAP_TILES_URL).hostname if settings.MAP_TILES_URL else "",
    }
    return render(request, "info/privacy.html", context)
