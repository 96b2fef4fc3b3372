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
from contextlib import contextmanager

import numpy as np
import shapely
from django.db import transaction
from shapely.geometry import mapping, shape

from swv.importers.base import Changes
from swv.models import GemeenteGrens, Samenwerkingsverband, SwvGemeente
from swv.services.links import current_indeling

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


def simplified_gemeenten(year: int | None = None):
    """The gemeente boundaries of one year (default the newest) as a clean, simplified coverage."""
    import geopandas as gpd  # heavy: loaded only when regions are built, not by every web process

    years = GemeenteGrens.objects.values_list("jaar", flat=True)
    year = year or max(years, default=None)
    rows = list(GemeenteGrens.objects.filter(jaar=year).values_list("gemeente_id", "gemeente__code", "geojson"))
    if not rows:
        return gpd.GeoDataFrame({"gemeente_id": [], "code": []}, geometry=[], crs="EPSG:4326")
    geoms = np.array([shape(json.loads(text)) for _, _, text in rows], dtype=object)
    if not shapely.coverage_is_valid(geoms) and hasattr(shapely, "coverage_clean"):  # GEOS >= 3.14
        geoms = shapely.coverage_clean(geoms)
    geoms = shapely.coverage_simplify(geoms, tolerance=TOLERANCE)
    frame = gpd.GeoDataFrame(
        {"gemeente_id": [r[0] for r in rows], "code": [r[1] for r in rows]}, geometry=list(geoms), crs="EPSG:4326"
    ).set_index("gemeente_id")
    frame.attrs["coverage"] = bool(shapely.coverage_is_valid(geoms))  # then the fast coverage union is exact
    return frame


def region_geometries() -> dict[int, tuple[dict, dict]]:
    """Per SWV id: (region geometry, FeatureCollection of its split gemeenten), both GeoJSON dicts."""
    import geopandas as gpd

    indeling = current_indeling()
    if indeling is None:
        return {}
    gemeenten = simplified_gemeenten()
    relations = list(
        SwvGemeente.objects.filter(indeling=indeling, gemeente_id__in=list(gemeenten.index))
        .values("swv_id", "gemeente_id", "gemeente__code", "gemeente__naam", "gesplitst")
        .distinct()
    )
    if not relations:
        return {}
    joined = gpd.GeoDataFrame(relations).join(gemeenten[["geometry"]], on="gemeente_id")
    joined = gpd.GeoDataFrame(joined, geometry="geometry", crs="EPSG:4326")
    joined = joined.drop_duplicates(subset=["swv_id", "gemeente_id"])
    method = "coverage" if gemeenten.attrs.get("coverage") else "unary"
    dissolved = joined[["swv_id", "geometry"]].dissolve(by="swv_id", method=method)
    shared_by_swv = {
        swv_id: group.sort_values("gemeente__naam")
        for swv_id, group in joined[joined.gesplitst.astype(bool)].groupby("swv_id")
    }
    result = {}
    for swv_id, geometry in dissolved.geometry.items():
        shared = shared_by_swv.get(swv_id)
        features = [
            {
                "type": "Feature",
                "properties": {"code": code, "naam": naam},
                "geometry": _rounded(shape_),
            }
            for code, naam, shape_ in (
                zip(shared["gemeente__code"], shared["gemeente__naam"], shared.geometry, strict=True)
                if shared is not None
                else ()
            )
        ]
        result[int(swv_id)] = (
            _rounded(geometry),
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
                from swv.services.cache import data_changed

                data_changed()


def regions_need_rebuild() -> Changes:
    """Called by the importers of the indeling and the boundaries."""
    if getattr(_batch, "active", False):
        _batch.pending = True
        return Changes()
    return rebuild_regions()
