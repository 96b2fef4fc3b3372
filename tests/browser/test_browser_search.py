"""A parent on a phone (390 px) searches the way people type: everyday names, villages, typos."""

import pytest

from tests.browser.conftest import PHONE, in_thread
from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures


@pytest.mark.django_db
def test_session_database_is_there():
    """Carries the django_db mark, so the test database is created even when this module runs alone."""
    from swv.models import Samenwerkingsverband

    assert Samenwerkingsverband.objects.exists()


@pytest.fixture(scope="module")
def expected(django_db_setup, django_db_blocker):
    """The SWV's each query must lead to, read from the indeling itself (gemeente, or the village's postcodes)."""
    from swv.models import Postcodegebied, SwvGemeente, Vestiging
    from swv.selectors.indeling import current_indeling

    def find():
        indeling = current_indeling()

        def of_gemeente(naam):
            rows = SwvGemeente.objects.filter(indeling=indeling, gemeente__naam=naam, gemeente__geldig_tot=None)
            return {r.swv.get_absolute_url() for r in rows.select_related("swv")}

        village = Postcodegebied.objects.filter(
            indeling=indeling, pc4__in=Vestiging.objects.filter(plaats="Hapert").values("pc4")
        ).select_related("po_swv", "vo_swv")
        return {
            "Den Haag": of_gemeente("'s-Gravenhage"),
            "Den Bosch": of_gemeente("'s-Hertogenbosch"),
            "'s-Hertogenbosch": of_gemeente("'s-Hertogenbosch"),
            "Hapert": {a.po_swv.get_absolute_url() for a in village} | {a.vo_swv.get_absolute_url() for a in village},
            "Veldhovn": of_gemeente("Veldhoven"),
        }

    with django_db_blocker.unblock():
        return in_thread(find)


@pytest.mark.parametrize("query", ["Den Haag", "Den Bosch", "'s-Hertogenbosch", "Hapert", "Veldhovn"])
def test_parent_on_a_phone_finds_the_right_swv_first(phone, expected, query):
    phone.goto("/")
    phone.locator("input[name=q]").first.fill(query)
    phone.get_by_role("button", name="Zoeken").first.click()
    phone.wait_for_load_state()
    first = phone.locator(".zoek-resultaat").first
    links = {a.get_attribute("href") for a in first.locator(".zoek-resultaat__swvs a").all()}
    assert links == expected[query], (query, first.inner_text())
    if query == "Veldhovn":
        assert "Veldhoven" in phone.locator(".zoek-suggestie").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(phone) == []
    first.locator(".zoek-resultaat__swvs a").first.click()  # and the link really opens that SWV's page
    assert phone.url.endswith(tuple(expected[query]))


def test_typing_an_everyday_name_offers_it_as_a_suggestion(phone):
    """The search box's datalist is filled while typing (our own script, same-origin JSON); axe finds nothing."""
    requests = []
    phone.on("request", lambda request: requests.append(request.url))
    phone.goto("/")
    box = phone.locator("input[name=q]").first
    box.press_sequentially("Den Ha", delay=40)
    options = phone.locator(f"datalist#{box.get_attribute('id')}-suggesties option")
    options.first.wait_for(state="attached")
    assert options.first.get_attribute("value") == "Den Haag"
    assert "'s-Gravenhage" in options.first.get_attribute("label")
    asked = [url for url in requests if "/zoeken/suggesties" in url]
    assert asked and all("q=D&" not in url and not url.endswith("q=D") for url in asked)  # not from 1 character
    site = phone.url.split("/")[2]
    assert all(url.split("/")[2] == site for url in requests if url.startswith("http"))  # nothing external
    assert axe_violations(phone) == []
    box.fill("Den Haag")
    phone.get_by_role("button", name="Zoeken").first.click()  # submitting still goes to /zoeken/
    phone.wait_for_load_state()
    assert "/zoeken/?q=Den+Haag" in phone.url
