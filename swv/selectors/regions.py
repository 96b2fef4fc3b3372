"""Reads for the map: one GeoJSON per sector (cached per data version), the SWV list by province, and
the data of one SWV's small map."""

import gzip
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

import shapely
from django.urls import reverse
from shapely.geometry import shape

from swv.caching.versions import derived, source_data_version
from swv.models import ImportRun, Samenwerkingsverband, SwvGemeente
from swv.selectors.indeling import current_indeling
from swv.selectors.names import display_name
from swv.selectors.search import search_url

# Digits 1-2 of an SWV code: the province (region) block of the regeling.
PROVINCIES = {
    "20": "Groningen",
    "21": "Friesland",
    "22": "Drenthe",
    "23": "Overijssel",
    "24": "Flevoland",
    "25": "Gelderland",
    "26": "Utrecht",
    "27": "Noord-Holland",
    "28": "Zuid-Holland",
    "29": "Zeeland",
    "30": "Noord-Brabant",
    "31": "Limburg",
}
COLOURS = 6  # neighbouring regions get different fill classes (greedy colouring)


@dataclass
class SectorGeoJSON:
    body: bytes
    gzipped: bytes
    etag: str
    last_modified: object  # datetime or None
    features: int = 0


def _colour_classes(geometries: dict[int, object]) -> dict[int, int]:
    """Greedy graph colouring: regions that touch never share a colour class."""
    ids = list(geometries)
    geoms = [geometries[i] for i in ids]
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    neighbours = defaultdict(set)
    for a, b in zip(left, right, strict=True):
        if a != b:
            neighbours[ids[a]].add(ids[b])
    colours: dict[int, int] = {}
    for swv_id in sorted(ids, key=lambda i: -len(neighbours[i])):
        used = {colours[n] for n in neighbours[swv_id] if n in colours}
        colours[swv_id] = next((c for c in range(COLOURS) if c not in used), len(used) % COLOURS)
    return colours


def _feature(geometry: dict, **properties) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def _build_sector(sector: str) -> dict:
    swvs = list(Samenwerkingsverband.objects.filter(sector=sector).exclude(regio_geojson="").order_by("code"))
    regions = {swv.pk: json.loads(swv.regio_geojson) for swv in swvs}
    colours = _colour_classes({pk: shape(geometry) for pk, geometry in regions.items()})
    features = []
    shared: dict[str, dict] = {}
    for swv in swvs:
        name = display_name(swv)
        url = swv.get_absolute_url()
        features.append(
            _feature(regions[swv.pk], laag="regio", code=swv.code, naam=name, url=url, kleur=colours[swv.pk])
        )
        for part in json.loads(swv.regio_gedeeld_geojson or '{"features": []}')["features"]:
            code, naam = part["properties"]["code"], part["properties"]["naam"]
            # the search answer lists which postcodes go to which SWV
            gedeeld = _feature(part["geometry"], laag="gedeeld", code=code, naam=naam, url=search_url(naam), swvs=[])
            shared.setdefault(code, gedeeld)["properties"]["swvs"].append(name)
    features.extend(shared[code] for code in sorted(shared))
    body = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"), ensure_ascii=False)
    data = body.encode()
    last = ImportRun.objects.filter(wijzigingen__gt=0).order_by("-gestart").values_list("gestart", flat=True).first()
    return {
        "body": data,
        "gzipped": gzip.compress(data, compresslevel=9, mtime=0),
        "etag": '"' + hashlib.sha256(data).hexdigest()[:32] + '"',
        "last_modified": last,
        "features": len(swvs),
    }


def geojson_url(sector: str) -> str:
    """The address of the sector's GeoJSON in this data version: a new import is a new URL."""
    return f"{reverse('kaart:geojson', args=[sector.lower()])}?v={source_data_version()}"


def sector_geojson(sector: str) -> SectorGeoJSON:
    """The regions of one sector as a GeoJSON FeatureCollection, built once per data version."""
    return SectorGeoJSON(**derived(f"kaart:geojson:{sector}", lambda: _build_sector(sector)))


@dataclass
class SwvEntry:
    swv: Samenwerkingsverband
    naam: str
    url: str
    gemeenten: list = field(default_factory=list)  # (naam, gedeeld, postcodes)


def gemeenten_per_swv(swv_ids=None) -> dict[int, list[tuple[str, bool, str]]]:
    """Per SWV id the gemeenten of the current indeling: (naam, split over SWV's, its postcodes)."""
    indeling = current_indeling()
    rows = SwvGemeente.objects.filter(indeling=indeling).order_by("gemeente__naam")
    if swv_ids is not None:
        rows = rows.filter(swv_id__in=swv_ids)
    result: dict[int, list] = defaultdict(list)
    seen = set()
    for swv_id, naam, gesplitst, postcodes in rows.values_list("swv_id", "gemeente__naam", "gesplitst", "postcodes"):
        if (swv_id, naam) in seen:
            continue
        seen.add((swv_id, naam))
        result[swv_id].append((naam, gesplitst, postcodes.replace(",", ", ") if gesplitst else ""))
    return result


def swvs_by_provincie(sector: str) -> list[tuple[str, list[SwvEntry]]]:
    """Every SWV of a sector, grouped by the province block of its code (the list beside the map)."""
    swvs = Samenwerkingsverband.objects.filter(sector=sector).order_by("code")
    indeling = current_indeling()
    if indeling is not None:  # only the SWV's of the indeling in force, not those merged away
        swvs = swvs.filter(gemeenten__indeling=indeling).distinct()
    in_force = list(swvs)
    gemeenten = gemeenten_per_swv([s.pk for s in in_force])
    groups: dict[str, list[SwvEntry]] = defaultdict(list)
    for swv in in_force:
        # The list shows the gemeenten under each link, so the link needs no gemeenten of its own.
        label = f"{swv.code_leesbaar} {swv.naam}" if swv.naam else f"Samenwerkingsverband {swv.code_leesbaar}"
        groups[swv.code[2:4]].append(SwvEntry(swv, label, swv.get_absolute_url(), gemeenten.get(swv.pk, [])))
    return [(PROVINCIES.get(block, f"Regio {block}"), groups[block]) for block in sorted(groups)]


def minimap(swv: Samenwerkingsverband) -> dict:
    """One SWV's region and split gemeenten as one FeatureCollection, plus its gemeenten as text."""
    features = []
    if swv.regio_geojson:
        features.append(_feature(json.loads(swv.regio_geojson), laag="regio", code=swv.code, naam=display_name(swv)))
    if swv.regio_gedeeld_geojson:
        for part in json.loads(swv.regio_gedeeld_geojson)["features"]:
            part["properties"]["laag"] = "gedeeld"
            features.append(part)
    return {
        "geojson": {"type": "FeatureCollection", "features": features} if features else None,
        "data_id": f"minikaart-data-{swv.code}",
        "gedeeld": bool(swv.regio_gedeeld_geojson),
        "gemeenten": gemeenten_per_swv([swv.pk]).get(swv.pk, []),
    }
