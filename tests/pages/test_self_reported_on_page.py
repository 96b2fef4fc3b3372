"""Self-reported spending shows on the SWV page, labelled as the SWV's own; without it nothing shows."""

from decimal import Decimal

import pytest

from tests.factories import SamenwerkingsverbandFactory, ZelfgerapporteerdCijferFactory

pytestmark = pytest.mark.django_db


def test_self_reported_figures_show_labelled_as_the_swvs_own(client):
    swv = SamenwerkingsverbandFactory()
    assert (
        "Besteding, door het samenwerkingsverband zelf opgegeven"
        not in client.get(swv.get_absolute_url()).content.decode()
    )
    ZelfgerapporteerdCijferFactory(
        swv=swv,
        indicator__code="besteding_centrale_voorzieningen",
        bedrag=Decimal("1234567"),
        toelichting="Onder meer de **ambulante begeleiding**.",
    )
    html = client.get(swv.get_absolute_url()).content.decode()
    assert "Besteding, door het samenwerkingsverband zelf opgegeven" in html
    assert "1.234.567" in html and "<strong>ambulante begeleiding</strong>" in html
