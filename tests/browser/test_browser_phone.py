"""The SWV page and the open-data pages on a phone (390 x 844): short, documents early, few tab stops,
nothing that scrolls the page sideways."""

import pytest

from tests.browser.conftest import PHONE, in_thread
from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures
MAX_SCREENS = 15
DOCUMENTS_WITHIN_SCREENS = 3
MAX_TAB_STOPS_BEFORE_DOCUMENT = 40


@pytest.mark.django_db
def test_session_database_is_there():
    """Carries the django_db mark, so the test database is created even when this module runs alone."""
    from swv.models import Samenwerkingsverband

    assert Samenwerkingsverband.objects.filter(code="PO3009").exists()


@pytest.fixture(scope="module")
def po3009_with_document(django_db_setup, django_db_blocker):
    """PO3009's page with one committed document, so the separate server process shows it; removed afterwards."""
    from swv.models import Samenwerkingsverband
    from tests.factories import DocumentFactory

    def create():
        document = DocumentFactory(swv=Samenwerkingsverband.objects.get(code="PO3009"))
        return document.swv.get_absolute_url(), document

    with django_db_blocker.unblock():
        url, document = in_thread(create)
    yield url, document.get_absolute_url()
    with django_db_blocker.unblock():
        in_thread(document.delete)


def _scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_swv_page_is_short_with_documents_early_and_few_tab_stops(phone, po3009_with_document):
    url, document_url = po3009_with_document
    phone.goto(url)
    height = phone.evaluate("document.documentElement.scrollHeight")
    assert height <= MAX_SCREENS * PHONE["height"], f"{height / PHONE['height']:.1f} screens"
    link = phone.locator(f'#in-het-kort a[href="{document_url}"]')
    top = link.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    assert top < DOCUMENTS_WITHIN_SCREENS * PHONE["height"], f"document at {top / PHONE['height']:.1f} screens"
    for _stop in range(MAX_TAB_STOPS_BEFORE_DOCUMENT):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.getAttribute('href')") == document_url:
            break
    else:
        pytest.fail(f"the document is not reached within {MAX_TAB_STOPS_BEFORE_DOCUMENT} tab stops")
    assert _scroll_width(phone) <= PHONE["width"]
    assert axe_violations(phone) == []


def test_everything_on_the_swv_page_stays_reachable(phone, po3009_with_document):
    """Folded topics open; a key figure's link opens the figure; the navigation stays in view."""
    url, _ = po3009_with_document
    phone.goto(url)
    for heading in ["In het kort", "Ondersteuning", "Financiën", "Organisatie", "Documenten", "Regio"]:
        assert phone.get_by_role("heading", name=heading, exact=True).count() == 1, heading
    topic = phone.locator("details.onderwerp").first
    topic.locator("> summary").click()
    assert topic.locator(".figure").first.is_visible()
    phone.locator(".kerncijfer a").first.click()
    target = phone.evaluate("location.hash")
    assert phone.locator(target).is_visible()
    nav = phone.get_by_role("navigation", name="Op deze pagina")
    assert nav.bounding_box()["y"] <= 1  # sticky: still at the top after jumping far down
    schools = phone.locator("#introductie details.lijst")
    schools.locator("summary").click()
    assert schools.locator(".scholen a").first.is_visible()


@pytest.mark.parametrize(
    "path",
    [
        "/documenten/",
        "/api/",
        "/api/v1/samenwerkingsverbanden?format=api",
        "/api/v1/waarden?format=api",
        "/zoeken/?q=Den+Haag",
        "/landelijk/",
        "/kaart/",
        "/",
        "/vergelijk/?swv=PO3009",
        "/klopt-dit-niet/",
    ],
)
def test_no_page_scrolls_sideways_on_a_phone(phone, path):
    phone.goto(path)
    phone.wait_for_load_state("networkidle")
    assert _scroll_width(phone) <= PHONE["width"], path
