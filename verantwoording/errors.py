"""Error pages in Dutch in the site's own layout (with navigation and search), and JSON for the API.

Django calls these for 400, 403, 404 and 500 (handler400 ... in verantwoording.urls); views answer
429 with `too_many_requests`, the middleware of verantwoording.security 405 (a method a page does not take)
and 413 (too big). A request refused for unreadable input raises `OngeldigeInvoer`, whose Dutch message the
400 page shows; other 400s (a forged host, a broken upload) get a general text, because their own message
is English and meant for the log.
"""

import logging

from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger("verantwoording.errors")

API_PREFIX = "/api/v1"

TITLES = {
    400: "Deze vraag kan de site niet lezen",
    403: "Geen toegang",
    404: "Pagina niet gevonden",
    405: "Dit kan hier niet",
    410: "Niet meer beschikbaar",
    413: "Te groot",
    414: "Adres te lang",
    429: "Even geduld",
    431: "Te veel meegestuurd",
    500: "Er ging iets mis",
}
MESSAGES = {
    400: "Het adres of de invoer bevat iets wat de site niet kan lezen. Controleer het adres of probeer het "
    "opnieuw vanaf de startpagina.",
    403: "U hebt geen toegang tot deze pagina.",
    404: "Deze pagina bestaat niet (meer). Misschien is het adres veranderd of verkeerd overgenomen.",
    405: "Deze pagina kunt u alleen bekijken: er kan niets naartoe gestuurd of in veranderd worden.",
    410: "Dit staat niet meer op de site.",
    413: "Wat u verstuurde is te groot. Documenten mogen hooguit 25 MB zijn, de tekst van een formulier veel minder.",
    414: "Dit adres is te lang om te lezen. Controleer het adres of begin opnieuw vanaf de startpagina.",
    429: "Er kwamen te veel verzoeken van uw adres. Probeer het over een tijdje opnieuw.",
    431: "Uw browser stuurde te veel of te lange gegevens mee (bijvoorbeeld cookies). Verwijder de cookies van "
    "deze site en probeer het opnieuw.",
    500: "Door een fout aan onze kant kon deze pagina niet getoond worden. De beheerders zijn op de hoogte. "
    "Probeer het later opnieuw.",
}


class OngeldigeInvoer(BadRequest):
    """Input the site refuses (a NUL byte, an impossible date): a 400 (or 413: too big) that shows its Dutch
    message."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.status = status


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def api_error(request, status: int, message: str) -> JsonResponse:
    """The API's own error body for errors raised outside its views: problem details (RFC 9457), as its
    views answer (swv.opendata.api.problems; not imported: the settings package imports no app)."""
    body = {"type": "about:blank", "title": TITLES[status], "status": status, "detail": message}
    body["instance"] = request.get_full_path()
    return JsonResponse(body, status=status, content_type="application/problem+json")


def error_page(request, status: int, message: str | None = None, *, verder: tuple[str, str] | None = None):
    """The page for status, with message (else the general one) and optionally a link (url, text) onward."""
    message = message or MESSAGES[status]
    if is_api(request):
        return api_error(request, status, message)
    context = {"status": status, "titel": TITLES[status], "bericht": message, "verder": verder}
    response = TemplateResponse(request, "fout.html", context, status=status)
    response.render()
    return response


@requires_csrf_token
def bad_request(request, exception=None):
    if isinstance(exception, OngeldigeInvoer):
        return error_page(request, exception.status, str(exception))
    if isinstance(exception, RequestDataTooBig):
        return error_page(request, 413)
    if isinstance(exception, TooManyFieldsSent):  # e.g. ?&&&… with more than 1,000 parts
        return error_page(request, 400, "Het adres heeft te veel onderdelen (parameters).")
    return error_page(request, 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return error_page(request, 403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return error_page(request, 404)


def csrf_failure(request, reason=""):
    """A form posted without (or with an outdated) CSRF token: what to do, in Dutch, instead of Django's page."""
    return error_page(
        request,
        403,
        "Het formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw en probeer het nog eens "
        "(cookies moeten aan staan).",
    )


def too_many_requests(request, message: str | None = None):
    return error_page(request, 429, message)


@requires_csrf_token
def server_error(request):
    """Rendered without context processors: the database or cache may be what failed."""
    if is_api(request):
        return api_error(request, 500, MESSAGES[500])
    return HttpResponseServerError(_without_context_processors(request, 500))


def standalone_page(status: int) -> str:
    """The page for an error answered outside Django's request handling: gunicorn refusing a request it cannot
    parse (an address too long or with a raw non-ASCII byte, a broken header) or a worker that timed out
    (verantwoording.server). Another status than the site's own gets the 400 text, with its own code."""
    return _without_context_processors(HttpRequest(), status)


def _without_context_processors(request, status: int) -> str:
    titel, bericht = TITLES.get(status, TITLES[400]), MESSAGES.get(status, MESSAGES[400])
    context = {"status": status, "titel": titel, "bericht": bericht, "request": request}
    try:
        return loader.get_template("fout.html").render(context)
    except Exception:  # the last resort must not fail itself
        logger.exception("error page could not be rendered")
        return f'<!doctype html><html lang="nl"><title>{titel}</title><p>{bericht}</p></html>'
