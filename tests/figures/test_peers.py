"""Peer groups: SWV's of similar size (pupil quartile within the sector, by each SWV's latest count)."""

import pytest

from swv.caching.versions import source_data_changed
from swv.figures import member_codes, peer_group, peer_groups, peer_swv_figures
from swv.models import Indicator, Samenwerkingsverband, Waarde

pytestmark = pytest.mark.django_db


def latest_pupils(sector: str) -> dict[int, float]:
    """Each SWV's own latest pupil count (an SWV that missed the latest teldatum keeps its previous one)."""
    indicator = Indicator.objects.get(code="leerlingen_totaal")
    rows = Waarde.objects.filter(indicator=indicator, swv__sector=sector, status="geleverd", getal__isnull=False)
    latest = {}
    for swv_id, n in rows.order_by("peildatum").values_list("swv_id", "getal"):
        latest[swv_id] = float(n)
    return latest


@pytest.mark.realdata
@pytest.mark.parametrize("sector", ["PO", "VO"])
def test_quartiles_split_the_sector_into_four_groups_by_pupils(sector):
    pupils = latest_pupils(sector)
    groups = peer_groups(sector=sector)
    assert set(groups) == set(pupils)
    distinct = {g.kwartiel: g for g in groups.values()}
    assert sorted(distinct) == [1, 2, 3, 4]
    sizes = [distinct[k].size for k in range(1, 5)]
    assert max(sizes) - min(sizes) <= 1 and sum(sizes) == len(pupils)
    for k in range(1, 4):
        assert distinct[k].maximum <= distinct[k + 1].minimum
    for unit, group in groups.items():
        assert group.minimum <= pupils[unit] <= group.maximum


@pytest.mark.realdata
def test_peer_average_is_the_mean_of_the_group_members():
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    group = peer_group(swv=swv)
    assert swv.code in member_codes(group=group)
    pupils = latest_pupils("PO")
    expected = sum(pupils[u] for u in group.units) / group.size
    figure = peer_swv_figures(swv=swv)["leerlingen_totaal"]
    assert figure.sector_value == pytest.approx(expected)
    assert figure.aggregate.eenheden == group.size


@pytest.mark.realdata
def test_no_peer_group_without_any_pupil_count():
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    indicator = Indicator.objects.get(code="leerlingen_totaal")
    latest = Waarde.objects.filter(indicator=indicator).order_by("-peildatum").first().periode
    Waarde.objects.get(indicator=indicator, swv=swv, periode=latest).delete()
    source_data_changed()
    assert peer_group(swv=swv) is not None, "a missed teldatum keeps the SWV in a group by its previous count"
    Waarde.objects.filter(indicator=indicator, swv=swv).delete()
    source_data_changed()
    assert peer_group(swv=swv) is None
    assert peer_swv_figures(swv=swv) == {}


@pytest.mark.realdata
def test_swv_page_says_which_peer_group_and_why_and_shows_its_average(client):
    import re

    from swv.templatetags.nl import waarde
    from tests.helpers import page_text

    swv = Samenwerkingsverband.objects.get(code="PO3009")
    group = peer_group(swv=swv)
    text = page_text(client.get(swv.get_absolute_url()).content.decode())
    assert f"{group.naam} van de samenwerkingsverbanden PO naar aantal leerlingen" in text
    assert f"{group.size} samenwerkingsverbanden met" in text and "Grootte doet ertoe" in text
    peer = peer_swv_figures(swv=swv)["deelname_sbo"].sector_value
    expected = page_text(waarde(peer, "procent"))
    assert re.search(rf"vergelijkbare grootte: {re.escape(expected)}\.", text)
    api = client.get("/api/v1/samenwerkingsverbanden/PO3009/cijfers?perPagina=1000").json()["results"]
    row = next(r for r in api if r["indicator"] == "deelname_sbo" and r["huidig"])
    assert row["gemiddelde_vergelijkbare_grootte"] == pytest.approx(peer)
