"""The published standards the open data is judged by: the NL API Design Rules (Spectral), DCAT-AP-NL 3.0
(pyshacl) for the catalogue, and CSV on the Web (csvw) for the CSV downloads."""

import json
import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF, SH

from swv.models import Indicator, Samenwerkingsverband

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
RULESET = ROOT / ".ci" / "nl-api-design-rules" / "linter.yaml"
SPECTRAL = ROOT / ".ci" / "node_modules" / ".bin" / "spectral"
EDUC = "http://publications.europa.eu/resource/authority/data-theme/EDUC"


# --- NL API Design Rules ---------------------------------------------------------------------------


def test_the_ruleset_copy_is_the_published_one(standards_dir):
    assert RULESET.read_bytes() == (standards_dir / "nl-api-design-rules" / "linter.yaml").read_bytes()


def test_openapi_document_has_no_api_design_rules_errors(client, tmp_path):
    if not SPECTRAL.exists():
        if os.environ.get("CI"):
            pytest.fail("Spectral is not installed: make test installs it into .ci/node_modules")
        pytest.skip("Spectral not installed (npm ci --prefix .ci)")
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = tmp_path / "openapi.json"
    document.write_bytes(response.content)
    result = subprocess.run(
        [str(SPECTRAL), "lint", "--ruleset", str(RULESET), "--format", "json", "--quiet", str(document)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    problems = json.loads(result.stdout or "[]")
    errors = [f"{'.'.join(map(str, p['path']))}: {p['code']}: {p['message']}" for p in problems if p["severity"] == 0]
    assert errors == [], "\n".join(errors)


# --- DCAT-AP-NL 3.0 catalogue ----------------------------------------------------------------------


def _catalogue(client) -> Graph:
    response = client.get("/catalogus.ttl")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/turtle")
    return Graph().parse(data=response.content, format="turtle")


def test_catalogue_has_no_dcat_ap_nl_violations(client, standards_dir):
    import pyshacl

    shapes = Graph()
    for path in sorted((standards_dir / "dcat-ap-nl").glob("*.ttl")):
        shapes.parse(path)
    assert len(shapes) > 100
    conforms, results, text = pyshacl.validate(_catalogue(client), shacl_graph=shapes)
    severities = Counter(results.objects(None, SH.resultSeverity))
    assert severities[SH.Violation] == 0, text
    # What stays is advice the catalogue cannot follow truthfully: a download is not served by the API
    # (dcat:accessService) and a dataset follows no published schema (dct:conformsTo).
    advised = {str(shape).rsplit("/", 1)[1] for shape in results.objects(None, SH.sourceShape)}
    assert advised <= {
        "DistributionShape_accessService_aanbevolen_minCount",
        "DatasetShape_conformsTo_aanbevolen_minCount",
    }


@pytest.mark.realdata
def test_catalogue_describes_every_download_and_the_api(client):
    g = _catalogue(client)
    assert len(list(g.subjects(RDF.type, DCAT.Catalog))) == 1
    datasets = list(g.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) >= 4
    for dataset in datasets:
        assert str(g.value(dataset, DCAT.theme)) == EDUC
        assert g.value(dataset, DCTERMS.publisher) and g.value(dataset, DCAT.contactPoint)
        period = g.value(dataset, DCTERMS.temporal)
        assert g.value(period, DCAT.startDate) <= g.value(period, DCAT.endDate)
        assert "Peildatum" in str(g.value(dataset, DCTERMS.description))
    urls = {str(u).removeprefix("http://testserver") for u in g.objects(None, DCAT.downloadURL)}
    for swv in Samenwerkingsverband.objects.all():
        assert {f"/downloads/swv/{swv.code}.csv", f"/downloads/swv/{swv.code}.json"} <= urls
    for indicator in Indicator.objects.all():
        assert f"/downloads/indicator/{indicator.code}.csv" in urls
    assert {"/downloads/landelijk.csv", "/downloads/waarden.json", "/downloads/landelijk.csv?sector=po"} <= urls
    for url in ["/downloads/landelijk.csv?sector=vo", f"/downloads/indicator/{indicator.code}.json"]:
        assert client.get(url).status_code == 200
    licences = {str(x) for x in g.objects(None, DCTERMS.license)}
    assert licences == {"https://creativecommons.org/publicdomain/zero/1.0/"}
    (service,) = g.subjects(RDF.type, DCAT.DataService)
    description = str(g.value(service, DCAT.endpointDescription)).removeprefix("http://testserver")
    assert description == "/api/v1/openapi.json"
    assert client.get(description).json()["openapi"].startswith("3.")
    assert set(g.objects(service, DCAT.servesDataset)) == set(datasets)


def test_catalogue_as_json_ld_is_the_same_graph_and_has_a_page(client):
    response = client.get("/catalogus.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    assert isomorphic(Graph().parse(data=response.content, format="json-ld"), _catalogue(client))
    page = client.get("/catalogus").content.decode()
    assert "/catalogus.ttl" in page and "/catalogus.jsonld" in page and "CC0 1.0" in page


# --- CSV on the Web --------------------------------------------------------------------------------


CSV_DOWNLOADS = [
    "/downloads/swv/PO3009.csv",
    "/downloads/landelijk.csv",
    "/downloads/landelijk.csv?sector=vo",
    "/downloads/indicator/verzuim_absoluut.csv?niveau=gemeente",
    "/downloads/waarden.csv?sector=PO",
    "/downloads/vergelijking.csv?swv=PO3009&swv=VO3001",
]


@pytest.mark.realdata
@pytest.mark.parametrize("url", CSV_DOWNLOADS)
def test_csv_download_is_valid_against_its_csvw_metadata(client, tmp_path, url):
    """The download and the metadata its Link header names, read by the csvw package as files."""
    import csvw

    response = client.get(url)
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    link = response["Link"].split(",")[0]
    assert link.endswith('rel="describedby"; type="application/csvm+json"')
    metadata_url = url.rsplit("/", 1)[0] + "/" + link.split(">")[0].lstrip("<")
    metadata = client.get(metadata_url)
    assert metadata["Content-Type"] == "application/csvm+json"
    document = metadata.json()
    assert document["url"] == url.rsplit("/", 1)[1]
    assert document["dialect"]["delimiter"] == ";" and document["dialect"]["encoding"] == "utf-8"
    assert document["dc:license"]["@id"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    # Stored side by side as files, so csvw finds the metadata at its default location.
    (tmp_path / "download.csv").write_bytes(content)
    (tmp_path / "download.csv-metadata.json").write_text(json.dumps({**document, "url": "download.csv"}))
    table = csvw.CSVW(str(tmp_path / "download.csv"), validate=True)
    assert not table.no_metadata
    assert table.is_valid, [str(w.message) for w in table.warnings]
    rows = list(table.tables[0].iterdicts())
    assert rows and len(rows) == content.decode("utf-8-sig").count("\r\n") - 1
    columns = [c["name"] for c in document["tableSchema"]["columns"]]
    assert list(rows[0]) == columns


@pytest.mark.realdata
def test_csvw_numbers_are_the_api_numbers(client, tmp_path):
    """Decimal commas read as numbers through the metadata give the API's values."""
    import csvw

    response = client.get("/downloads/swv/PO3009.csv")
    (tmp_path / "PO3009.csv").write_bytes(response.content)
    (tmp_path / "PO3009.csv-metadata.json").write_bytes(client.get("/downloads/swv/PO3009.csv-metadata.json").content)
    rows = list(csvw.CSVW(str(tmp_path / "PO3009.csv")).tables[0].iterdicts())
    api = client.get("/api/v1/samenwerkingsverbanden/PO3009/cijfers?perPagina=1000").json()["results"]
    by_key = {(r["indicator"], r["periode"]): r["waarde"] for r in api}
    numbers = [(r["indicator"], r["periode"] or "", r["waarde"]) for r in rows if r["waarde"] is not None]
    assert numbers
    for indicator, periode, value in numbers:
        assert float(value) == pytest.approx(by_key[(indicator, periode)])


def _views(resolver):
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _views(pattern)
        else:
            yield pattern.callback


def test_every_column_of_every_csv_download_is_described():
    from django.urls import get_resolver

    from swv.opendata.csvw import COLUMNS

    described = [view.csvw_table for view in _views(get_resolver()) if hasattr(view, "csvw_table")]
    assert len(described) == 6  # swv, landelijk, indicator, vergelijking, waarden, scholen
    assert {name for columns, _ in described for name in columns} - set(COLUMNS) == set()


@pytest.mark.realdata
def test_metadata_only_for_csv_downloads(client):
    assert client.get("/downloads/swv/PO3009.json-metadata.json").status_code == 404
    assert client.get("/downloads/niets.csv-metadata.json").status_code == 404
    # No metadata for a table that does not exist: an unknown SWV or indicator is a 404 like its CSV.
    for missing in ("/downloads/swv/PO9999.csv", "/downloads/indicator/bestaat_niet.csv"):
        assert client.get(missing).status_code == 404
        assert client.get(f"{missing}-metadata.json").status_code == 404
    assert client.get("/downloads/swv/po3009.csv-metadata.json").status_code == 200


def test_metadata_names_the_filtered_school_table(client):
    # The school download's own filters stay in the metadata's table URL, as the waarden filters do.
    document = client.get("/downloads/scholen.csv-metadata.json?cijfer=leerlingen&sector=PO").json()
    assert document["url"] == "scholen.csv?cijfer=leerlingen&sector=PO"
