"""No input reaches a 500 or an English page: every public URL pattern of the URLconf, walked with hostile
values, methods and headers.

The URLs are read from the URLconf itself, so a URL added later is walked too (and a URL whose
parameters the walker cannot fill makes the test fail instead of going unchecked). Each one is asked
with NUL bytes, overlong values, impossible dates, lone and broken percent escapes, repeated and array
parameters and unknown formats in every query parameter a view reads, in its path parameters, with
format suffixes, with every method and with odd headers; nothing may answer 5xx, and every error is the
Dutch page in the site's layout (under /api/v1: problem details). None of it may add a page to the page
cache. A real gunicorn is asked what only a server sees (raw bytes, overlong request lines).
"""

import gzip
import json
import re
import socket
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.test import Client, override_settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse

from swv.caching.params import declared_params
from swv.models import Gemeente, Indicator
from tests.conftest import start_site, stop_process
from tests.factories import GemeenteFactory
from tests.staff_fixtures import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db

# Tried on views that read the whole query (each view's own parameters are found by recording its reads).
QUERY_PARAMETERS = [
    "q",
    "sector",
    "swv",
    "gemeente",
    "indicator",
    "periode",
    "niveau",
    "thema",
    "soort",
    "pagina",
    "perPagina",
    "format",
    "terug",
    "next",
]
NUL = "a\x00b"
OVERLONG = "x" * 5000
# (A NUL byte anywhere in the query is refused before any view runs, so one of those per URL suffices.)
HOSTILE_VALUES = [OVERLONG, "2023-13-01", "-1", "xyz", "1.5", "99999999999999999999", "%", "\u202e\u00fc"]
# Written into the query string as they are: a lone %, a broken escape, invalid UTF-8, an array, a repeat.
RAW_QUERIES = ["{p}=%", "{p}=%zz", "{p}=%FF%C0%AF", "{p}[]=1&{p}[]=2", "{p}=1&{p}=2&{p}=3", "{p}"]
UNKNOWN_FORMATS = ["api", "json", "xyz", "csv", "html", "xml", "JSON"]
METHODS = ["HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND"]
# Grouped: the headers of one group do not stand in each other's way, and every page is asked once per group.
ODD_HEADERS = [
    {
        "HTTP_ACCEPT": "*/*;q=x",
        "HTTP_ACCEPT_LANGUAGE": "*;q=x,,;",
        "HTTP_ACCEPT_ENCODING": "gzip;q=x, br, identity;q=0",
        "HTTP_IF_NONE_MATCH": "garbage",
        "HTTP_IF_MODIFIED_SINCE": "Mon, 99 Foo 9999 99:99:99 GMT",
        "HTTP_RANGE": "bytes=99999999-",
        "HTTP_IF_RANGE": "garbage",
    },
    {
        "HTTP_ACCEPT": "application/xml",
        "HTTP_IF_NONE_MATCH": "*",
        "HTTP_IF_MODIFIED_SINCE": "Fri, 31 Dec 9999 23:59:59 GMT",
        "HTTP_IF_UNMODIFIED_SINCE": "garbage",
        "HTTP_IF_MATCH": "garbage",
    },
    {
        "HTTP_ACCEPT": "text/html;q=0, application/json;q=0",
        "HTTP_X_FORWARDED_FOR": "garbage, ::1, 999.1.1.1",
        "HTTP_X_FORWARDED_PROTO": "garbage",
        "HTTP_X_FORWARDED_HOST": "evil.example",
        "HTTP_X_FORWARDED_PORT": "abc",
        "HTTP_USER_AGENT": "",
        "HTTP_COOKIE": "sessionid=garbage; csrftoken=%FF",
        "HTTP_REFERER": "\u00ff",
    },
    {"HTTP_HOST": "LOCALHOST."},
    {"HTTP_HOST": "localhost:99999"},
    {"HTTP_HOST": "[::1]:80"},
]


