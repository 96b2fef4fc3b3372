"""Home, landelijk and an SWV page in headless Chromium: accessible, complete without JavaScript, light,
and loading nothing from another host."""

import gzip
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import in_thread
from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures

MAX_PAGE_BYTES_GZIPPED = 300 * 1024


@pytest.fixture(scope="module")
def swv_urls(django_db_setup, django_db_blocker):
    from django.db.models import Count

    from swv.models import Samenwerkingsverband

    def find():
        largest = Samenwerkingsverband.objects.annotate(n=Count("vestigingen")).order_by("-n").first()
        unnamed = Samenwerkingsverband.objects.get(code="PO3009")
        return {"largest": largest.get_absolute_url(), "po3009": unnamed.get_absolute_url(), "pk": unnamed.pk}

    with django_db_blocker.unblock():
        return in_thread(find)


@pytest.fixture
def published_toelichting(django_db_blocker, swv_urls):
    """A committed toelichting, so the separate server process sees it; removed afterwards."""
    from uploads.models import Toelichting

    with django_db_blocker.unblock():
        toelichting = in_thread(
            lambda: Toelichting.objects.create(
                swv_id=swv_urls["pk"], thema="ondersteuning", gepubliceerd="Wij werken met **arrangementen**."
            )
        )
    yield toelichting
    with django_db_blocker.unblock():
        in_thread(toelichting.delete)


@pytest.mark.django_db
def test_session_database_is_there():
    """Runs first and carries the django_db mark, so the test database is created even when this module
    runs alone (pytest-django creates it only for sessions with such a test)."""
    from swv.models import Samenwerkingsverband

    assert Samenwerkingsverband.objects.filter(code="PO3009").exists()


def _record(page, site_url: str) -> list:
    responses = []
    page.on("response", lambda response: responses.append(response))
    return responses


def _assert_light_and_local(responses, site_url: str):
    host = urlparse(site_url).netloc
    total = 0
    for response in responses:
        assert urlparse(response.url).netloc == host, f"request to another host: {response.url}"
        total += len(gzip.compress(response.body()))
    assert total <= MAX_PAGE_BYTES_GZIPPED, f"{total} bytes gzipped"
    return total


@pytest.mark.parametrize("path", ["/", "/landelijk/", "/landelijk/?sector=po", "largest"])
def test_page_is_accessible_light_and_local(page, site_url, swv_urls, path):
    url = swv_urls.get(path, path)
    responses = _record(page, site_url)
    response = page.goto(url)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    _assert_light_and_local(responses, site_url)
    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == "nl"
    assert axe_violations(page) == []


def test_toelichting_shows_with_heading_when_published(page, swv_urls, published_toelichting):
    page.goto(swv_urls["po3009"])
    box = page.locator("#ondersteuning .toelichting")
    assert box.count() == 1
    assert box.locator("h3").inner_text() == "Toelichting van het samenwerkingsverband: ondersteuning"
    assert "arrangementen" in box.inner_text()
    assert page.locator("#financien .toelichting").count() == 0
    assert axe_violations(page) == []


def test_no_toelichting_no_heading_or_box(page, swv_urls):
    page.goto(swv_urls["po3009"])
    assert page.locator(".toelichting").count() == 0
    assert page.get_by_text("Toelichting van het samenwerkingsverband").count() == 0


def test_swv_page_is_complete_without_javascript(browser, site_url, swv_urls):
    context = browser.new_context(base_url=site_url, java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(swv_urls["po3009"])
        for heading in [
            "In het kort",
            "Schoolbesturen en scholen",
            "Regio",
            "Ondersteuning",
            "Financiën",
            "Organisatie",
            "Documenten",
        ]:
            assert page.get_by_role("heading", name=heading, exact=True).count() == 1
        page.locator("details.onderwerp > summary").first.click()  # native <details>, no script
        page.get_by_text("Tabel: spreiding en ontwikkeling").first.click()
        assert page.locator("details[open] table").first.is_visible()
    finally:
        context.close()


def test_skip_link_is_first_and_focus_is_visible(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skiplink"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
