"""/cijfers/<code>/ in Chromium at phone and desktop width: map coloured per SWV, plotly bars with the SWV
on hover, no CSP violation, accessible, and at most 500 KB gzipped with its JavaScript."""

import gzip
from urllib.parse import urlparse

import pytest

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures
MAX_PAGE_BYTES_GZIPPED = 500 * 1024


@pytest.mark.django_db
def test_session_database_is_there():
    from swv.models import Indicator

    assert Indicator.objects.filter(code="deelname_sbo").exists()


@pytest.mark.parametrize("width", [390, 1440])
def test_figure_page_map_chart_weight_and_axe(browser, site_url, width):
    context = browser.new_context(base_url=site_url, locale="nl-NL", viewport={"width": width, "height": 844})
    page = context.new_page()
    responses, problems = [], []
    page.on("response", lambda response: responses.append(response))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto("/cijfers/deelname_sbo/")
        page.wait_for_selector("#cijferkaart.kaart--klaar path")
        page.wait_for_selector("#verdeling .main-svg")
        page.wait_for_load_state("networkidle")
        total = 0
        for response in responses:
            assert urlparse(response.url).netloc == urlparse(site_url).netloc, response.url
            total += len(gzip.compress(response.body()))
        assert total <= MAX_PAGE_BYTES_GZIPPED, f"{total} bytes gzipped"
        assert problems == []  # among others: no style or script refused by the CSP
        # the map: every region has a colour of its class or the 'niet aangeleverd' grey
        fills = page.eval_on_selector_all("#cijferkaart path", "ps => ps.map(p => p.getAttribute('fill'))")
        assert len(set(fills)) >= 3
        # hovering a bar names its SWV and value
        page.locator("#verdeling").scroll_into_view_if_needed()
        box = page.locator("#verdeling .point path").first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] - 5, steps=3)  # under plotly's drag layer
        hover = page.locator("#verdeling .hoverlayer .hovertext").first
        hover.wait_for(state="attached")
        assert "Samenwerkingsverband" in hover.text_content() and "%" in hover.text_content()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert axe_violations(page) == []
    finally:
        context.close()


def test_a_national_figure_page_has_its_series_and_no_map(page):
    from_page = page.goto("/cijfers/bekostiging_passend_onderwijs/")
    assert from_page.status == 200
    assert page.locator("#cijferkaart").count() == 0
    assert page.get_by_role("heading", name="Ontwikkeling").count() <= 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [390, 1440])
@pytest.mark.parametrize("path", ["/begrippen/", "/cijfers/", "/cijfers/leerlingen_totaal/?sector=vo"])
def test_glossary_and_figure_pages_are_accessible(browser, site_url, width, path):
    context = browser.new_context(base_url=site_url, locale="nl-NL", viewport={"width": width, "height": 844})
    page = context.new_page()
    try:
        assert page.goto(path).status == 200
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert axe_violations(page) == []
    finally:
        context.close()
