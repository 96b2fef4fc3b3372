"""The independent recomputation (make verify-data) agrees with the API on the real open data, and it
notices when the API says something else. CI runs it through this test on ../shared/data."""

import io

import pytest

from swv.caching.versions import source_data_changed
from swv.models import Waarde
from swv.opendata.verify_data import Api, verify

pytestmark = pytest.mark.django_db


def _api(client) -> Api:
    return Api(lambda path: client.get(path, HTTP_ACCEPT="application/json").json())


def test_every_figure_of_the_open_data_matches_the_api(real_data_dir, client):
    out = io.StringIO()
    assert verify(real_data_dir, _api(client), out), out.getvalue()
    report = out.getvalue()
    for figure in ("samenwerkingsverbanden PO", "vsv_totaal", "vsv_percentage", "gemeenten per samenwerkingsverband"):
        line = next(line for line in report.splitlines() if line.startswith(figure))
        checked, mismatched = map(int, line.split()[-2:])
        assert checked > 0 and mismatched == 0, line
    assert "VO0001" in report  # what is left out is said


def test_a_changed_figure_is_reported_and_fails(real_data_dir, client):
    value = Waarde.objects.filter(indicator__code="vsv_totaal", swv__isnull=False).select_related("swv").first()
    value.getal += 1
    value.save()
    source_data_changed()
    out = io.StringIO()
    assert not verify(real_data_dir, _api(client), out)
    assert f"{value.swv.code} {value.periode}: bestanden" in out.getvalue()
