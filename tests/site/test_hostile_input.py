"""No input reaches a 500: every public URL pattern of the URLconf, walked with hostile values.

The URLs are read from the URLconf itself, so a URL added later is walked too (and a URL whose
parameters the walker cannot fill makes the test fail instead of going unchecked). Each one is asked
with NUL bytes, overlong values, impossible dates and unknown formats in every query parameter a
view reads, in its path parameters, and with format suffixes; nothing may answer 5xx.
"""

import re
from contextlib import contextmanager

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from swv.models import Gemeente, Indicator
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
HOSTILE_VALUES = [OVERLONG, "2023-13-01", "-1", "xyz"]
UNKNOWN_FORMATS = ["api", "json", "xyz", "csv", "html"]


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


def assert_no_server_error(client, method, path, data):
    response = getattr(client, method)(path, data)
    assert response.status_code < 500, (method, path, {k: v[:40] for k, v in data.items()}, response.status_code)
    return response


@pytest.mark.realdata
def test_every_public_url_survives_hostile_input(walked):
    client = Client(raise_request_exception=False)
    for (_name, _pattern), paths in walked.items():
        for path in paths:
            with query_reads() as read:
                assert_no_server_error(client, "get", path, {})
            parameters = set(QUERY_PARAMETERS) | (read - {"*"}) if "*" in read else read
            for variant, data in hostile_variants(path, parameters):
                assert_no_server_error(client, "get", variant, data)


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
