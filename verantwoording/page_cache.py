"""Whole-page cache for anonymous visitors, correct because every data change bumps one version number.

Public pages only change through an import, a published toelichting, an upload or an edited context
text; each of those calls swv.services.cache.data_changed(). A cached page remembers the version it
was made under and is recomputed once the version moves on; repeat visits revalidate with ETag /
Last-Modified for a 304. A hit reads the version from process memory, kept current by Redis' notices
(verantwoording/tracked_keys.py); the page comes from the process's own recent copies when it has one.
"""

import hashlib
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, quote_etag

from swv.services.cache import data_changed_at, data_version

CACHEABLE_TYPES = ("text/html", "application/geo+json", "application/json")
PAGE_TIMEOUT = 24 * 60 * 60
LOCAL_PAGES = 300  # per process, a few MB: cached pages are stored gzipped (GZipMiddleware runs inside)


class _LocalPages:
    """The most recently served pages of this process, each valid only for the version it was made under.

    A copy of what the shared cache holds, never the only one: a new process starts empty and loses
    nothing, and every request still checks the shared data version first.
    """

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, dict] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, version: int) -> dict | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry["version"] != version:
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: dict) -> None:
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_local = _LocalPages(size=LOCAL_PAGES)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = tuple(getattr(settings, "PAGE_CACHE_EXCLUDE", ("/beheer", "/admin", "/beheer-voorbeeld")))

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        # The data version always comes from the shared cache, so a change on any server shows at once;
        # the page itself usually comes from this process's copy, saving the transfer of the whole page.
        version = data_version()
        entry = _local.get(key, version)
        if entry is None:
            entry = cache.get(key)
            if entry is None or entry["version"] != version:
                response = self.get_response(request)
                if not self._cacheable_response(response):
                    return response
                entry = self._store(key, response, version)
            _local.put(key, entry)
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
