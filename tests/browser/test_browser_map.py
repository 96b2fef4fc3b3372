"""The map in a real browser: regions drawn, keyboard and mouse open an SWV, no other host, axe clean.

These tests talk to the gunicorn process of `site_url`, not to the database: `site_url` comes first in
every signature so the session database is set up before Playwright starts its event loop.
"""

import re
import time
from urllib.parse import urlparse

import pytest

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures
READY = ".kaart--klaar"


@pytest.mark.django_db
def test_regions_are_there_for_the_browser(real_data_dir):
    """Runs before the browser starts (and makes pytest-django create the session database)."""
    from swv.models import Samenwerkingsverband

    assert Samenwerkingsverband.objects.exclude(regio_geojson="").count() == 150


def _watch_hosts(page) -> set:
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    return hosts


def _point_inside(page, selector: str) -> dict:
    """A viewport point where the given SVG path is the topmost element (regions can be concave).

    Scroll the map, not the path: scrolling a path would scroll inside the map, which Leaflet undoes.
    """
    return page.evaluate(
        """(selector) => {
          const path = document.querySelector(selector);
          document.getElementById("kaart").scrollIntoView({block: "center", behavior: "instant"});
          const box = path.getBoundingClientRect();
          for (let i = 1; i < 20; i++) {
            for (let j = 1; j < 20; j++) {
              const x = box.left + box.width * i / 20, y = box.top + box.height * j / 20;
              if (document.elementFromPoint(x, y) === path) { return {x, y}; }
            }
          }
          return null;
        }""",
        selector,
    )


@pytest.mark.parametrize("url, count", [("/kaart/", 76), ("/kaart/vo/", 74)])
def test_map_draws_every_region_from_the_site_only(site_url, page, real_data_dir, url, count):
    hosts = _watch_hosts(page)
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(READY)
    elapsed = (time.perf_counter() - start) * 1000
    shown = page.evaluate("performance.getEntriesByName('kaart-klaar')[0].startTime")
    print(f"{url}: map drawn {shown:.0f} ms after navigation start ({elapsed:.0f} ms wall clock)")  # with -s
    assert page.locator("path.kaart-regio").count() == count
    assert page.locator("path.kaart-gedeeld").count() > 0
    assert page.locator(".leaflet-tile").count() == 0
    assert hosts == {urlparse(site_url).netloc}


def test_region_opens_with_the_keyboard(site_url, page, real_data_dir):
    page.goto("/kaart/")
    page.wait_for_selector(READY)
    region = page.locator('path.kaart-regio[data-code="PO3009"]')
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "link"
    assert "PO 30-09" in region.get_attribute("aria-label")
    region.focus()
    assert "PO 30-09" in page.locator(".leaflet-tooltip").inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/swv/PO3009-"))


def test_tab_reaches_the_regions(site_url, page, real_data_dir):
    page.goto("/kaart/")
    page.wait_for_selector(READY)
    page.locator("#kaart").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "link"
    assert page.evaluate("document.activeElement.classList.contains('kaart-regio')")


def test_region_opens_with_a_click_and_shows_its_name_on_hover(site_url, page, real_data_dir):
    page.goto("/kaart/vo/")
    page.wait_for_selector(READY)
    selector = 'path.kaart-regio[data-code="VO3009"]'
    point = _point_inside(page, selector)
    assert point is not None
    page.mouse.move(point["x"], point["y"])
    assert "VO 30-09" in page.locator(".leaflet-tooltip").inner_text()
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(re.compile(r"/swv/VO3009-"))


@pytest.mark.parametrize("url", ["/kaart/", "/zoeken/?q=Haarlemmermeer", "/zoeken/?q=qwxzv", "/swv/PO3009/"])
def test_map_and_search_pages_have_no_wcag_violations(site_url, page, real_data_dir, url):
    page.goto(url)
    if "/zoeken/" not in url:
        page.wait_for_selector(READY)
    violations = axe_violations(page)
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def test_list_works_without_javascript(site_url, browser, real_data_dir):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/kaart/vo/")
    assert page.locator(".kaart__zonder-js").is_visible()
    assert page.locator(".kaart-lijst__swvs a").count() == 74
    context.close()


def test_small_map_on_the_swv_page(site_url, page, real_data_dir):
    page.goto("/swv/PO3009/")
    page.wait_for_selector(".minikaart .kaart--klaar")
    assert page.locator(".minikaart path.kaart-regio").count() == 1
    assert "Veldhoven" in page.locator(".minikaart figcaption").inner_text()
