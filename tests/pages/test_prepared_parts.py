"""The parts of /landelijk/ and the SWV page made from the imported data alone are rendered once per
source-data version (prepared by the import commands); a page whose whole-page copy is gone renders the
rest only. And however many periods are loaded, a page shows the latest ten of each figure."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from swv.caching.versions import pages_changed, source_data_changed
from swv.figures import PERIODS_ON_PAGE
from swv.management.commands.import_data import render_figure_parts
from swv.models import Samenwerkingsverband
from tests.opendata.test_api_pagination import _add_periods

pytestmark = pytest.mark.django_db

# What the prepared parts leave out: the figures' values, the schools, their pupil counts.
FIGURE_TABLES = ("swv_waarde", "swv_vestiging", "swv_leerlingtelling", "swv_schoolcijfer")


def _render(client, url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("url", ["swv", "/landelijk/", "/landelijk/?sector=vo"])
def test_prepared_parts_render_the_same_page_without_the_figures(client, url):
    if url == "swv":
        url = Samenwerkingsverband.objects.get(code="PO3009").get_absolute_url()
    fresh, _ = _render(client, url)  # renders every part and keeps them for this source-data version
    source_data_changed()  # an import ...
    render_figure_parts()  # ... and its preparation (of /landelijk/)
    if url.startswith("/swv/"):
        _render(client, url)  # an SWV page's parts: by its first visitor after the import
    pages_changed()  # then a publish: no whole-page copy
    prepared, queries = _render(client, url)
    assert prepared == fresh
    read = [table for table in FIGURE_TABLES if any(table in sql for sql in queries)]
    assert read == [], read


def test_a_page_shows_the_latest_periods_of_a_figure_and_says_where_the_others_are(client):
    _add_periods(["leerlingen_totaal"], years=PERIODS_ON_PAGE + 5)
    source_data_changed()
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    html = client.get(swv.get_absolute_url()).content.decode()
    block = html[html.index('id="cijfer-leerlingen_totaal"') :]
    block = block[: block.index('<p class="klopt">')]
    table = block[block.index("per periode</caption>") :]
    assert len(re.findall(r'<th scope="row">', table[: table.index("</table>")])) == PERIODS_ON_PAGE
    assert f"De laatste {PERIODS_ON_PAGE} perioden; alle" in block
    assert f'href="/downloads/swv/{swv.code}.csv"' in block
    # The API and the downloads keep every period.
    rows = client.get(f"/api/v1/samenwerkingsverbanden/{swv.code}/cijfers?perPagina=1000").json()["results"]
    assert len([r for r in rows if r["indicator"] == "leerlingen_totaal"]) > PERIODS_ON_PAGE + 5

    landelijk = client.get("/landelijk/?sector=po").content.decode()
    block = landelijk[landelijk.index('id="cijfer-leerlingen_totaal"') :]
    block = block[: block.index('<p class="klopt">')]
    assert f"De laatste {PERIODS_ON_PAGE} perioden; alle" in block
    assert 'href="/cijfers/leerlingen_totaal/"' in block
