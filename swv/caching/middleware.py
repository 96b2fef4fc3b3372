"""Whole-page cache for anonymous visitors, correct because every data change sets a new data version.

Public pages only change through an import, a published toelichting, an upload or an edited context
text; each of those calls swv.caching.versions.pages_changed() or source_data_changed(). A cached page
remembers the version it was made under and is made again once the version moves on. One Redis round
trip reads both the version and the page; each process then keeps the page for PAGE_CACHE_PROCESS_SECONDS
(Django's LocMemCache, settings CACHES["local"]), so a page asked for many times a second costs one Redis
read per second per process. Another server's change therefore shows within that second (the page's own
s-maxage lets a CDN wait a minute); this process's own change at once (versions._set clears its copies).
Repeat visits revalidate with ETag / Last-Modified for a 304. Without Redis every page is rendered once per
process per PAGE_CACHE_PROCESS_SECONDS.

The Host header is validated (ALLOWED_HOSTS) before anything is looked up, and the key includes the
validated host and scheme, since pages contain absolute links (API pagination, feeds); a host or a path
in another spelling than the canonical one (case, trailing dot, a port not the server's; a code in a path
as the converters read it, po3009) is answered uncached. Of the query
string only the parameters the view declares count (swv.caching.params): the key, and the page, are the
same whatever else a link adds. An answer marked no-store or private (an empty filter result, the print
header) is never stored.

Anonymous pages say `Cache-Control: public, max-age=0, s-maxage=…, stale-while-revalidate=…,
stale-if-error=…`: browsers revalidate every time (a 304 while nothing changed), a CDN or reverse proxy
may answer for s-maxage seconds and keep answering from its copy while the site is down.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse, HttpResponseNotModified
from django.http.request import split_domain_port
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, quote_etag

from swv.caching.params import canonical_path, declared_params, normalise_query
from swv.caching.versions import PROCESS_PAGES, changed_at, data_version_and

CACHEABLE_TYPES = (
    "text/html",
    "application/geo+json",
    "application/json",
    "application/atom+xml",
    "text/csv",
    "text/css",
)
CACHE_CONTROL = "public, max-age=0, s-maxage={shared}, stale-while-revalidate={revalidate}, stale-if-error={error}"
EXCLUDED = ("/beheer", "/admin")  # the staff side (and /beheer-voorbeeld/) is never cached
# Larger answers (the big CSV downloads) are not kept in each process: 300 entries stay below 150 MB.
PROCESS_MAX_BYTES = 512 * 1024
REVALIDATION_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Vary")


def canonical_host(request) -> bool:
    """Whether the Host is written the one way the cache keys by: lower case, no trailing dot, no port or the
    server's own. Every other spelling (LOCALHOST, localhost., localhost:1, localhost:08000) is answered, for
    its absolute links name that host, but would add a key per spelling. get_host() validates the Host
    header first: an unknown host is a 400 (DisallowedHost), never a cached page, never part of a key."""
    host = request.get_host()
    domain, port = split_domain_port(host)
    return host == (f"{domain}:{port}" if port else domain) and port in ("", request.get_port())


def canonical_address(request) -> bool:
    """Whether host and path are written the one way the cache keys by: the path as the URLconf writes it
    (`/downloads/swv/po3009.csv` and `PO%2030-09` read the same SWV, but only PO3009 is kept)."""
    return canonical_host(request) and canonical_path(request.path_info)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = tuple(getattr(settings, "PAGE_CACHE_EXCLUDE", EXCLUDED))

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.excluded):
            return self.get_response(request)
        declared = declared_params(request.path_info)
        if declared is not None:
            cacheable, blank = normalise_query(request, declared)
            cacheable = cacheable and not (blank and declared.canonical_redirect)
        else:
            cacheable = not request.META.get("QUERY_STRING")  # which parameters count is unknown
        if not (cacheable and settings.PAGE_CACHE_ENABLED and self._anonymous(request) and canonical_address(request)):
            return self.get_response(request)
        key = self._key(request)
        entry = caches[PROCESS_PAGES].get(key)
        if entry is not None:
            return self._respond(request, entry)
        version, entry = data_version_and(key)
        if entry is not None and entry[0] == version:
            self._keep(key, entry)
        else:
            response = self.get_response(request)
            if not self._cacheable_response(response):
                return response
            if response.streaming:
                return self._record(key, response, version)
            entry = self._store(key, response, version)
        return self._respond(request, entry)

    @staticmethod
    def _anonymous(request) -> bool:
        return settings.SESSION_COOKIE_NAME not in request.COOKIES

    @staticmethod
    def _key(request) -> str:
        host = request.get_host()  # validated by canonical_host
        gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        url = f"{request.scheme}://{host}{request.get_full_path()}"
        return f"page:{int(gzip)}:{hashlib.sha256(url.encode()).hexdigest()}"

    @staticmethod
    def _cacheable_response(response) -> bool:
        return (
            response.status_code == 200
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
            and not {"no-store", "private"} & {part.strip() for part in response.get("Cache-Control", "").split(",")}
        )

    @staticmethod
    def _cache_headers(response, version: int) -> None:
        response["Last-Modified"] = http_date(changed_at(version))
        response["Cache-Control"] = CACHE_CONTROL.format(
            shared=settings.PAGE_CACHE_SHARED_SECONDS,
            revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
            error=settings.PAGE_CACHE_STALE_IF_ERROR,
        )
        patch_vary_headers(response, ("Accept-Encoding",))

    def _store(self, key: str, response, version: int) -> tuple:
        self._cache_headers(response, version)
        return self._save(key, response, version, response.content)

    @staticmethod
    def _save(key: str, response, version: int, content: bytes) -> tuple:
        headers = dict(response.items())
        headers["ETag"] = quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest())
        entry = (version, response.status_code, headers, content)
        if len(content) <= settings.PAGE_CACHE_MAX_BYTES:
            cache.set(key, entry)  # no expiry: retired by the version; Redis evicts the least recently used
        PublicPageCacheMiddleware._keep(key, entry)
        return entry

    @staticmethod
    def _keep(key: str, entry: tuple) -> None:
        if len(entry[3]) <= PROCESS_MAX_BYTES:
            caches[PROCESS_PAGES].set(key, entry)

    def _record(self, key: str, response, version: int):
        """A streamed answer (a large download) goes out as it is made; a copy is stored once it is complete."""
        self._cache_headers(response, version)
        stream = response.streaming_content

        def recording():
            chunks, size = [], 0
            for chunk in stream:
                size += len(chunk)
                if size <= settings.PAGE_CACHE_MAX_BYTES:
                    chunks.append(chunk)
                yield chunk
            if size <= settings.PAGE_CACHE_MAX_BYTES:
                self._save(key, response, version, b"".join(chunks))

        response.streaming_content = recording()
        return response

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
