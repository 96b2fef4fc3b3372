"""Whole-page cache for anonymous visitors, correct because every data change sets a new data version.

Public pages only change through an import, a published toelichting, an upload or an edited context
text; each of those calls swv.services.cache.pages_changed() or source_data_changed(). A cached page
remembers the version it was made under and is made again once the version moves on. One Redis round
trip per hit reads both the version and the page. Repeat visits revalidate with ETag / Last-Modified for
a 304. Without Redis every page is rendered as if there were no cache.

The Host header is validated (ALLOWED_HOSTS) before anything is looked up, and the key includes the
validated host and scheme, since pages contain absolute links (API pagination, feeds).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, quote_etag

from swv.services.cache import changed_at, data_version_and

CACHEABLE_TYPES = ("text/html", "application/geo+json", "application/json")
REVALIDATION_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Vary")


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = tuple(getattr(settings, "PAGE_CACHE_EXCLUDE", ("/beheer", "/admin", "/beheer-voorbeeld")))

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        version, entry = data_version_and(key)
        if entry is None or entry[0] != version:
            response = self.get_response(request)
            if not self._cacheable_response(response):
                return response
            entry = self._store(key, response, version)
        return self._respond(request, entry)

    def _cacheable_request(self, request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.excluded)
        )

    @staticmethod
    def _key(request) -> str:
        # get_host() validates the Host header first: an unknown host is a 400 (DisallowedHost), never a
        # cached page, and never part of a key.
        host = request.get_host()
        gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        url = f"{request.scheme}://{host}{request.get_full_path()}"
        return f"page:{int(gzip)}:{hashlib.sha256(url.encode()).hexdigest()}"

    @staticmethod
    def _cacheable_response(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _store(key: str, response, version: int) -> tuple:
        response["ETag"] = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
        response["Last-Modified"] = http_date(changed_at(version))
        response["Cache-Control"] = "public, no-cache"
        patch_vary_headers(response, ("Accept-Encoding",))
        entry = (version, response.status_code, dict(response.items()), response.content)
        cache.set(key, entry)  # no expiry: retired by the version; Redis evicts the least recently used
        return entry

    @staticmethod
    def _respond(request, entry):
        _version, status, headers, content = entry
        if request.headers.get("If-None-Match") == headers.get("ETag"):
            response = HttpResponseNotModified()
            for header in REVALIDATION_HEADERS:
                if header in headers:
                    response[header] = headers[header]
            return response
        response = HttpResponse(content, status=status)
        for header, value in headers.items():
            response[header] = value
        return response
