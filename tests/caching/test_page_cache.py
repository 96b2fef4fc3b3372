"""Cached pages stay correct: any import, publish, upload or edited text shows at once; repeat visits cost a 304;
an unknown Host never gets (or makes) a cached page."""

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from landelijk.models import ThemaContext
from swv.caching.versions import VERSION_KEY, data_version, pages_changed, source_data_version
from swv.figures import sector_figures
from swv.importing.run import run_import
from tests.factories import SamenwerkingsverbandFactory, WaardeFactory
from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import client_for, upload_plan
from uploads import services
from uploads.models import Toelichting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


def _swv_url():
    return SamenwerkingsverbandFactory().get_absolute_url()


def test_second_visit_is_served_from_cache_with_etag(client, django_assert_num_queries):
    url = _swv_url()
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not not_modified.content


def _cached(client, url, django_assert_num_queries) -> str:
    """The page as a visitor gets it, after proving that a repeat visit comes from the cache."""
    first = client.get(url).content.decode()
    with django_assert_num_queries(0):
        assert client.get(url).content.decode() == first
    return first


def test_cached_page_changes_after_an_import(client, tmp_path, django_assert_num_queries):
    swv = SamenwerkingsverbandFactory()
    before = _cached(client, swv.get_absolute_url(), django_assert_num_queries)
    assert "Cachetest Kempen" not in before
    path = tmp_path / "swv-adressen.csv"
    path.write_text(f"SAMENWERKINGSVERBANDNUMMER;NAAM\n{swv.code};Samenwerkingsverband Cachetest Kempen\n")
    run_import(source_key="swv_adressen", path=path, progress=False)
    after = client.get(swv.get_absolute_url(), follow=True).content.decode()
    assert "Cachetest Kempen" in after


def test_cached_page_changes_after_publishing_a_toelichting_not_after_a_draft(
    client, swv_a, personas, django_assert_num_queries
):
    url = swv_a.get_absolute_url()
    assert "Onze cachetesttekst" not in _cached(client, url, django_assert_num_queries)
    draft = services.save_draft(
        toelichting=Toelichting(swv=swv_a, thema="ondersteuning"),
        tekst="Onze cachetesttekst.",
        user=personas["staff_a"],
    )
    assert "Onze cachetesttekst" not in client.get(url).content.decode()  # a draft is not public
    services.publish(toelichting=draft, user=personas["staff_a"])
    assert "Onze cachetesttekst" in client.get(url).content.decode()


def test_cached_pages_change_after_an_upload(client, swv_a, personas, django_assert_num_queries):
    pages = [swv_a.get_absolute_url(), reverse("uploads:documenten")]
    for url in pages:
        assert "Cachetest ondersteuningsplan" not in _cached(client, url, django_assert_num_queries)
    upload_plan(swv_a, personas["staff_a"], titel="Cachetest ondersteuningsplan")
    for url in pages:
        assert "Cachetest ondersteuningsplan" in client.get(url).content.decode(), url


def test_cached_national_page_changes_after_the_admin_edits_a_context_text(client, personas, django_assert_num_queries):
    url = reverse("landelijk:index")
    assert "Cachetest context" not in _cached(client, url, django_assert_num_queries)
    context = ThemaContext.objects.first()
    staff = client_for(type(client)(), personas["beheerder"])
    change = reverse("admin:landelijk_themacontext_change", args=[context.pk])
    response = staff.post(change, {"thema": context.thema, "tekst": "Cachetest context voor dit thema."})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Cachetest context" in client.get(url).content.decode()


def test_logged_in_staff_bypass_the_cache(admin_client):
    url = _swv_url()
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "ETag" not in response