def public_patterns():
    """(namespace:name, pattern) for every URL outside the staff admin (anonymous visitors are sent to
    its login page before any input is read; its login page itself is included)."""
    found = []

    def walk(resolver, namespace):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                walk(entry, ":".join(part for part in (namespace, entry.namespace) if part))
            elif isinstance(entry, URLPattern):
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                if namespace == "admin" and entry.name != "login":
                    continue
                found.append((name, entry))

    walk(get_resolver(), "")
    return found


def sample_values(swv, document):
    gemeente = Gemeente.objects.order_by("code").first()
    indicator = Indicator.objects.order_by("code").first()
    return {
        "code": [swv.code, gemeente.code, indicator.code],
        "slug": [swv.slug],
        "pk": [document.pk],
        "fmt": ["csv", "json", "ttl", "jsonld"],
        "format": ["json", "api"],
        "csv_path": [f"swv/{swv.code}.csv", "landelijk.csv"],
        "rest": ["/bestaat-niet", "/samenwerkingsverbanden/"],
        "sector": ["po", "vo"],
        "key": ["leerlingen"],
    }


def group_names(pattern) -> list[str]:
    regex = pattern.pattern.regex
    return list(regex.groupindex)


def example_paths(name, pattern, samples) -> list[str]:
    """Concrete paths for a pattern: each combination of candidate values that reverses."""
    if name is None or name.endswith(":None"):
        return []
    names = group_names(pattern)
    if not names:
        try:
            return [reverse(name)]
        except NoReverseMatch:
            return []
    paths = []
    combos = [{}]
    for group in names:
        combos = [{**c, group: value} for c in combos for value in samples.get(group, [])]
    for kwargs in combos:
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
        paths.append(url)
    return sorted(set(paths))


@pytest.fixture
def walked(swv_a, document_a):
    if not Gemeente.objects.exists():  # a run without the open data: a gemeente of the factories
        GemeenteFactory()
    samples = sample_values(swv_a, document_a)
    urls = {}
    missing = []
    for name, pattern in public_patterns():
        paths = example_paths(name, pattern, samples)
        if not paths:
            missing.append((name, str(pattern.pattern)))
        urls[(name, str(pattern.pattern))] = paths
    assert not missing, f"no example values for these URL patterns (add them to sample_values): {missing}"
    return urls


@contextmanager
def query_reads():
    """The query parameters views read while the block runs ("*" when a view reads all of them)."""
    read: set[str] = set()
    originals = {}

    def recorder(name, everything):
        original = getattr(QueryDict, name)

        def record(self, *args, **kwargs):
            read.add("*" if everything or not args else args[0])
            return original(self, *args, **kwargs)

        return record

    for name, everything in [
        ("get", False),
        ("getlist", False),
        ("__getitem__", False),
        ("__contains__", False),
        ("lists", True),
        ("items", True),
        ("keys", True),
        ("values", True),
        ("__iter__", True),
        ("dict", True),
        ("copy", True),
    ]:
        originals[name] = QueryDict.__dict__.get(name)
        setattr(QueryDict, name, recorder(name, everything))
    try:
        yield read
    finally:
        for name, original in originals.items():
            if original is None:
                delattr(QueryDict, name)
            else:
                setattr(QueryDict, name, original)


def hostile_variants(path: str, parameters) -> list[tuple[str, dict]]:
    """The path with hostile values in each parameter its view reads, hostile path parts and suffixes."""
    variants = [(path, {parameter: value}) for parameter in sorted(parameters) for value in HOSTILE_VALUES]
    variants.append((path, {"onbekend\x00": NUL, **dict.fromkeys(parameters, NUL)}))
    base = path.rstrip("/")
    for suffix in UNKNOWN_FORMATS:
        variants.append((f"{base}.{suffix}", {}))
    for segment in re.findall(r"[^/]+", path):
        for value in ("a%00b", "x" * 3000, "%C3%BC" * 200, "2023-13-01"):
            variants.append((path.replace(segment, value, 1), {}))
    return variants


