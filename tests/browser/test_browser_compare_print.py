"""In Chromium: compare two SWV's through the form (no JavaScript needed), and print an SWV page and the
landelijk page to A4 PDF with the print stylesheet."""

import os
import re
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures


@pytest.mark.django_db
def test_the_swvs_of_these_tests_exist():
    """Runs before Playwright starts; its database mark also makes a run of this file alone set up the DB."""
    from swv.models import Samenwerkingsverband

    assert Samenwerkingsverband.objects.filter(code__in=["PO3009", "PO3010", "VO3001"]).count() == 3


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_compare_two_swvs_through_the_form(page):
    page.goto("/swv/PO3009/")
    page.get_by_role("link", name="Vergelijk met andere samenwerkingsverbanden").click()
    page.wait_for_load_state()
    assert page.url.endswith("/vergelijk/?swv=PO3009")
    assert page.locator("#swv-1").input_value() == "PO3009"
    page.select_option("#swv-2", "VO3001")
    page.get_by_role("button", name="Vergelijk").click()
    page.wait_for_load_state()
    assert re.search(r"/vergelijk/\?swv=PO3009&swv=VO3001$", page.url)
    assert page.locator("table.compare").count() > 3
    header = page.locator("table.compare").first.locator("thead").inner_text()
    assert "PO 30-09" in header and "VO 30-01" in header and "Gemiddelde PO" in header and "Gemiddelde VO" in header
    assert page.get_by_text("van vergelijkbare grootte").first.is_visible()
    assert axe_violations(page) == []


def test_compare_page_is_shareable_and_works_without_javascript(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/vergelijk/?swv=PO3009&swv=PO3010")
    assert page.locator("#vergelijk-leerlingen_totaal td").count() == 3
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/vergelijk/",
        "/vergelijk/?swv=PO3009",
        "/klopt-dit-niet/?swv=PO3009&indicator=leerlingen_totaal&periode=2024-10-01",
        "/api/",
    ],
)
def test_open_data_pages_are_accessible(page, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("path,name", [("/swv/PO3009/", "swv"), ("/landelijk/", "landelijk")])
def test_pages_print_cleanly_on_a4(page, site_url, tmp_path, path, name):
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert page.locator('link[media="print"][href$="/print.css"]').count() == 1
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator("nav.toc").is_visible()
    assert not page.locator(".spread").first.is_visible()  # a chart prints as its table ...
    assert page.locator(".figure__details table").first.is_visible()  # ... which is unfolded
    pdf = page.pdf(format="A4", print_background=False)
    out = Path(os.environ.get("PRINT_OUT_DIR") or tmp_path)  # set PRINT_OUT_DIR to keep the PDFs
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF") and pdf_pages(pdf) >= 2
    # The running header: the page's subject and today's date, in the page margins of every page.
    href = page.locator('link[href^="/afdrukken.css"]').first.get_attribute("href")
    css = urlopen(site_url + href).read().decode()
    assert "Afgedrukt op " in css and "@top-left" in css and "@top-right" in css
    if name == "swv":
        assert "PO 30-09" in css
    else:
        assert "Landelijk beeld" in css
