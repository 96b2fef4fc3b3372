"""Site-wide hardening: a Content Security Policy header and throttling of failed logins.

The CSP allows scripts, styles, images and connections from the site itself only (plus data: images
and, if MAP_TILES_URL is set, the host of the map tiles); no inline scripts, ever.

Failed logins are counted in the cache per username + IP address (and per IP address alone, with a
higher limit); after LOGIN_FAILURE_LIMIT failures the pair is locked for LOGIN_LOCKOUT_SECONDS. Use
a cache shared by all server processes in production (the default local-memory cache is per process).
"""

import hashlib
import logging
from urllib.parse import unquote_to_bytes, urlsplit

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.backends import ModelBackend
from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse

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
        for key, values in request.POST.lists():
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
            from verantwoording.errors import OngeldigeInvoer

            logger.warning("unreadable input refused: %s %s", request.method, request.path[:200].replace("\x00", "\\0"))
            raise OngeldigeInvoer(problem)
        return self.get_response(request)


# --- Login throttling -----------------------------------------------------------------------------


def _limit() -> int:
    return getattr(settings, "LOGIN_FAILURE_LIMIT", 5)


def _lockout_seconds() -> int:
    return getattr(settings, "LOGIN_LOCKOUT_SECONDS", 15 * 60)


def _cache():
    return caches[getattr(settings, "LOGIN_THROTTLE_CACHE", "default")]


def client_ip(request) -> str:
    """The client's address; behind TRUSTED_PROXY_COUNT reverse proxies, the one the outermost proxy saw.

    Without that setting X-Forwarded-For is ignored (a client could write anything in it)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _keys(request, username: str) -> tuple[str, str]:
    ip = client_ip(request)
    pair = hashlib.sha256(f"{(username or '').strip().lower()}\0{ip}".encode()).hexdigest()
    return f"login-fail:pair:{pair}", f"login-fail:ip:{hashlib.sha256(ip.encode()).hexdigest()}"


def is_locked(request, username: str) -> bool:
    pair_key, ip_key = _keys(request, username)
    counts = _cache().get_many([pair_key, ip_key])
    return counts.get(pair_key, 0) >= _limit() or counts.get(ip_key, 0) >= _limit() * 4


def register_failure(request, username: str) -> None:
    cache = _cache()
    for key in _keys(request, username):
        cache.add(key, 0, _lockout_seconds())
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, _lockout_seconds())
    logger.warning("failed login username=%r ip=%s", (username or "")[:150], client_ip(request))


def reset_failures(request, username: str) -> None:
    _cache().delete(_keys(request, username)[0])


class ThrottledModelBackend(ModelBackend):
    """ModelBackend that refuses every attempt (even a correct password) while a username+IP is locked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(self._username_field())
        if request is not None and username and is_locked(request, username):
            logger.warning("locked login refused username=%r ip=%s", username[:150], client_ip(request))
            raise PermissionDenied("Te veel mislukte inlogpogingen.")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if request is not None and username:
            if user is None:
                register_failure(request, username)
            else:
                reset_failures(request, username)
                logger.info("login username=%r ip=%s", username[:150], client_ip(request))
        return user

    @staticmethod
    def _username_field() -> str:
        from django.contrib.auth import get_user_model

        return get_user_model().USERNAME_FIELD


class AdminLoginForm(AdminAuthenticationForm):
    """The admin login form, which says so in Dutch when an account is locked for a while."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "locked": "Te veel mislukte inlogpogingen. Probeer het over %(minutes)s minuten opnieuw.",
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and self.request is not None and is_locked(self.request, username):
            raise ValidationError(
                self.error_messages["locked"], code="locked", params={"minutes": max(1, _lockout_seconds() // 60)}
            )
        return super().clean()
