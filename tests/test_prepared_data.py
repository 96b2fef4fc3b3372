"""After an import the first visitors do not wait for the figures: the import prepares them."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from swv.figures import series as figures
from swv.selectors import places
from swv.selectors.coverage_map import coverage_map
from swv.selectors.names import display_names
from swv.selectors.regions import sector_geojson
from swv.services.cache import source_data_changed
from swv.services.derived import prepare_derived_data

pytestmark = pytest.mark.django_db


def _another_app_server(monkeypatch):
    """What this process remembers beside the shared cache, as a fresh app server would have it."""
    monkeypatch.setattr(figures, "_in_process", {})
    monkeypatch.setattr(places, "_IN_PROCESS", {})


def test_prepared_data_serves_the_first_visitor_on_any_server(monkeypatch, django_assert_num_queries):
    source_data_changed()  # an import
    assert prepare_derived_data() is True
    _another_app_server(monkeypatch)
    with django_assert_num_queries(0):
        for sector in ("PO", "VO"):
            assert figures.sector_figures(sector=sector).series
            assert sector_geojson(sector).features
            assert coverage_map(sector=sector)
        figures.gemeente_figures()
        figures.national_figures()
        assert display_names()
        assert places.place_index()["places"]


def test_without_a_shared_cache_nothing_is_prepared():
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}):
        assert prepare_derived_data() is False


def test_the_import_commands_prepare_the_pages(real_data_dir):
    out = StringIO()
    call_command("import_data", "duo_vsv", str(real_data_dir / "duo-vsv-per-swv" / "vsv-per-swv-2015.csv"), stdout=out)
    assert "gegevens voor de pagina's voorbereid in" in out.getvalue()
