"""Login protection for the admin: django-axes counts failed logins in the database (settings: AXES_*);
this is the page a locked-out login gets, in Dutch and in the site's layout (status 429)."""

import logging

from django.conf import settings

from verantwoording.errors import too_many_requests

logger = logging.getLogger("uploads.staff")


def lockout_response(request, original_response=None, credentials=None):
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    username = (credentials or {}).get("username", "")
    logger.warning("login locked out username=%r", str(username)[:150])
    return too_many_requests(
        request,
        f"Te veel mislukte inlogpogingen voor dit account of vanaf dit adres. Probeer het over {minutes} minuten "
        "opnieuw, of vraag een beheerder om de blokkade op te heffen.",
    )
