"""Finding 4: one early delivery does not switch the whole sector to a new period. Each SWV shows its own
latest value with its own date; the sector's current period is the latest one most SWV's delivered; the
national figure says 'n van de 76'; peer groups never go empty."""

import pytest

from swv.importing.run import run_import
from swv.models import Samenwerkingsverband
from tests.helpers import api_figures, csv_figures, page_text

pytestmark = pytest.mark.django_db


def _block(html: str, code: str) -> str:
    start = html.index(f'id="cijfer-{code}"')
    return page_text(html[start : html.index('class="figure__meta downloads"', start)])  # value, comparison, source


@pytest.fixture
def one_early_delivery(real_data_dir, tmp_path):
    swvs = list(Samenwerkingsverband.objects.filter(sector="PO").order_by("code"))
    lines = ["swv_code;teldatum;leerlingen_totaal"] + [f"{s.code};2024-10-01;{1000 + i}" for i, s in enumerate(swvs)]
    (tmp_path / "leerlingen-2024.csv").write_text("\n".join(lines) + "\n")
    run_import(source_key="leerlingen", path=tmp_path / "leerlingen-2024.csv", progress=False)
    early = swvs[0]
    (tmp_path / "leerlingen-2025.csv").write_text(
        f"swv_code;teldatum;leerlingen_totaal\n{early.code};2025-10-01;18250\n"
    )
    run_import(source_key="leerlingen", path=tmp_path / "leerlingen-2025.csv", progress=False)
    return swvs, early


def test_each_swv_shows_its_own_latest_value_with_its_own_date(one_early_delivery, client):
    swvs, early = one_early_delivery
    other = swvs[5]
    block = _block(client.get(other.get_absolute_url()).content.decode(), "leerlingen_totaal")
    assert "niet aangeleverd" not in block and "1.005" in block and "1 oktober 2024" in block
    early_block = _block(client.get(early.get_absolute_url()).content.decode(), "leerlingen_totaal")
    assert "18.250" in early_block and "1 oktober 2025" in early_block
    # The early SWV is compared with the sector's current period, which is named.
    assert "teldatum 1 oktober 2024" in early_block
    for rows in (api_figures(client, other.code), csv_figures(client, other.code)):
        current = [r for r in rows if r["indicator"] == "leerlingen_totaal" and r["huidig"] in (True, "ja")]
        assert len(current) == 1 and current[0]["periode"] == "2024-10-01"
        assert current[0]["status"] == "geleverd"


def test_sector_current_period_is_the_one_most_swvs_delivered(one_early_delivery, client):
    swvs, _early = one_early_delivery
    text = page_text(client.get("/landelijk/?sector=po").content.decode())
    total = sum(1000 + i for i in range(len(swvs)))
    block = text[text.index("Aantal leerlingen") :]
    assert f"{total:,}".replace(",", ".") in block[:2000]
    assert f"{len(swvs)} van de {len(swvs)} samenwerkingsverbanden" in block[:2000]
    assert "18.250" not in block[:600]


def test_peer_groups_never_go_empty(one_early_delivery, client):
    swvs, early = one_early_delivery
    for swv in (early, swvs[5], swvs[-1]):
        detail = client.get(f"/api/v1/samenwerkingsverbanden/{swv.code}", {"format": "json"}).json()
        group = detail["vergelijkingsgroep"]
        assert group and len(group["samenwerkingsverbanden"]) >= len(swvs) // 4
