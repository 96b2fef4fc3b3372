"""Cache keys are normalised: only the query parameters a view declares count, so links with tracking or
random parameters hit the cached page and the cache does not grow with them; headers fit a CDN in front."""

import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from swv.caching.middleware import EXCLUDED
from swv.caching.params import declared_params
from tests.factories import GemeenteFactory, SamenwerkingsverbandFactory, WaardeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


def _pages() -> int:
    return len(cache.keys("page:*"))


def test_unknown_parameters_hit_the_cached_page_and_add_no_key(client, django_assert_num_queries):
    first = client.get("/landelijk/")
    assert first.status_code == 200
    pages = _pages()
    for number in range(20):
        noise = f"utm_source=nieuwsbrief{number}&utm_medium=mail&fbclid={uuid.uuid4().hex}&r={uuid.uuid4().hex}"
        with django_assert_num_queries(0):
            response = client.get(f"/landelijk/?{noise}")
        assert response.content == first.content
    assert _pages() == pages


def test_an_empty_value_is_the_page_without_it(client, django_assert_num_queries):
    """What a filter form sends for "all" (?soort=&sector=) is the page without those parameters."""
    plain = client.get("/documenten/")
    with django_assert_num_queries(0):
        filled = client.get("/documenten/?soort=&sector=&utm_source=x")
    assert filled.content == plain.content


def test_a_view_that_redirects_to_its_own_address_sees_the_blanks_sent(client):
    """The comparison form sends its unused selects (?swv=..&swv=&swv=); the address to share has none"""
    po, vo = SamenwerkingsverbandFactory(sector="PO").code, SamenwerkingsverbandFactory(sector="VO").code
    assert client.get(f"/vergelijk/?swv={po}&swv={vo}").status_code == 200  # now in the cache
    for query in (f"swv={po}&swv=&swv={vo}&swv=", f"swv=&swv={po}&swv={vo}&utm_source=x"):
        response = client.get(f"/vergelijk/?{query}")
        assert response.status_code == 302
        assert response["Location"] == f"/vergelijk/?swv={po}&swv={vo}"


def test_declared_parameters_count_in_any_order(client, django_assert_num_queries):
    po, vo = SamenwerkingsverbandFactory(sector="PO").code, SamenwerkingsverbandFactory(sector="VO").code
    national = client.get("/landelijk/").content
    vo_page = client.get("/landelijk/?sector=vo&utm_campaign=x").content
    assert vo_page != national
    compared = client.get(f"/vergelijk/?swv={po}&swv={vo}&r=1")
    with django_assert_num_queries(0):
        again = client.get(f"/vergelijk/?r=2&swv={po}&fbclid=3&swv={vo}")
    assert again.content == compared.content


def test_a_view_sees_only_its_declared_parameters(client):
    """The page is the same whatever else the link says: an unknown parameter never reaches the view."""
    swv = SamenwerkingsverbandFactory()
    for code in ("leerlingen_totaal", "geschillen", "deelname_sbo"):
        WaardeFactory(swv=swv, indicator__code=code)
    page = client.get(f"/api/v1/waarden?swv={swv.code}&perPagina=2&utm_source=x").json()
    assert "utm_source" not in page["next"] and "perPagina=2" in page["next"]


