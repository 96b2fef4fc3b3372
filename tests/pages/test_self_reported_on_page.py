"""Self-reported spending shows on the SWV page, labelled as the SWV's own; without it nothing shows."""

from decimal import Decimal

import pytest

from swv.models import Indicator, Samenwerkingsverband
from uploads.models import ZelfgerapporteerdCijfer

pytestmark = pytest.mark.django_db


@pytest.mark.realdata
def test_self_reported_figures_show_labelled_as_the_swvs_own(client):
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    assert (
        "Besteding, door het samenwerkingsverband zelf opgegeven"
        not in client.get(swv.get_absolute_url()).content.decode()
    )
    ZelfgerapporteerdCijfer.objects.create(
        swv=swv,
        indicator=Indicator.objects.get(code="besteding_centrale_voorzieningen"),
        jaar=2024,
        bedrag=Decimal("1234567"),
        toelichting="Onder meer de **ambulante begeleiding**.",
    )
    html = client.get(swv.get_absolute_url()).content.decode()
    assert "Besteding, door het samenwerkingsverband zelf opgegeven" in html
    assert "1.234.567" in html and "<strong>ambulante begeleiding</strong>" in html
