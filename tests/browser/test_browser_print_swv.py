"""The printed SWV page: the whole region map on page 1, every school name printed, the header's code
as the page writes it."""

from urllib.request import urlopen

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures
# A4 minus the print stylesheet's margins (15 mm left and right, 20 mm top, 18 mm bottom) at 96 dpi.
A4_CONTENT = {"width": round(180 / 25.4 * 96), "height": round(259 / 25.4 * 96)}


@pytest.mark.django_db
def test_session_database_is_there():
    from swv.models import Samenwerkingsverband

    assert Samenwerkingsverband.objects.filter(code="PO3009").exists()


def test_printed_swv_page_has_the_whole_minimap_on_page_one_and_the_school_names(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="nl-NL", viewport=A4_CONTENT)
    page = context.new_page()
    try:
        page.goto("/swv/PO3009/")
        page.wait_for_selector(".kaart--klein.kaart--klaar path")
        page.emulate_media(media="print")
        page.wait_for_timeout(300)  # the map fits the region again for the printed size
        box = page.locator(".kaart--klein").bounding_box()
        top = page.evaluate("window.scrollY") + box["y"]
        assert top + box["height"] <= A4_CONTENT["height"], "the map does not end on page 1"
        # every part of the region lies inside the map: nothing is cropped
        parts = page.eval_on_selector_all(
            ".kaart--klein path.kaart-regio, .kaart--klein path.kaart-gedeeld",
            "ps => ps.map(p => { const r = p.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })",
        )
        assert parts
        for left, top_, right, bottom in parts:
            assert box["x"] - 1 <= left and right <= box["x"] + box["width"] + 1
            assert box["y"] - 1 <= top_ and bottom <= box["y"] + box["height"] + 1
        schools = page.locator(".scholen a")
        assert schools.count() > 10 and schools.first.is_visible() and schools.last.is_visible()
        href = page.locator('link[href^="/afdrukken.css"]').first.get_attribute("href")
        css = urlopen(site_url + href).read().decode()
        assert "PO 30-09" in css and "PO 3009" not in css and css.count("PO 30-09") == 1
        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF")
    finally:
        context.close()
