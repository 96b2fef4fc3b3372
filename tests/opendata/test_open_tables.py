"""The open tables (swv.opendata.open_tables): one declaration each, served as a download, its CSV metadata,
an API list and a catalogue dataset, which all say the same."""

import datetime
from decimal import Decimal

import pytest
from rdflib import Graph
from rdflib.namespace import DCAT

from swv.models import Indicator
from swv.opendata.open_tables import SCHOLEN, TABLES
from tests.factories import (
    LeerlingtellingFactory,
    SamenwerkingsverbandFactory,
    SchoolcijferFactory,
    VestigingFactory,
    WaardeFactory,
)

pytestmark = pytest.mark.django_db

TELDATUM = datetime.date(2090, 10, 1)


@pytest.fixture
def swv():
    swv = SamenwerkingsverbandFactory(sector="PO", naam="Proefregio Noord")
    WaardeFactory(swv=swv, indicator__code="leerlingen_totaal", getal=1250)
    LeerlingtellingFactory(swv=swv, brin6="99ZZ00", naam="Proefschool", pc4="9999", peildatum=TELDATUM, aantal=200)
    return swv


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_the_download_and_the_api_list_give_the_same_rows(client, swv, table):
    download = client.get(f"/downloads/{table.name}.json?swv={swv.code}").json()
    api = client.get(f"/api/v1/{table.name}?swv={swv.code}&perPagina=1000").json()
    assert download["kolommen"] == table.columns
    assert download["rijen"] and api["count"] == len(download["rijen"])
    assert [{column: row[column] for column in table.columns} for row in api["results"]] == download["rijen"]


def test_a_school_table_is_a_csv_for_dutch_excel_with_its_metadata_named(client, swv):
    response = client.get(f"/downloads/scholen.csv?swv={swv.code.lower()}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="passend-onderwijs-scholen.csv"'
    link = f'<scholen.csv-metadata.json?swv={swv.code.lower()}>; rel="describedby"; type="application/csvm+json"'
    assert response["Link"].startswith(link)
    bron = Indicator.objects.get(code="leerlingen_bo").bron
    row = [
        *("99ZZ00", "Proefschool", "9999", swv.code, "Proefregio Noord", "PO", "leerlingen", "Leerlingen bo", "bo"),
        *("2090-10-01", "2090-10-01", "200", "", "", "aantal", "nee", bron),
    ]
    assert response.content.decode() == "\ufeff" + ";".join(SCHOLEN.columns) + "\r\n" + ";".join(row) + "\r\n"


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_the_csv_metadata_describes_the_declared_columns(client, table):
    document = client.get(f"/downloads/{table.name}.csv-metadata.json?sector=PO&utm_source=x").json()
    assert document["url"] == f"{table.name}.csv?sector=PO" and document["dc:title"] == table.title
    columns = document["tableSchema"]["columns"]
    assert [column["name"] for column in columns] == table.columns
    assert all(column["dc:description"] for column in columns)


@pytest.mark.parametrize("table", TABLES, ids=lambda table: table.name)
def test_the_api_documents_the_declared_filters_and_refuses_a_wrong_one_as_the_download_does(client, table):
    document = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"] for p in document["paths"][f"/{table.name}"]["get"]["parameters"]}
    assert parameters == {*table.filterset.base_filters, "pagina", "perPagina"}
    assert client.get("/api/v1").json()[table.item].endswith(f"/api/v1/{table.name}")
    download, api = (
        client.get(f"/downloads/{table.name}.csv?swv=PX3009"),
        client.get(f"/api/v1/{table.name}?swv=PX3009"),
    )
    assert download.status_code == api.status_code == 400
    page = download.content.decode()  # the Dutch error page, with the API's reason
    assert '<html lang="nl">' in page and f"swv: {api.json()['invalidParams'][0]['reason']}" in page


def test_the_catalogue_has_each_table_as_csv_and_json(client):
    catalogue = Graph().parse(data=client.get("/catalogus.ttl").content, format="turtle")
    urls = {str(url).removeprefix("http://testserver") for url in catalogue.objects(None, DCAT.downloadURL)}
    assert {f"/downloads/{table.name}.{fmt}" for table in TABLES for fmt in ("csv", "json")} <= urls


def test_a_school_figure_with_decimals_reads_as_a_dutch_number_and_as_the_api_says(client, swv):
    VestigingFactory(brin6="99ZZ01", naam="Proefschool Zuid", swv=swv)
    SchoolcijferFactory(brin6="99ZZ01", getal=Decimal("2.5"), teller=5, noemer=200)
    query = f"swv={swv.code}&cijfer=verplaatsingen_school"
    csv_rows = client.get(f"/downloads/scholen.csv?{query}").content.decode().splitlines()
    header, row = csv_rows[0].lstrip("\ufeff").split(";"), csv_rows[1].split(";")
    assert row[header.index("waarde")] == "2,5"
    download = client.get(f"/downloads/scholen.json?{query}").json()["rijen"]
    api = client.get(f"/api/v1/scholen?{query}").json()["results"]
    assert download[0]["waarde"] == api[0]["waarde"] == 2.5
