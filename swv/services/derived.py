"""What pages compute from the imported data alone, prepared right after an import.

Cold, the sector figures behind /landelijk/ and the home page cost about half a second, the region
GeoJSON and search index a little more. Prepared by the import, the first visitors after it get their
pages as quickly as everyone after them, and a burst of first visitors does not make every app server
compute the same figures at once. Everything is keyed by the source-data version, so what is prepared
here is exactly what the pages would have computed.
"""

from django.conf import settings

from swv.figures import gemeente_figures, national_figures, peer_figures, peer_groups, sector_figures
from swv.models import Sector
from swv.selectors.coverage_map import coverage_map
from swv.selectors.names import display_names
from swv.selectors.places import place_index
from swv.selectors.regions import sector_geojson
from swv.selectors.search import school_index

# In process memory (no REDIS_URL) the app servers never see what a command prepared.
_PROCESS_LOCAL = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


def shared_cache() -> bool:
    return settings.CACHES["default"]["BACKEND"] not in _PROCESS_LOCAL


def prepare_derived_data() -> bool:
    """Fill the shared cache for the current source-data version; False when there is no shared cache."""
    if not shared_cache():
        return False
    for sector in Sector.values:
        sector_figures(sector=sector)
        # Every SWV page compares with its peer group: each group's figures once (seconds with many periods).
        for group in {group.kwartiel: group for group in peer_groups(sector=sector).values()}.values():
            peer_figures(group=group)
        sector_geojson(sector)
        coverage_map(sector=sector)
    gemeente_figures()
    national_figures()
    display_names()
    place_index()
    school_index()
    return True
