"""Site-wide hardening: a Content Security Policy header, a request size limit, refusal of unreadable
input, and the client's address behind trusted proxies.

The CSP allows scripts, styles, images and connections from the site itself only (plus data: images
and, if MAP_TILES_URL is set, the host of the map tiles); no inline scripts, ever. Failed logins are
counted by django-axes (uploads/staff/login.py), with the address from `client_ip` here.
"""

import ipaddress
import logging
from urllib.parse import unquote_to_bytes, urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError

from verantwoording.errors import OngeldigeInvoer

logger = logging.getLogger("verantwoording.security")


# --- Content Security Policy ----------------------------------------------------------------------


def tiles_source(url: str | None) -> str | None:
    """The CSP source for a tile URL template: https://{s}.tile.example.org/{z}/.. -> https://*.tile.example.org"""
    if not url:
        return None
    parts = urlsplit(url.replace("{s}", "TILESUBDOMAIN"))
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return None
    host = parts.hostname.replace("tilesubdomain", "*")
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def build_policy() -> str:
    tiles = tiles_source(getattr(settings, "MAP_TILES_URL", None))
    img = ["'self'", "data:"] + ([tiles] if tiles else [])
    style = ["'self'"] + (["'unsafe-inline'"] if getattr(settings, "CSP_STYLE_UNSAFE_INLINE", False) else [])
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": style,
        "img-src": img,
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = build_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


# --- Request size -------------------------------------------------------------------------------


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than MAX_REQUEST_BYTES before Django reads it (e.g. to a temp file).

    Sits before the CSRF middleware, which would otherwise parse the whole multipart body first; the
    exact 25 MB document limit with its Dutch message is checked in uploads.validators.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "MAX_REQUEST_BYTES", 26 * 1024 * 1024)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            logger.warning("request body too large: %s bytes to %s", length, request.path)
            return HttpResponse(
                "Het verstuurde bestand is te groot. Documenten mogen hooguit 25 MB zijn.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


# --- Unreadable input ---------------------------------------------------------------------------


def unreadable_input(request) -> str | None:
    """A Dutch description of input no view can use, or None.

    A NUL byte cannot be stored in or compared by PostgreSQL (every lookup with one fails) and no
    browser sends one, so it is refused here for the path, every query key and value, and the fields of a
    form post (the CSRF check parses a posted form anyway; uploaded files' contents are not looked at).
    """
    if "\x00" in request.path:
        return "Het adres bevat een ongeldig teken (een nul-byte)."
    # Read from the raw query string, so nothing here parses the query for views that never read it.
    if b"\x00" in unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " ")):
        return "De zoekvraag in het adres bevat een ongeldig teken (een nul-byte)."
    if request.method == "POST" and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        try:
            fields = request.POST.lists()
        except MultiPartParserError:
            # Most often a file name so long that the part's headers pass Django's limit (1 KB).
            return (
                "Het formulier kon niet gelezen worden. Heeft het bestand een erg lange naam? Geef het een kortere "
                "naam (de naam op de site komt uit de titel, niet uit de bestandsnaam) en probeer het opnieuw."
            )
        for key, values in fields:
            if "\x00" in key or any("\x00" in value for value in values):
                return "Het formulier bevat een ongeldig teken (een nul-byte)."
    return None


class RejectUnreadableInputMiddleware:
    """Answers input no view can read with the Dutch 400 page (or the API's JSON) before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = unreadable_input(request)
        if problem:
            logger.warning("unreadable input refused: %s %s", request.method, request.path[:200].replace("\x00", "\\0"))
            raise OngeldigeInvoer(problem)
        return self.get_response(request)


# --- Client address behind proxies -----------------------------------------------------------------


def client_ip(request) -> str:
    """The client's address; behind TRUSTED_PROXY_COUNT reverse proxies, the one the outermost proxy saw.

    Without that setting X-Forwarded-For is ignored (a client could write anything in it). Login lockout
    (django-axes) and the report form's rate limit count visitors by this address.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies and _is_ip(forwarded[-proxies]):
            return forwarded[-proxies]
    address = request.META.get("REMOTE_ADDR", "")
    return address if _is_ip(address) else "0.0.0.0"  # a unix socket or a broken proxy: one shared bucket


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class ProxyConfigurationWarningMiddleware:
    """Warns once per process when requests arrive through a proxy (X-Forwarded-For) while
    TRUSTED_PROXY_COUNT is 0: every visitor then has the proxy's address, so one login lockout or report
    limit would hit everybody at once."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.warned = getattr(settings, "TRUSTED_PROXY_COUNT", 0) > 0

    def __call__(self, request):
        if not self.warned and "HTTP_X_FORWARDED_FOR" in request.META:
            self.warned = True
            logger.warning(
                "Requests arrive through a proxy (X-Forwarded-For is set) but TRUSTED_PROXY_COUNT is 0: login "
                "lockout and report limits see the proxy's address for every visitor. Set TRUSTED_PROXY_COUNT "
                "to the number of proxies in front of the app (see README, production)."
            )
        return self.get_response(request)
