"""CSV on the Web (W3C CSVW) metadata for the CSV downloads: what a machine needs to read a Dutch-Excel
CSV right (';' between cells, ',' as decimal sign, UTF-8, ja/nee for booleans) and what every column
means. Each CSV names its metadata in a Link header (rel="describedby"); the document lives at the
CSV's address plus "-metadata.json" (the default location CSVW readers try), query string included."""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve

from swv.caching import params
from swv.opendata.filters import patterns
from swv.opendata.licence import LICENCE_URL
from swv.opendata.open_tables import TABLES

STRING = "string"
DATE = "date"
INTEGER = "integer"
DECIMAL = {"base": "decimal", "format": {"decimalChar": ","}}
JA_NEE = {"base": "boolean", "format": "ja|nee"}


@dataclass(frozen=True)
class Column:
    datatype: str | dict
    description: str


COLUMNS = {
    "niveau": Column(STRING, "Eenheid van de waarde: swv (samenwerkingsverband), gemeente of land."),
    "swv": Column(STRING, "Code van het samenwerkingsverband, zoals PO3009."),
    "swv_naam": Column(STRING, "Naam van het samenwerkingsverband."),
    "gemeente": Column(STRING, "CBS-code van de gemeente, zoals GM0363."),
    "gemeente_naam": Column(STRING, "Naam van de gemeente."),
    "sector": Column(STRING, "PO (primair onderwijs) of VO (voortgezet onderwijs)."),
    "groep": Column(STRING, "De groep waarover het landelijk cijfer gaat (een sector of de gemeenten)."),
    "indicator": Column(STRING, "Code van de indicator (zie /api/v1/indicatoren)."),
    "label": Column(STRING, "Naam van de indicator."),
    "thema": Column(STRING, "Thema van de indicator: ondersteuning, financiën, organisatie of context."),
    "onderwerp": Column(STRING, "Onderwerp binnen het thema."),
    "eenheid": Column(STRING, "Eenheid van de waarde, zoals aantal, procent of euro."),
    "aggregatie": Column(STRING, "Hoe het landelijk cijfer is samengevat (bijvoorbeeld som of gemiddelde)."),
    "periode": Column(STRING, "Periode: een peildatum (2024-10-01), een schooljaar (2023-2024) of een jaar."),
    "peildatum": Column(DATE, "De datum waarop het cijfer betrekking heeft."),
    "waarde": Column(DECIMAL, "Het getal; leeg bij <5, niet aangeleverd of een tekstwaarde."),
    "ondergrens": Column(DECIMAL, "Bij een onderdrukte waarde (<5): de kleinste waarde die het kan zijn."),
    "bovengrens": Column(DECIMAL, "Bij een onderdrukte waarde (<5): de grootste waarde die het kan zijn."),
    "tekst": Column(STRING, "De waarde als tekst, bij een categorie (bijvoorbeeld stichting)."),
    "status": Column(
        STRING, "geleverd, niet_geleverd, onderdrukt (een aantal van 1 tot en met 4, <5) of nvt (niet van toepassing)."
    ),
    "fictief": Column(JA_NEE, "ja: een voorbeeldwaarde, geen echte data."),
    "huidig": Column(JA_NEE, "ja: dit is het cijfer dat de pagina van het samenwerkingsverband toont."),
    "gemiddelde_sector": Column(DECIMAL, "Gemiddelde van de sector in dezelfde periode."),
    "gemiddelde_sector_ondergrens": Column(
        DECIMAL, "Ondergrens van het sectorgemiddelde als er onderdrukte waarden (<5) in zitten."
    ),
    "gemiddelde_sector_bovengrens": Column(
        DECIMAL, "Bovengrens van het sectorgemiddelde als er onderdrukte waarden (<5) in zitten."
    ),
    "gemiddelde_vergelijkbare_grootte": Column(
        DECIMAL, "Gemiddelde van de samenwerkingsverbanden van vergelijkbare grootte (zelfde kwartiel)."
    ),
    "vergelijkingsgroep": Column(STRING, "De groep samenwerkingsverbanden van vergelijkbare grootte."),
    "aandeel_van_noemer": Column(DECIMAL, "De waarde als percentage van de noemer van de indicator."),
    "opgeteld_uit_gemeenten": Column(JA_NEE, "ja: opgeteld uit de cijfers van de gemeenten in de regio."),
    "gemeenten_geleverd": Column(INTEGER, "Aantal gemeenten in de regio dat een cijfer leverde."),
    "gemeenten_totaal": Column(INTEGER, "Aantal gemeenten in de regio."),
    "geschat": Column(JA_NEE, "ja: naar rato geschat voor gemeenten die deels in de regio liggen."),
    "verdeling": Column(STRING, "Hoe gemeenten die deels in de regio liggen zijn meegeteld, zoals 'Amsterdam 12%'."),
    "gemiddelde": Column(DECIMAL, "Gemiddelde over de eenheden met een cijfer."),
    "gemiddelde_ondergrens": Column(DECIMAL, "Ondergrens van het gemiddelde met onderdrukte waarden (<5)."),
    "gemiddelde_bovengrens": Column(DECIMAL, "Bovengrens van het gemiddelde met onderdrukte waarden (<5)."),
    "categorie": Column(STRING, "Categorie bij een verdeling (bijvoorbeeld een bestuursvorm)."),
    "aantal": Column(INTEGER, "Aantal eenheden in deze categorie."),
    "percentage": Column(DECIMAL, "Percentage van de eenheden in deze categorie."),
    "eenheden": Column(INTEGER, "Aantal eenheden dat een cijfer kon hebben."),
    "geleverd": Column(INTEGER, "Aantal eenheden met een cijfer."),
    "onderdrukt": Column(INTEGER, "Aantal eenheden met <5."),
    "niet_aangeleverd": Column(INTEGER, "Aantal eenheden zonder cijfer."),
    "minimum": Column(DECIMAL, "Laagste waarde."),
    "eerste_kwartiel": Column(DECIMAL, "Eerste kwartiel (25%)."),
    "mediaan": Column(DECIMAL, "Mediaan."),
    "derde_kwartiel": Column(DECIMAL, "Derde kwartiel (75%)."),
    "maximum": Column(DECIMAL, "Hoogste waarde."),
    "totaal_duo": Column(
        INTEGER, "Bij een aantal leerlingen: DUO's landelijke totaal, ook de vestigingen buiten elke regio."
    ),
    "buiten_regio_vestigingen": Column(INTEGER, "Vestigingen waarvan de postcode in geen enkele regio ligt."),
    "buiten_regio_leerlingen": Column(
        INTEGER, "Leerlingen op die vestigingen: het hele verschil tussen totaal_duo en de som (waarde)."
    ),
    "vestiging": Column(STRING, "BRIN6 van de vestiging (school), zoals 04UU00."),
    "vestiging_naam": Column(STRING, "Naam van de vestiging zoals DUO die geeft."),
    "pc4": Column(STRING, "Postcode (vier cijfers) van de vestiging; die bepaalt de regio."),
    "cijfer": Column(STRING, "'leerlingen' (DUO's telling per soort) of de code van een indicator per school."),
    "soort": Column(STRING, "Bij leerlingen: de soort onderwijs (bo, sbo, so, vso, vo, pro)."),
    "teller": Column(INTEGER, "Bij een percentage per school: het aantal waarvan het komt."),
    "noemer": Column(INTEGER, "Bij een percentage per school: het aantal waarover het gaat."),
    "bron": Column(STRING, "Bron van het cijfer."),
    "peildatum_soort": Column(STRING, "Soort periode: teldatum, peildatum, schooljaar of kalenderjaar."),
}


