"""The SWV regions built at import from the real boundaries and indeling (issue 4, item 1)."""

import json

import pytest
import shapely
from shapely.geometry import shape

from swv.importing.run import run_import
from swv.models import GemeenteGrens, Samenwerkingsverband, SwvGemeente
from swv.selectors.indeling import current_indeling
from swv.services.regions import rebuild_regions

pytestmark = pytest.mark.django_db

SLIVER = 2e-5  # square degrees, about 0.15 km2: rounding along a shared border, not real overlap
SECTOR_COUNTS = {"PO": 76, "VO": 74}


def _regions(sector: str) -> dict[str, object]:
    return {
        swv.code: shape(json.loads(swv.regio_geojson))
        for swv in Samenwerkingsverband.objects.filter(sector=sector).exclude(regio_geojson="")
    }


def _shared(sector: str) -> dict[str, object]:
    """Per SWV the union of its gemeenten that are split with other SWV's (the hatched parts)."""
    result = {}
    for swv in Samenwerkingsverband.objects.filter(sector=sector).exclude(regio_gedeeld_geojson=""):
        parts = [shape(f["geometry"]) for f in json.loads(swv.regio_gedeeld_geojson)["features"]]
        result[swv.code] = shapely.union_all(parts)
    return result


@pytest.mark.parametrize("sector", ["PO", "VO"])
def test_every_swv_has_a_valid_region_polygon(real_data_dir, sector):
    swvs = Samenwerkingsverband.objects.filter(sector=sector)
    assert swvs.count() == SECTOR_COUNTS[sector]
    for swv in swvs:
        assert swv.regio_geojson, f"{swv.code} has no region"
        geometry = shape(json.loads(swv.regio_geojson))
        assert geometry.geom_type in {"Polygon", "MultiPolygon"}
        assert geometry.is_valid and geometry.area > 0, swv.code


@pytest.mark.parametrize("sector", ["PO", "VO"])
def test_regions_do_not_overlap_apart_from_split_gemeenten(real_data_dir, sector):
    regions, shared = _regions(sector), _shared(sector)
    own = {
        code: geometry.difference(shared[code]) if code in shared else geometry for code, geometry in regions.items()
    }
    tree = shapely.STRtree(list(own.values()))
    codes = list(own)
    overlaps = []
    for a, b in zip(*tree.query(list(own.values()), predicate="intersects"), strict=True):
        if a < b:
            area = own[codes[a]].intersection(own[codes[b]]).area
            if area > SLIVER:
                overlaps.append((codes[a], codes[b], area))
    assert overlaps == []


@pytest.mark.parametrize("sector", ["PO", "VO"])
def test_regions_cover_the_land_of_all_assigned_gemeenten(real_data_dir, sector):
    indeling = current_indeling()
    year = max(GemeenteGrens.objects.values_list("jaar", flat=True))
    assigned = set(SwvGemeente.objects.filter(indeling=indeling, sector=sector).values_list("gemeente_id", flat=True))
    land = {
        g.gemeente.naam: shape(json.loads(g.geojson))
        for g in GemeenteGrens.objects.filter(jaar=year, gemeente_id__in=assigned).select_related("gemeente")
    }
    covered = shapely.union_all(list(_regions(sector).values()))
    total = sum(g.area for g in land.values())
    missing = sum(g.difference(covered).area for g in land.values())
    assert missing / total < 0.002  # simplification moves borders a little, nothing more
    for name, geometry in land.items():
        assert geometry.intersection(covered).area / geometry.area > 0.97, name


def test_split_gemeente_is_in_every_swv_it_belongs_to(real_data_dir):
    indeling = current_indeling()
    split = SwvGemeente.objects.filter(indeling=indeling, gesplitst=True).select_related("swv", "gemeente")
    assert split.exists()
    for relation in split:
        names = [f["properties"]["naam"] for f in json.loads(relation.swv.regio_gedeeld_geojson)["features"]]
        assert relation.gemeente.naam in names, (relation.swv.code, relation.gemeente.naam)


def test_rebuild_without_changes_changes_nothing(real_data_dir):
    assert rebuild_regions().total == 0


def test_second_identical_import_reports_no_changes(real_data_dir):
    for source, name in (
        ("regio_pc4", "swv-regio-indeling/swv_pc4_indeling_2015-04-23.csv"),
        ("cbs_gemeentegrenzen", "cbs-gemeentegrenzen/gemeente_2025.geojson"),
    ):
        run = run_import(source_key=source, path=real_data_dir / name, progress=False)
        assert run.wijzigingen == 0, (source, run.meldingen)


def test_region_follows_a_change_of_the_indeling(real_data_dir):
    indeling = current_indeling()
    relation = SwvGemeente.objects.filter(indeling=indeling, sector="PO", gesplitst=False).select_related("swv").first()
    other = Samenwerkingsverband.objects.filter(sector="PO").exclude(pk=relation.swv_id).first()
    before = shape(json.loads(other.regio_geojson))
    relation.swv = other
    relation.save()
    assert rebuild_regions().updated == 2
    other.refresh_from_db()
    after = shape(json.loads(other.regio_geojson))
    assert after.area > before.area
    border = GemeenteGrens.objects.filter(gemeente=relation.gemeente).order_by("-jaar").first()
    gemeente = shape(json.loads(border.geojson))
    assert gemeente.intersection(after).area / gemeente.area > 0.97


def test_new_boundaries_rebuild_the_regions(real_data_dir, tmp_path):
    """A boundary file that moves one gemeente's border changes the region of its SWV's on import."""
    source = json.loads((real_data_dir / "cbs-gemeentegrenzen" / "gemeente_2025.geojson").read_text("utf-8"))
    feature = next(f for f in source["features"] if f["properties"]["statcode"] == "GM0794")  # Helmond
    feature["geometry"] = shapely.geometry.mapping(shape(feature["geometry"]).buffer(-0.01))
    path = tmp_path / "gemeente_2025.geojson"
    path.write_text(json.dumps(source), "utf-8")
    swvs = Samenwerkingsverband.objects.filter(
        gemeenten__gemeente__code="GM0794", gemeenten__indeling=current_indeling()
    )
    before = {swv.code: swv.regio_geojson for swv in swvs.distinct()}
    assert len(before) == 2  # one PO and one VO SWV
    run = run_import(source_key="cbs_gemeentegrenzen", path=path, progress=False)
    assert run.wijzigingen >= 3  # the boundary and (at least) the two regions
    after = {swv.code: swv.regio_geojson for swv in Samenwerkingsverband.objects.filter(code__in=before)}
    assert all(after[code] != before[code] for code in before)
