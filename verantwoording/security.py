"""Site-wide hardening: a Content Security Policy header, a request size limit, refusal of unreadable
input, read-only methods on the public side, and the client's address behind trusted proxies.

The CSP allows scripts, styles, images and connections from the site itself only (plus data: images
and, if MAP_TILES_URL is set, the host of the map tiles); no inline scripts, ever. Failed logins are
counted by django-axes (uploads/staff/login.py), with the address from `client_ip` here.
"""

import ipaddress
import logging
from urllib.parse import unquote_to_bytes, urlsplit

from django.conf import settings
from django.core.exceptions import (
    BadRequest,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpResponse, QueryDict, UnreadablePostError
from django.http.multipartparser import MultiPartParserError

from verantwoording.errors import MESSAGES, OngeldigeInvoer, error_page

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
            return error_page(request, 413)
        return self.get_response(request)


# --- Unreadable input ---------------------------------------------------------------------------


FORM_UNREADABLE = {
    # Most often a file name so long that the part's headers pass Django's limit (1 KB).
    MultiPartParserError: (
        "Het formulier kon niet gelezen worden. Heeft het bestand een erg lange naam? Geef het een kortere naam (de "
        "naam op de site komt uit de titel, niet uit de bestandsnaam) en probeer het opnieuw."
    ),
    TooManyFieldsSent: "Het formulier heeft te veel velden. Verstuur het opnieuw vanaf de pagina met het formulier.",
    TooManyFilesSent: "Het formulier heeft te veel bestanden. Verstuur er minder tegelijk.",
}
FORM_OTHERWISE = (
    "Het formulier kon niet gelezen worden (een formulier komt als UTF-8 binnen). Verstuur het opnieuw vanaf de "
    "pagina met het formulier."
)


def unreadable_input(request) -> OngeldigeInvoer | None:
    """The refusal (a Dutch message, mostly a 400) of input no view can use, or None.

    A NUL byte cannot be stored in or compared by PostgreSQL (every lookup with one fails) and no
    browser sends one, so it is refused here for the path, every query key and value, and the fields of a
    form post (the CSRF check parses a posted form anyway; uploaded files' contents are not looked at).
    A posted form Django cannot parse (too big, too many fields, another charset than UTF-8, broken
    multipart) is refused here too, once: its POST is then set empty, because the error page's CSRF check
    would parse it again and fail while rendering the error (a 500).
    """
    if "\x00" in request.path:
        return OngeldigeInvoer("Het adres bevat een ongeldig teken (een nul-byte).")
    # Read from the raw query string, so nothing here parses the query for views that never read it.
    if b"\x00" in unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " ")):
        return OngeldigeInvoer("De zoekvraag in het adres bevat een ongeldig teken (een nul-byte).")
    if request.method == "POST" and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        try:
            fields = request.POST.lists()
        except RequestDataTooBig:
            request.POST = QueryDict()
            return OngeldigeInvoer(MESSAGES[413], status=413)
        except (MultiPartParserError, SuspiciousOperation, BadRequest, UnreadablePostError) as error:
            request.POST = QueryDict()
            return OngeldigeInvoer(FORM_UNREADABLE.get(type(error), FORM_OTHERWISE))
        for key, values in fields:
            if "\x00" in key or any("\x00" in value for value in values):
                return OngeldigeInvoer("Het formulier bevat een ongeldig teken (een nul-byte).")
    return None


class RejectUnreadableInputMiddleware:
    """Answers input no view can read with the Dutch 400 page (or the API's JSON) before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = unreadable_input(request)
        if problem:
            logger.warning("unreadable input refused: %s %s", request.method, request.path[:200].replace("\x00", "\\0"))
            raise problem
        return self.get_response(request)


# --- Methods -------------------------------------------------------------------------------------

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The staff side (the admin, its screens and previews) posts forms everywhere and checks its own methods.
STAFF_PREFIX = "/beheer"


def accepts(*methods: str):
    """Declare that a public view takes these methods besides reading (the report form's POST); a public view
    without this declaration only reads, and every other method is refused before it runs."""

    def declare(view):
        view.accepted_methods = READ_METHODS | {method.upper() for method in methods}
        return view

    return declare


class PublicMethodsMiddleware:
    """A public page only reads: any other method (POST, PUT, DELETE, TRACE, PROPFIND, ...) gets the Dutch 405
    page with an Allow header, before the CSRF check would call it an expired form, and before a view that does
    not look at the method renders the page anyway (TRACE). OPTIONS is answered with Allow and no body.

    The API's views (Django REST framework) answer their own methods, as problem details. Where a view
    refuses a method itself with Django's empty 405 (the staff side's login page, require_http_methods),
    the answer gets the Dutch page too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.streaming and not response.content:
            page = error_page(request, 405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(STAFF_PREFIX) or hasattr(view_func, "cls"):
            return None
        allowed = getattr(view_func, "accepted_methods", READ_METHODS)
        if request.method in allowed and request.method != "OPTIONS":
            return None
        if request.method == "OPTIONS":
            response = HttpResponse(status=200)
        else:
            response = error_page(request, 405)
        response["Allow"] = ", ".join(sorted(allowed))
        return response


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
