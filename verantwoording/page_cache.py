"""Whole-page cache for anonymous visitors, correct because every data change bumps one version number.

Public pages only change through an import, a published toelichting, an upload or an edited context
text; each of those calls swv.services.cache.data_changed(). A cached page remembers the version it
was made under and is recomputed once the version moves on, so it is never stale; repeat visits
revalidate with ETag / Last-Modified for a 304.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, quote_etag

from swv.services.cache import VERSION_KEY, data_changed_at, data_version

CACHEABLE_TYPES = ("text/html", "application/geo+json", "application/json")
PAGE_TIMEOUT = 24 * 60 * 60


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = tuple(getattr(settings, "PAGE_CACHE_EXCLUDE", ("/beheer", "/admin", "/beheer-voorbeeld")))

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        # One round trip to the cache for the current data version and the stored page together.
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or data_version()
        entry = found.get(key)
        if entry is None or entry["version"] != version:
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
        gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        return f"page:{int(gzip)}:{path}"

    @staticmethod
    def _cacheable_response(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
            and "no-store" not in response.get("Cache-Control", "")
        )

    def _store(self, key, response, version: int) -> dict:
        response["ETag"] = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
        response["Last-Modified"] = http_date(data_changed_at())
        response["Cache-Control"] = "public, no-cache"
        patch_vary_headers(response, ("Accept-Encoding",))
        entry = {
            "version": version,
            "content": response.content,
            "status": response.status_code,
            "headers": dict(response.items()),
        }
        cache.set(key, entry, PAGE_TIMEOUT)
        return entry

    @staticmethod
    def _respond(request, entry):
        from django.http import HttpResponse, HttpResponseNotModified

        if request.headers.get("If-None-Match") == entry["headers"].get("ETag"):
            response = HttpResponseNotModified()
            for header in ("ETag", "Last-Modified", "Cache-Control", "Vary"):
                if header in entry["headers"]:
                    response[header] = entry["headers"][header]
            return response
        response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"].items():
            response[header] = value
        return response
