"""After an import the first visitors do not wait for the figures: the import prepares them."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from swv.caching.versions import source_data_changed, source_data_version
from swv.models import Publicatie, PublicatieWaarde
from swv.services.derived import prepare_derived_data
from tests.conftest import ROOT, database_url

pytestmark = pytest.mark.django_db


# What a fresh app server process does for its first visitors: read every prepared item, counting queries.
FIRST_VISITOR = """
import django
django.setup()
from django.db import connection
from django.test.utils import CaptureQueriesContext
from swv.figures import peer_figures, peer_groups
from swv.figures import series as figures
from swv.selectors import places
from swv.selectors.coverage_map import coverage_map
from swv.selectors.names import display_names
from swv.selectors.regions import sector_geojson
with CaptureQueriesContext(connection) as queries:
    for sector in ("PO", "VO"):
        assert figures.sector_figures(sector=sector).series
        for group in peer_groups(sector=sector).values():
            assert peer_figures(group=group).series
        assert sector_geojson(sector).features
        assert coverage_map(sector=sector)
    figures.gemeente_figures()
    figures.national_figures()
    assert display_names()
    assert places.place_index()["places"]
print(len(queries))
"""


@pytest.mark.realdata
def test_prepared_data_serves_the_first_visitor_on_any_server():
    source_data_changed()  # an import
    assert prepare_derived_data() is True
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_VISITOR], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split()[-1] == "0"


def test_without_a_shared_cache_nothing_is_prepared():
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}):
        assert prepare_derived_data() is False


def test_the_import_commands_prepare_the_pages(real_data_dir):
    out = StringIO()
    call_command("import_data", "duo_vsv", str(real_data_dir / "duo-vsv-per-swv" / "vsv-per-swv-2015.csv"), stdout=out)
    assert "gegevens voor de pagina's voorbereid in" in out.getvalue()


def test_the_import_commands_store_the_api_values_of_the_new_version(real_data_dir):
    call_command(
        "import_data", "duo_vsv", str(real_data_dir / "duo-vsv-per-swv" / "vsv-per-swv-2015.csv"), stdout=StringIO()
    )
    stored = Publicatie.objects.get()
    assert stored.versie == source_data_version()
    assert PublicatieWaarde.objects.filter(publicatie=stored, indicator__code="vsv_percentage").exists()