# A column nobody described yet still reads (as text); tests/opendata/test_standards.py requires a description.
UNDESCRIBED = Column(STRING, "")


def describes(*, columns: list[str], title: str, subject=None):
    """Marks a view as a CSV download with these columns, so its CSVW metadata can be served. A download of
    one thing (an SWV, an indicator) names its lookup: subject(**path arguments) gives the thing or raises
    Http404. The view then gets the thing in place of the path's arguments, and a missing one has no
    metadata either."""

    def mark(view):
        @functools.wraps(view)
        def download(request, fmt: str, **path):
            return view(request, subject(**path), fmt=fmt)

        marked = view if subject is None else download
        marked.csvw_table = (columns, title)
        marked.csvw_subject = subject
        return marked

    return mark


def metadata(*, csv_name: str, columns: list[str], title: str) -> dict:
    """The CSVW metadata document of one CSV download; csv_name is its address relative to the metadata."""
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "nl"}],
        "url": csv_name,
        "dc:title": title,
        "dc:publisher": settings.PUBLISHER_NAME,
        "dc:license": {"@id": LICENCE_URL},
        "dialect": {
            "encoding": "utf-8",
            "delimiter": ";",
            "header": True,
            "lineTerminators": ["\r\n"],
            "doubleQuote": True,
        },
        "tableSchema": {"columns": [_column(name) for name in columns]},
    }


def _column(name: str) -> dict:
    column = COLUMNS.get(name, UNDESCRIBED)
    return {"name": name, "titles": name, "datatype": column.datatype, "dc:description": column.description}


def metadata_path(csv_path: str, query: str = "") -> str:
    return f"{csv_path}-metadata.json" + (f"?{query}" if query else "")


# The query parameters of the CSV downloads (the open tables' include the others': sector, niveau, swv): the
# metadata's table URL carries them as the CSV's does.
@params.query_params(**{name: pattern for table in TABLES for name, pattern in patterns(table.filterset).items()})
def csv_metadata(request, csv_path: str):
    """/downloads/<…>.csv-metadata.json: the metadata of the CSV download at /downloads/<…>.csv."""
    path = f"/downloads/{csv_path}"
    try:
        match = resolve(path)
    except Resolver404:
        raise Http404("Geen download op dit adres") from None
    described = getattr(match.func, "csvw_table", None)
    if described is None or match.kwargs.get("fmt") != "csv":
        raise Http404("Geen CSV-download op dit adres")
    columns, title = described
    if match.func.csvw_subject is not None:  # Http404 for a thing that does not exist
        match.func.csvw_subject(**{key: value for key, value in match.kwargs.items() if key != "fmt"})
    query = request.META.get("QUERY_STRING", "")
    name = path.rsplit("/", 1)[1] + (f"?{query}" if query else "")
    return JsonResponse(
        metadata(csv_name=name, columns=columns, title=title),
        json_dumps_params={"ensure_ascii": False, "indent": 1},
        content_type="application/csvm+json",
    )