def raw_query_variants(path: str, parameters) -> list[str]:
    separator = "&" if "?" in path else "?"
    return [path + separator + raw.format(p=parameter) for parameter in sorted(parameters) for raw in RAW_QUERIES]


def assert_answered_in_dutch(response, what) -> None:
    """No 5xx; an error is a Dutch page in the site's layout (the error page, or a form with its errors), or
    problem details / a Dutch JSON error."""
    assert response.status_code < 500, (what, response.status_code)
    if response.status_code < 400 or not response.content:
        assert response.status_code < 400 or what[0] == "HEAD", (what, response.status_code, "an empty error")
        return
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    body = content.decode()
    if "json" in response["Content-Type"]:
        payload = json.loads(body)
        assert payload.get("detail") or payload.get("fout"), (what, body[:200])
    else:
        assert '<html lang="nl">' in body and 'aria-label="Hoofdmenu"' in body, (what, response.status_code, body[:200])


def ask(client, method, path, data=None, **headers):
    response = client.generic(method, path, **headers) if data is None else client.get(path, data, **headers)
    assert_answered_in_dutch(response, (method, path[:120], {k: v[:40] for k, v in (data or {}).items()}, headers))
    return response


@pytest.mark.realdata
def test_every_public_url_survives_hostile_input(walked):
    client = Client(raise_request_exception=False)
    for (_name, _pattern), paths in walked.items():
        for path in paths:
            with query_reads() as read:
                ask(client, "GET", path, {})
            parameters = set(QUERY_PARAMETERS) | (read - {"*"}) if "*" in read else read
            for variant, data in hostile_variants(path, parameters):
                ask(client, "GET", variant, data)
            for variant in raw_query_variants(path, (read - {"*"}) | set(declared_params(urlsplit(path).path) or {})):
                ask(client, "GET", variant)


@pytest.mark.realdata
def test_every_public_url_takes_only_its_methods(walked):
    """A page only reads: another method is a Dutch 405 with Allow, before the CSRF check (which would call
    it an expired form) and before a view that renders whatever the method (TRACE echoing a page). The API
    answers its own 405s as problem details; the report form also takes POST."""
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    for (_name, _pattern), paths in walked.items():
        for path in paths:
            func = resolve(urlsplit(path).path).func
            accepted = getattr(func, "accepted_methods", {"GET", "HEAD", "OPTIONS"})
            for method in METHODS:
                response = ask(client, method, path)
                if path.startswith("/beheer"):
                    continue
                if method == "OPTIONS":
                    assert response.status_code in (200, 204) and "GET" in response["Allow"], (path, response)
                elif method not in accepted:
                    assert response.status_code == 405 and "GET" in response["Allow"], (method, path, response)


@pytest.mark.realdata
def test_every_public_url_survives_odd_headers(walked):
    client = Client(raise_request_exception=False)
    for (_name, _pattern), paths in walked.items():
        for path in paths[:1]:
            for headers in ODD_HEADERS:
                ask(client, "GET", path, **headers)
            ask(client, "GET", path, HTTP_X_FORWARDED_FOR="garbage")


@pytest.mark.realdata
def test_odd_forwarded_addresses_with_a_trusted_proxy(settings, swv_a):
    settings.TRUSTED_PROXY_COUNT = 2
    client = Client(raise_request_exception=False)
    for forwarded in ("", "garbage", "1.2.3.4", "::1, garbage", ", , ,", "999.1.1.1, 10.0.0.1, 10.0.0.2"):
        ask(client, "GET", "/", HTTP_X_FORWARDED_FOR=forwarded)
        ask(client, "POST", "/klopt-dit-niet/", HTTP_X_FORWARDED_FOR=forwarded)


def test_forms_survive_hostile_posts(swv_a):
    """The report form with hostile hidden fields: a Dutch 400, never a 500, and nothing stored."""
    from swv.models import Melding

    client = Client(raise_request_exception=False)
    base = {"omschrijving": "Het getal klopt niet", "swv": swv_a.code, "indicator": "leerlingen_totaal"}
    for field in ["swv", "indicator", "periode", "pagina", "omschrijving", "bron", "email"]:
        for value in HOSTILE_VALUES:
            response = client.post("/klopt-dit-niet/", {**base, field: value}, REMOTE_ADDR=f"10.9.{len(value) % 250}.1")
            assert response.status_code < 500, (field, value[:20], response.status_code)
    assert all("\x00" not in text for text in Melding.objects.values_list("omschrijving", flat=True))


