"""The coverage of all SWV's of one sector as a server-side SVG outline: the home page's map, which needs
no script, no tiles and no extra request."""

import json
import math

from swv.caching.versions import derived
from swv.models import Samenwerkingsverband

WIDTH = 300  # SVG user units; the outline scales with the page
LAT_SCALE = 1 / math.cos(math.radians(52.2))  # keeps the Netherlands' proportions at its latitude


def coverage_map(*, sector: str) -> dict | None:
    """{'viewbox': ..., 'regions': [{'code', 'path'}]} or None when no region is loaded."""
    return derived(f"coverage-map:{sector}", lambda: _build(sector))


def _rings(geometry: dict):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        yield from polygon


def _build(sector: str) -> dict | None:
    shapes = [
        (code, json.loads(text))
        for code, text in Samenwerkingsverband.objects.filter(sector=sector)
        .exclude(regio_geojson="")
        .values_list("code", "regio_geojson")
    ]
    if not shapes:
        return None
    points = [pt for _, geo in shapes for ring in _rings(geo) for pt in ring]
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    scale = WIDTH / (max_x - min_x)
    height = (max_y - min_y) * scale * LAT_SCALE

    def project(point) -> str:
        return f"{(point[0] - min_x) * scale:.1f} {(max_y - point[1]) * scale * LAT_SCALE:.1f}"

    regions = []
    for code, geo in sorted(shapes):
        path = " ".join("M" + " L".join(project(p) for p in ring) + "Z" for ring in _rings(geo) if len(ring) > 3)
        regions.append({"code": code, "path": path, "kleur": int(code[2:4]) % 4})
    return {"viewbox": f"0 0 {WIDTH} {height:.0f}", "regions": regions}