def test_publishing_re_renders_pages_but_keeps_the_computed_figures(swv_a, personas, django_assert_num_queries):
    """Figures change only by an import; a toelichting must not make every sector's figures be recomputed."""
    sector_figures(sector=swv_a.sector)
    source_before, pages_before = source_data_version(), data_version()
    draft = services.save_draft(
        toelichting=Toelichting(swv=swv_a, thema="financien"), tekst="Nieuwe uitleg.", user=personas["staff_a"]
    )
    services.publish(toelichting=draft, user=personas["staff_a"])
    assert data_version() != pages_before
    assert source_data_version() == source_before
    with django_assert_num_queries(0):
        sector_figures(sector=swv_a.sector)


def test_an_import_makes_the_computed_figures_stale(tmp_path):
    code = SamenwerkingsverbandFactory().code
    source_before, pages_before = source_data_version(), data_version()
    path = tmp_path / "swv-adressen.csv"
    path.write_text(f"SAMENWERKINGSVERBANDNUMMER;NAAM\n{code};Samenwerkingsverband Versietest\n")
    run_import(source_key="swv_adressen", path=path, progress=False)
    assert source_data_version() != source_before and data_version() != pages_before


def test_a_change_on_another_server_ends_the_cached_page_within_the_process_window(
    client, settings, django_assert_num_queries
):
    """The data version lives in the shared cache; each process keeps a page it served for
    PAGE_CACHE_PROCESS_SECONDS, so another server's change shows here once that window has passed."""
    window = 1  # seconds (Django cache timeouts are whole seconds)
    local = {**settings.CACHES["local"], "TIMEOUT": window}
    with override_settings(CACHES={**settings.CACHES, "local": local}):
        url = _swv_url()
        _cached(client, url, django_assert_num_queries)
        # What pages_changed() on another app server leaves in the shared cache (this process's own
        # change would also drop its copies at once).
        cache.set(VERSION_KEY, time.time_ns())
        with django_assert_num_queries(0):
            client.get(url)
        time.sleep(window + 0.05)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
    assert len(queries) > 0


def test_a_change_in_this_process_shows_at_once(client, django_assert_num_queries):
    url = _swv_url()
    _cached(client, url, django_assert_num_queries)
    pages_changed()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) > 0


def test_a_change_sets_the_version_again_at_commit(swv_a, personas, django_capture_on_commit_callbacks):
    """A page rendered between a save and the commit shows the old rows under the new version; the
    second version set at commit retires it."""
    draft = services.save_draft(
        toelichting=Toelichting(swv=swv_a, thema="organisatie"), tekst="Commit-test.", user=personas["staff_a"]
    )
    before = data_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.publish(toelichting=draft, user=personas["staff_a"])
        during = data_version()
    assert during != before
    assert len(callbacks) == 1
    assert data_version() not in (before, during)


def test_an_unknown_host_gets_a_400_not_the_cached_page(client):
    url = _swv_url()
    assert client.get(url).status_code == 200  # now cached for a valid host
    assert client.get(url, HTTP_HOST="evil.example").status_code == 400
    assert client.get(url, HTTP_HOST="evil.example", HTTP_IF_NONE_MATCH="*").status_code == 400


def test_absolute_links_in_a_cached_page_belong_to_the_host_that_asked(client):
    """API pagination links are absolute: a page cached for one allowed host is not served to another."""
    WaardeFactory.create_batch(2)
    url = reverse("api:waarde-list") + "?perPagina=1"
    for host in ("localhost", "127.0.0.1", "localhost"):
        body = client.get(url, HTTP_HOST=host).json()
        assert body["next"].startswith(f"http://{host}/"), body["next"]


def test_without_redis_pages_render_and_each_process_keeps_its_own_copies(client, settings, django_assert_num_queries):
    """Redis down: no error, and a page is rendered once per process, not once per request."""
    url = _swv_url()
    down = {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:1/0"}  # nothing listens on port 1
    with override_settings(CACHES={**settings.CACHES, "default": down}):
        first = client.get(url)
        assert first.status_code == 200
        with django_assert_num_queries(0):
            again = client.get(url)
    assert again.status_code == 200 and again.content == first.content