@pytest.mark.parametrize(
    "url",
    [
        "/zoeken/?q=a%00b",
        "/api/v1/gemeenten?swv=a%00b",
        "/klopt-dit-niet/?indicator=a%00b",
        "/swv/PO30%0009/",
    ],
)
def test_nul_bytes_are_a_dutch_400(client, url):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 400
    body = response.content.decode()
    assert "ongeldig" in body.lower()
    if url.startswith("/api/"):
        assert response["Content-Type"].startswith("application/") and "json" in response["Content-Type"]
    else:
        assert '<html lang="nl">' in body and 'role="search"' in body


def csrf_client() -> Client:
    """A client as a browser is: with the CSRF cookie, so the CSRF check reads the posted form itself."""
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    client.get("/klopt-dit-niet/")
    return client


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("application/x-www-form-urlencoded; charset=utf-16", b"omschrijving=x", 400),  # was a 500
        ("application/x-www-form-urlencoded", b"a&" * 1200, 400),
        ("application/x-www-form-urlencoded", b"omschrijving=" + b"x" * 5000, 413),
        ("multipart/form-data; boundary=", b"--\r\n", 400),
        ("multipart/form-data", b"a=1", 400),
    ],
)
def test_a_form_django_cannot_parse_is_a_dutch_answer(settings, db, content_type, body, status):
    """Parsed once, before any view: the error page's own CSRF check does not parse it again and fail."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    response = csrf_client().generic("POST", "/klopt-dit-niet/", body, content_type=content_type)
    assert response.status_code in (status, 403), response.status_code  # 403: the form parsed, without its token
    assert_answered_in_dutch(response, ("POST", content_type))
    assert response.status_code == status


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND"])
def test_a_page_takes_no_other_method_than_reading(db, method):
    client = csrf_client()
    for path in ("/", "/landelijk/", "/documenten/", "/downloads/landelijk.csv", "/api/"):
        response = client.generic(method, path)
        assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS", (path, response)
        assert_answered_in_dutch(response, (method, path))
    api = client.generic(method, "/api/v1/gemeenten")
    assert api.status_code == 405 and api["Content-Type"] == "application/problem+json"
    options = client.options("/landelijk/")
    assert options.status_code == 200 and options["Allow"] == "GET, HEAD, OPTIONS" and not options.content


@pytest.mark.parametrize("value", ["%", "%zz", "%25s", "%(x)s"])
def test_a_percent_sign_in_a_filter_is_a_dutch_400(db, value):
    """django-filter formats a refusal with %: a code with a lone % in it was a 500."""
    response = Client(raise_request_exception=False).get(f"/api/v1/gemeenten?swv={value}")
    assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == "swv"


@pytest.mark.parametrize("periode", ["2023-13-01", "0000-01-01", "2023-02-30"])
def test_impossible_periode_on_the_report_form_is_a_dutch_400(swv_a, periode):
    client = Client(raise_request_exception=False)
    query = {"swv": swv_a.code, "indicator": "leerlingen_totaal", "periode": periode}
    get = client.get("/klopt-dit-niet/", query)
    post = client.post("/klopt-dit-niet/", {**query, "omschrijving": "Klopt niet"})
    for response in (get, post):
        assert response.status_code == 400
        assert "periode" in response.content.decode().lower()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/waarden?format=api",
        "/api/v1/waarden.api",
        "/api/v1/waarden.json",
        "/api/v1/samenwerkingsverbanden.json",
        "/api/v1/indicatoren?format=api",
    ],
)
def test_browsable_api_and_format_suffixes_work(url):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 200, response.content[:500]
    if "api" in url.rsplit("/", 1)[-1]:
        assert response["Content-Type"].startswith("text/html")
    else:
        assert response["Content-Type"].startswith("application/json")


def test_cijfers_suffix_works(swv_a):
    client = Client(raise_request_exception=False)
    for suffix, kind in (("api", "text/html"), ("json", "application/json")):
        response = client.get(f"/api/v1/samenwerkingsverbanden/{swv_a.code}/cijfers.{suffix}")
        assert response.status_code == 200 and response["Content-Type"].startswith(kind)
    assert client.get(f"/api/v1/samenwerkingsverbanden/{swv_a.code}/cijfers.xyz").status_code in (404, 406)


# --- error pages ---------------------------------------------------------------------------------


def assert_dutch_page_in_layout(response, status):
    assert response.status_code == status
    body = response.content.decode()
    assert '<html lang="nl">' in body
    assert 'aria-label="Hoofdmenu"' in body and 'role="search"' in body, "navigation and search"
    assert "Not Found" not in body and "Bad Request" not in body and "Server Error" not in body
    return body


def test_404_is_dutch_in_the_site_layout():
    body = assert_dutch_page_in_layout(Client().get("/bestaat-niet/"), 404)
    assert "Pagina niet gevonden" in body


def test_500_is_dutch_in_the_site_layout(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    import sys

    from django.urls import resolve

    monkeypatch.setattr(sys.modules[resolve("/zoeken/").func.__module__], "search", broken)
    body = assert_dutch_page_in_layout(Client(raise_request_exception=False).get("/zoeken/?q=Utrecht"), 500)
    assert "Er ging iets mis" in body and "kapot" not in body


def test_403_is_dutch_in_the_site_layout(client, personas):
    client.force_login(personas["staff_a"])
    body = assert_dutch_page_in_layout(client.get("/beheer/swv/waarde/"), 403)
    assert "Geen toegang" in body


def test_csrf_failure_is_dutch(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["staff_a"])
    body = assert_dutch_page_in_layout(client.post("/klopt-dit-niet/", {"omschrijving": "x"}), 403)
    assert "formulier is verlopen" in body


def test_djangos_own_400s_are_dutch():
    """Django's own 400s (here a forged Host) show the Dutch page too, without their English message."""
    body = assert_dutch_page_in_layout(Client().get("/", HTTP_HOST="evil.example"), 400)
    assert "evil.example" not in body


