"""CBS/PDOK gemeentegrenzen (generalised GeoJSON, WGS84), one file per year.

Format as published by cartomap/nl (`gemeente_<jaar>.geojson`): a FeatureCollection, one feature per
gemeente with `statcode` (GM0363) and `statnaam`; Polygon or MultiPolygon, lon/lat. Invalid rings are
repaired with shapely's make_valid. After loading, the herindelingen kept in swv/data are stored too.
"""

import json
import re
from pathlib import Path

from shapely.geometry import MultiPolygon, mapping, shape
from shapely.validation import make_valid

from swv.importing.base import Changes, Column, Row, Source
from swv.importing.herindelingen import sync_herindelingen
from swv.importing.problems import ProblemCollector, listing, refusal
from swv.importing.readers import decode
from swv.models import Gemeente, GemeenteGrens
from swv.services.regions import regions_need_rebuild
from swv.services.sync import sync_rows

_CODE = re.compile(r"^GM\d{4}$")


def _polygonal(geometry):
    """make_valid may return a collection with lines; only the areas belong to a boundary."""
    if geometry.geom_type in {"Polygon", "MultiPolygon"}:
        return geometry
    parts = []
    for part in getattr(geometry, "geoms", []):
        if part.geom_type == "Polygon":
            parts.append(part)
        elif part.geom_type == "MultiPolygon":
            parts.extend(part.geoms)
    return MultiPolygon(parts) if parts else None


class GemeentegrenzenSource(Source):
    key = "cbs_gemeentegrenzen"
    label = "CBS gemeentegrenzen (GeoJSON)"
    publisher = "CBS / Kadaster via PDOK (gegeneraliseerd, cartomap/nl)"
    description = "Eén GeoJSON-bestand per jaar; het jaar staat in de bestandsnaam (gemeente_2023.geojson)."
    columns = (
        Column("statcode", "CBS-gemeentecode", "GM0363"),
        Column("statnaam", "Naam van de gemeente", "Amsterdam"),
        Column("geometry", "Polygon of MultiPolygon in WGS84 (lon/lat)"),
    )
    filename_patterns = ("gemeente_*.geojson", "*gemeentegrenzen*.geojson", "*gemeente*.json")

    def parse(self, path: Path) -> list[Row]:
        text = decode(path, self.encodings)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise refusal(path.name, exc.lineno, None, f"geen geldige GeoJSON ({exc.msg}, teken {exc.colno})") from None
        features = data.get("features") if isinstance(data, dict) else None
        if not isinstance(features, list) or not features:
            raise refusal(path.name, None, None, "verwacht een FeatureCollection met features")
        year = self._year(path, features)
        collector = ProblemCollector(path.name)
        rows = []
        seen: dict[str, int] = {}
        for number, feature in enumerate(features, start=1):
            props = (feature or {}).get("properties") or {}
            code = str(props.get("statcode", "")).strip()
            name = str(props.get("statnaam", "")).strip()
            if not _CODE.match(code):
                collector.add(number, "statcode", f"verwacht een gemeentecode als GM0363, gevonden {code!r}")
                continue
            if not name:
                collector.add(number, "statnaam", "de naam van de gemeente ontbreekt")
                continue
            if seen.setdefault(code, number) != number:
                collector.add(number, "statcode", f"dubbele gemeente: {code} staat al in feature {seen[code]}")
                continue
            try:
                geometry = shape(feature.get("geometry"))
            except Exception as exc:  # shapely raises several types for malformed coordinates
                collector.add(number, "geometry", f"verwacht een Polygon of MultiPolygon ({exc})")
                continue
            if geometry.geom_type not in {"Polygon", "MultiPolygon"}:
                collector.add(
                    number, "geometry", f"verwacht een Polygon of MultiPolygon, gevonden {geometry.geom_type}"
                )
                continue
            valid = geometry.is_valid
            repaired = geometry if valid else _polygonal(make_valid(geometry))
            if repaired is None or repaired.is_empty:
                collector.add(number, "geometry", "de grens is leeg na reparatie")
                continue
            values = {"code": code, "naam": name, "jaar": year, "geometry": repaired, "gerepareerd": not valid}
            rows.append(Row(number, values))
        collector.raise_if_any()
        return rows

    @staticmethod
    def _year(path: Path, features) -> int:
        match = re.search(r"(19|20)\d{2}", path.stem)
        if match:
            return int(match.group(0))
        jr = str(((features[0] or {}).get("properties") or {}).get("jrstatcode", ""))
        if re.match(r"^\d{4}GM", jr):
            return int(jr[:4])
        raise refusal(path.name, None, None, "het jaar staat niet in de bestandsnaam of in jrstatcode")

    def load(self, rows, *, path, run, progress) -> Changes:
        year = rows[0]["jaar"]
        newest = max(GemeenteGrens.objects.values_list("jaar", flat=True).distinct(), default=year)
        existing = {g.code: g for g in Gemeente.objects.filter(code__in=[r["code"] for r in rows])}
        desired = {}
        for row in rows:
            old = existing.get(row["code"])
            desired[row["code"]] = {
                "code": row["code"],
                # names follow the newest boundary year
                "naam": old.naam if old is not None and year < newest else row["naam"],
                "geldig_tot": None,
            }
        changes = sync_rows(Gemeente, existing=existing, desired=desired, delete_missing=False)
        ids = dict(Gemeente.objects.filter(code__in=desired).values_list("code", "pk"))
        borders = {
            ids[row["code"]]: {
                "gemeente_id": ids[row["code"]],
                "jaar": year,
                "geojson": json.dumps(mapping(row["geometry"]), separators=(",", ":")),
            }
            for row in progress(rows, desc="grenzen")
        }
        current = {g.gemeente_id: g for g in GemeenteGrens.objects.filter(jaar=year)}
        changes.add(sync_rows(GemeenteGrens, existing=current, desired=borders, stamp={"import_run_id": run.pk}))
        repaired = [row["code"] for row in rows if row["gerepareerd"]]
        if repaired:
            changes.notices.append(f"{len(repaired)} grens(en) gerepareerd met make_valid: {listing(repaired)}")
        changes.add(sync_herindelingen())
        changes.add(regions_need_rebuild())
        changes.rows_loaded = len(rows)
        return changes
