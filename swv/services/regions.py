"""SWV regions for the map: gemeente boundaries joined to the current indeling, dissolved per SWV.

The newest boundary year is cleaned and simplified as one coverage (shapely's coverage functions), so
neighbouring regions stay free of gaps and overlaps. A gemeente split over several SWV's of one sector
by postcode cannot be cut (there are no PC4 boundaries): its whole polygon counts in every SWV it
partly belongs to and is also stored apart, as that SWV's "gedeeld" part, for the hatched layer.

Called at the end of the importers of the indeling and of the boundaries; writes only what differs,
so a second identical import still reports no changes.
"""

import json
import threading
from collections import defaultdict
from contextlib import contextmanager

import numpy as np
import shapely
from django.db import transaction
from shapely.geometry import mapping

from swv.caching.versions import source_data_changed
from swv.models import GemeenteGrens, Samenwerkingsverband, SwvGemeente
from swv.selectors.indeling import current_indeling
from swv.services.sync import Changes

# Simplification in degrees (coverage_simplify: about the square root of the triangle area removed).
TOLERANCE = 0.001
DECIMALS = 4  # about 7-11 m, below the 3-decimal precision of the generalised CBS boundaries


def _rounded(geometry) -> dict:
    """GeoJSON geometry with coordinates rounded to DECIMALS, valid after rounding."""
    geometry = shapely.set_precision(geometry, 10**-DECIMALS)
    geometry = shapely.transform(geometry, lambda xy: np.round(xy, DECIMALS))
    return mapping(geometry)


def _dumps(data) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def simplified_gemeenten(year: int | None = None) -> tuple[dict[int, object], bool]:
    """Per gemeente id its boundary of one year (default the newest), all cleaned and simplified as one
    coverage; and whether the result is a valid coverage (then the fast coverage union is exact)."""
    years = GemeenteGrens.objects.values_list("jaar", flat=True)
    year = year or max(years, default=None)
    rows = list(GemeenteGrens.objects.filter(jaar=year).values_list("gemeente_id", "geojson")) if year else []
    if not rows:
        return {}, False
    geoms = shapely.from_geojson([text for _, text in rows])
    if not shapely.coverage_is_valid(geoms) and hasattr(shapely, "coverage_clean"):  # GEOS >= 3.14
        geoms = shapely.coverage_clean(geoms)
    geoms = shapely.coverage_simplify(geoms, tolerance=TOLERANCE)
    return dict(zip((r[0] for r in rows), geoms, strict=True)), bool(shapely.coverage_is_valid(geoms))


def region_geometries() -> dict[int, tuple[dict, dict | None]]:
    """Per SWV id: (region geometry, FeatureCollection of its split gemeenten), both GeoJSON dicts.

    The dissolve per SWV is shapely's coverage union (what geopandas' dissolve calls), without loading
    pandas and geopandas into every import.
    """
    indeling = current_indeling()
    if indeling is None:
        return {}
    gemeenten, coverage = simplified_gemeenten()
    relations = (
        SwvGemeente.objects.filter(indeling=indeling, gemeente_id__in=list(gemeenten))
        .values_list("swv_id", "gemeente_id", "gemeente__code", "gemeente__naam", "gesplitst")
        .order_by("swv_id", "gemeente_id")
        .distinct()
    )
    members: dict[int, dict[int, tuple]] = defaultdict(dict)
    for swv_id, gemeente_id, code, naam, split in relations:
        members[swv_id].setdefault(gemeente_id, (code, naam, split))
    union = shapely.coverage_union_all if coverage else shapely.union_all
    result = {}
    for swv_id, parts in members.items():
        region = union([gemeenten[gemeente_id] for gemeente_id in parts])
        features = [
            {
                "type": "Feature",
                "properties": {"code": code, "naam": naam},
                "geometry": _rounded(gemeenten[gemeente_id]),
            }
            for gemeente_id, (code, naam, split) in sorted(parts.items(), key=lambda item: item[1][1])
            if split
        ]
        result[int(swv_id)] = (
            _rounded(region),
            {"type": "FeatureCollection", "features": features} if features else None,
        )
    return result


def rebuild_regions() -> Changes:
    """Store every SWV's region; returns how many SWV's changed (0 when nothing differs)."""
    built = region_geometries()
    changes = Changes()
    changed = []
    for swv in Samenwerkingsverband.objects.only("pk", "regio_geojson", "regio_gedeeld_geojson"):
        region, shared = built.get(swv.pk, (None, None))
        desired = (_dumps(region) if region else "", _dumps(shared) if shared else "")
        if (swv.regio_geojson, swv.regio_gedeeld_geojson) != desired:
            swv.regio_geojson, swv.regio_gedeeld_geojson = desired
            changed.append(swv)
    Samenwerkingsverband.objects.bulk_update(changed, ["regio_geojson", "regio_gedeeld_geojson"], batch_size=200)
    changes.updated = len(changed)
    return changes


_batch = threading.local()


@contextmanager
def one_rebuild_for_many_imports():
    """load_all imports several files that each change the regions; build them once, at the end."""
    _batch.active, _batch.pending = True, False
    try:
        yield
    finally:
        # Also after a refused file: the regions must match whatever the earlier imports committed.
        _batch.active = False
        if _batch.pending:
            with transaction.atomic():
                changed = rebuild_regions().total
            if changed:
                source_data_changed()


def regions_need_rebuild() -> Changes:
    """Called by the importers of the indeling and the boundaries."""
    if getattr(_batch, "active", False):
        _batch.pending = True
        return Changes()
    return rebuild_regions()