def test_api_errors_stay_json():
    client = Client(raise_request_exception=False)
    missing = client.get("/api/v1/bestaat-niet")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"
    unknown = client.get("/api/v1/gemeenten/GM9999")
    assert unknown.status_code == 404 and "detail" in unknown.json()


def test_long_unicode_file_name_gets_a_dutch_400(personas, swv_a):
    """A file name whose part headers pass Django's 1 KB limit: the Dutch page says what to do."""
    from tests.staff_fixtures import MINIMAL_PDF

    client = Client(raise_request_exception=False)
    client.force_login(personas["staff_a"])
    boundary = "----grens"
    fields = {"swv": str(swv_a.pk), "soort": "jaarplan", "titel": "Jaarplan"}
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    )
    body += (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="{"ü" * 1000}.pdf"\r\n'
            f"Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + MINIMAL_PDF
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = client.generic(
        "POST", "/beheer/uploads/document/add/", body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    html = assert_dutch_page_in_layout(response, 400)
    assert "kortere naam" in html


# --- the page cache ------------------------------------------------------------------------------

# Values no view names anything with, for every declared parameter: answered, never a cached page.
# (Codes outside the sector's and the factories' ranges: PO8888 and GM8888 name nothing.)
JUNK_VALUES = ["onzin-qx", "0", "-1", "1.5", "0001", "99999999999", "Po", "PO8888", "GM8888", "%", "", "x" * 300]
# A valid value per parameter, given twice where the view reads it once.
REPEATED = {"sector": "po", "pagina": "1", "perPagina": "10", "format": "json", "niveau": "swv", "periode": "2023"}
ODD_HOSTS = ["LOCALHOST", "localhost.", "localhost:1", "localhost:0080", "Localhost:80"]


def junk_requests(path: str) -> list[tuple[str, str, dict]]:
    """(method, address, headers) of requests for path that no cache may keep."""
    separator = "&" if "?" in path else "?"
    declared = declared_params(urlsplit(path).path) or {}
    found = [("GET", f"{path}{separator}utm_source=x&a[]=1&sort=naam&r=7", {})]
    for name in declared:
        found += [("GET", f"{path}{separator}{name}={value}", {}) for value in JUNK_VALUES]
        found += [("GET", path + separator + raw.format(p=name), {}) for raw in RAW_QUERIES]
        if name in REPEATED:
            found.append(("GET", f"{path}{separator}{name}={REPEATED[name]}&{name}={REPEATED[name]}", {}))
    found += [("GET", path, {"HTTP_HOST": host}) for host in ODD_HOSTS]
    found += [(method, path, {}) for method in ("HEAD", "OPTIONS", "POST", "TRACE")]
    return found


@pytest.mark.realdata
def test_hostile_requests_add_nothing_to_the_page_cache(walked):
    """Nothing of the above is cached: the normal page stays what it was, and no junk adds a key, so the
    cache holds at most the pages of values that exist (README, Caching)."""
    client = Client(raise_request_exception=False)
    with override_settings(PAGE_CACHE_ENABLED=True):
        normal = {}
        for (_name, _pattern), paths in walked.items():
            for path in paths[:1]:
                client.get(path, HTTP_ACCEPT_ENCODING="gzip")  # its gzipped copy is a page of its own
                response = client.get(path)
                if response.status_code == 200 and "public" in response.get("Cache-Control", ""):  # a cached page
                    normal[path] = b"".join(response) if response.streaming else response.content
        for path in normal:
            pages = set(cache.keys("page:*"))
            for method, address, headers in junk_requests(path):
                ask(client, method, address, **headers)
            assert set(cache.keys("page:*")) == pages, (path, "junk added a cached page")
        for path, content in normal.items():
            again = client.get(path)
            assert (b"".join(again) if again.streaming else again.content) == content, path


# --- a real server -------------------------------------------------------------------------------


def raw_request(url: str, request: bytes) -> tuple[int, dict, bytes]:
    address = urlsplit(url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


SERVER_REFUSES = [
    b"GET /zoeken/?q=\xc3\xbc HTTP/1.1\r\nHost: localhost\r\n\r\n",  # a raw non-ASCII byte in the address
    b"GET /zoeken/?q=a b HTTP/1.1\r\nHost: localhost\r\n\r\n",
    b"GET /" + b"x" * 9000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n",  # past the longest request line
    b"GET * HTTP/1.1\r\nHost: localhost\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: localhost\r\nBroken header\r\n\r\n",
    b"BREW / HTTP/9.9\r\nHost: localhost\r\n\r\n",
]


def test_what_gunicorn_refuses_gets_the_dutch_page(django_db_setup, django_db_blocker):
    """Requests gunicorn refuses before Django sees them (gunicorn_conf.py, server.py) get the
    site's page, never gunicorn's English one, and no proxy may keep it; a long address up to what nginx
    passes is the site's own 404. The server reads the session's database as it is (a transactional test
    would empty it afterwards for every later test)."""
    with django_db_blocker.unblock():
        url, server = start_site()
    try:
        for request in SERVER_REFUSES:
            status, headers, body = raw_request(url, request)
            assert 400 <= status < 500, (request[:60], status)
            assert b'<html lang="nl">' in body and b"Bad Request" not in body, (request[:60], body[:200])
            assert headers["cache-control"] == "no-store" and "charset=utf-8" in headers["content-type"]
        status, _headers, body = raw_request(url, b"GET /" + b"x" * 6000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert status == 404 and b"Pagina niet gevonden" in body
        status, _headers, body = raw_request(url, b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        assert status == 200 and b'<html lang="nl">' in body
    finally:
        stop_process(server)
