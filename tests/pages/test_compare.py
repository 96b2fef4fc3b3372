"""The comparison page: 2-4 SWV's of any sector side by side, shareable, equal to their own pages."""

import re

import pytest

from swv.models import Samenwerkingsverband
from tests.factories import SamenwerkingsverbandFactory, WaardeFactory
from tests.helpers import figure_value, page_text
from tests.opendata.test_downloads import read_csv

pytestmark = pytest.mark.django_db


def cells(html: str, code: str) -> list[str]:
    match = re.search(rf'<tr id="vergelijk-{re.escape(code)}">(.*?)</tr>', html, re.DOTALL)
    assert match, code
    return [page_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.DOTALL)]


def test_two_swvs_of_both_sectors_side_by_side_equal_their_own_pages(client):
    po, vo = SamenwerkingsverbandFactory(sector="PO"), SamenwerkingsverbandFactory(sector="VO")
    for swv, sector_only in ((po, "deelname_sbo"), (vo, "deelname_vso")):
        for code, getal in (("leerlingen_totaal", 1200), ("geschillen", 7), (sector_only, 2.5)):
            WaardeFactory(swv=swv, indicator__code=code, getal=getal)
    response = client.get(f"/vergelijk/?swv={po.code}&swv={vo.code}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gemiddelde PO" in html and "Gemiddelde VO" in html
    assert "vergelijkbare grootte" in html
    for column, swv in enumerate([po, vo]):
        page = client.get(swv.get_absolute_url()).content.decode()
        codes = re.findall(r'id="cijfer-([-a-z0-9_]+)"', page)
        assert codes
        for code in codes:
            assert cells(html, code)[column].startswith(figure_value(page, code).split(" (")[0]), (swv.code, code)
    assert "niet van toepassing" in html  # sbo exists only in PO, vso only in VO


def test_selection_is_canonical_and_shareable(client):
    one, other = SamenwerkingsverbandFactory.create_batch(2)
    response = client.get(f"/vergelijk/?swv={one.code_leesbaar.lower()}&swv={other.code}&swv=")
    assert response.status_code == 302
    assert response["Location"] == f"/vergelijk/?swv={one.code}&swv={other.code}"


@pytest.mark.parametrize(
    "query,message",
    [
        ("swv={0}&swv=PO0001", "bestaat niet"),
        ("swv={0}&swv=onzin", "geen code"),
        ("swv={0}&swv={1}&swv={2}&swv={3}&swv={4}", "ten hoogste 4"),
    ],
)
def test_bad_selections_say_what_is_wrong(client, query, message):
    codes = [swv.code for swv in SamenwerkingsverbandFactory.create_batch(5)]
    response = client.get(f"/vergelijk/?{query.format(*codes)}")
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.realdata
def test_one_swv_from_its_page_gets_suggestions_of_similar_size(client):
    from swv.figures import member_codes, peer_group

    swv = Samenwerkingsverband.objects.get(code="PO3009")
    response = client.get("/vergelijk/?swv=PO3009")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vergelijk PO 30-09 met" in html and 'value="PO3009" selected' in html
    for code in member_codes(group=peer_group(swv=swv)):
        if code != "PO3009":
            assert f"/vergelijk/?swv=PO3009&amp;swv={code}" in html


def test_empty_compare_page_offers_the_form(client):
    swv = SamenwerkingsverbandFactory()
    html = client.get("/vergelijk/").content.decode()
    assert html.count('name="swv"') == 4 and swv.code_leesbaar in html


@pytest.mark.realdata
def test_comparison_download_has_the_current_figures_of_each_swv(client):
    frame = read_csv(client.get("/downloads/vergelijking.csv?swv=PO3009&swv=PO3010").content)
    assert set(frame["swv"]) == {"PO3009", "PO3010"}
    one = read_csv(client.get("/downloads/swv/PO3009.csv").content)
    current = one[one["huidig"] == "ja"].set_index("indicator")
    mine = frame[frame["swv"] == "PO3009"].set_index("indicator")
    assert list(mine.index) == list(current.index)
    assert mine["waarde"].fillna(-1).tolist() == current["waarde"].fillna(-1).tolist()
    assert mine["vergelijkingsgroep"].str.contains("kwart").all()


def test_every_swv_page_links_to_the_comparison_and_its_downloads(client):
    for swv in (SamenwerkingsverbandFactory(sector="PO"), SamenwerkingsverbandFactory(sector="VO")):
        html = client.get(swv.get_absolute_url()).content.decode()
        assert f'href="/vergelijk/?swv={swv.code}"' in html
        assert f'href="/downloads/swv/{swv.code}.csv"' in html and f'href="/downloads/swv/{swv.code}.json"' in html
        assert 'href="/downloads/indicator/leerlingen_totaal.csv"' in html