def test_an_unexpected_value_is_answered_but_not_cached(client):
    pages = _pages()
    for number in range(5):
        response = client.get(f"/landelijk/?sector=onzin{number}")
        assert response.status_code < 500
    assert _pages() == pages


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("/landelijk/?sector=Po", "testserver"),  # mixed case
        ("/landelijk/?sector=po&sector=po", "testserver"),  # read once, given twice
        ("/api/v1/gemeenten?perPagina=010", "testserver"),  # leading zero
        ("/api/v1/gemeenten?perPagina=5000", "testserver"),  # answered as 1000
        ("/api/v1/gemeenten?swv=PO8888", "testserver"),  # fits the pattern, names nothing: an empty list
        ("/downloads/waarden.json?indicator=bestaat_niet", "testserver"),
        ("/zoeken/?q=qqzzqq", "testserver"),  # finds nothing
        ("/zoeken/suggesties?q=qqzzqq", "testserver"),
        ("/documenten/?soort=onzin", "testserver"),
        ("/api/v1/waarden?gemeente=GM0363", "testserver"),  # a filter of another niveau: refused
        ("/documenten/?pagina=999", "testserver"),  # past the last page: a 404
        ("/afdrukken.css?pagina=/willekeurig", "testserver"),  # private: the browser's alone
        ("/zoeken/?q=%20%20", "testserver"),  # nothing to search for
        ("/downloads/swv/{swv}.csv", "testserver"),  # a code in the path in another case
        ("/feeds/swv/{swv}.atom", "testserver"),
        ("/api/v1/gemeenten?swv={swv}", "testserver"),
        ("/landelijk/", "TESTSERVER"),
        ("/landelijk/", "testserver."),
        ("/landelijk/", "testserver:1"),
        ("/landelijk/", "testserver:080"),
    ],
)
def test_an_odd_spelling_or_a_value_that_names_nothing_is_answered_but_not_cached(client, url, host):
    """Each would otherwise be a key of its own, without end (any port, any code that fits the pattern)."""
    GemeenteFactory()
    code = SamenwerkingsverbandFactory().code
    client.get(url.split("?")[0].format(swv=code))
    pages = _pages()
    assert client.get(url.format(swv=code.lower()), HTTP_HOST=host).status_code < 500
    assert _pages() == pages


def test_the_catalogue_is_kept_once_per_host_not_per_spelling(client):
    """Its links name the host, so it is kept per host; a host in another spelling (any port) is built anew."""
    assert client.get("/catalogus.ttl").status_code == 200
    kept = set(cache.keys("derived:catalogus*"))
    for host in ("TESTSERVER", "testserver.", "testserver:1"):
        assert client.get("/catalogus.ttl", HTTP_HOST=host).status_code == 200
    assert set(cache.keys("derived:catalogus*")) == kept


def test_anonymous_pages_are_ready_for_a_cdn(client, settings):
    response = client.get("/landelijk/")
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0"} <= control
    assert f"s-maxage={settings.PAGE_CACHE_SHARED_SECONDS}" in control
    assert f"stale-while-revalidate={settings.PAGE_CACHE_STALE_WHILE_REVALIDATE}" in control
    assert f"stale-if-error={settings.PAGE_CACHE_STALE_IF_ERROR}" in control
    assert response["ETag"] and response["Last-Modified"]


@pytest.mark.realdata
def test_the_full_values_download_is_streamed_then_served_from_the_cache(client, django_assert_num_queries):
    first = client.get("/downloads/waarden.csv")
    assert first.status_code == 200 and first.streaming
    body = b"".join(first.streaming_content)
    assert body.startswith("\ufeff".encode()) and body.count(b"\r\n") > 5000
    with django_assert_num_queries(0):
        again = client.get("/downloads/waarden.csv?utm_source=x")
    assert again.content == body and again["ETag"]
    assert client.get("/downloads/waarden.csv", HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 304


# Views that are never cached: the report form sets a CSRF cookie; DRF's root lists the endpoints.
NEVER_CACHED = {"melding", "melding-bedankt", "api:api-root"}


def test_every_public_view_declares_its_query_parameters():
    """A view added later without a declaration would be cached only without a query string."""
    undeclared = []

    def walk(resolver, namespace, prefix):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                walk(entry, ":".join(p for p in (namespace, entry.namespace) if p), prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern) and not ("/" + prefix + str(entry.pattern)).startswith(EXCLUDED):
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                holders = (
                    entry.callback,
                    getattr(entry.callback, "view_class", None),
                    getattr(entry.callback, "cls", None),
                )
                if name not in NEVER_CACHED and not any(hasattr(h, "cached_query_params") for h in holders):
                    undeclared.append((name, prefix + str(entry.pattern)))

    walk(get_resolver(), "", "")
    assert not undeclared
    assert declared_params("/landelijk/") is not None
