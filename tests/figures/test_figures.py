"""The generic figure mechanism: arithmetic, Dutch notation and the gemeente roll-up."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Other tests change data inside transactions that are rolled back, after the cache saw it: start
    from a new data version so nothing computed from rolled-back rows is reused."""
    from swv.caching.versions import source_data_changed

    source_data_changed()


@pytest.mark.realdata
@pytest.mark.django_db
def test_gemeente_figures_roll_up_to_the_swv_by_summing_its_gemeenten():
    from swv.figures import sector_figures
    from swv.models import SwvGemeente, Waarde
    from swv.selectors.indeling import current_indeling

    series = sector_figures(sector="PO").series["jeugdigen"]
    swv_id, point = next((u, p) for u, p in series.current.items() if p.gemeenten > 2)
    gemeenten = set(
        SwvGemeente.objects.filter(indeling=current_indeling(), swv_id=swv_id).values_list("gemeente_id", flat=True)
    )
    values = Waarde.objects.filter(indicator__code="jeugdigen", gemeente_id__in=gemeenten, periode=point.periode)
    delivered = [float(v.getal) for v in values if v.status == Waarde.Status.GELEVERD]
    assert point.gemeenten == len(gemeenten)
    assert point.gemeenten_geleverd == len(delivered)
    assert point.getal == pytest.approx(sum(delivered))


@pytest.mark.django_db
def test_sector_figures_are_cached_per_data_version(django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from swv.caching.versions import source_data_changed
    from swv.figures import sector_figures

    sector_figures(sector="VO")
    with django_assert_num_queries(0):
        sector_figures(sector="VO")
    source_data_changed()
    with CaptureQueriesContext(connection) as queries:
        sector_figures(sector="VO")
    assert len(queries) > 0
