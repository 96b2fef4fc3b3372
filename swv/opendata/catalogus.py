"""The data catalogue in DCAT-AP-NL 3.0 (what data.overheid.nl harvests): one Catalog, a Dataset per theme
plus the tables per SWV, the national picture and all values, a Distribution for every CSV and JSON
download, and the API as a DataService. /catalogus shows the same catalogue as a page; /catalogus.ttl
and /catalogus.jsonld give it as RDF."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Max, Min, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from swv.caching import params
from swv.caching.middleware import canonical_host
from swv.caching.versions import derived
from swv.models import ImportRun, Indicator, Samenwerkingsverband, Waarde
from swv.opendata.csvw import metadata_path
from swv.opendata.licence import LICENCE_NAME, LICENCE_URL
from swv.opendata.open_tables import TABLES
from swv.opendata.tables import THEME_ORDER

EU = "http://publications.europa.eu/resource/authority/"
THEME_EDUC = URIRef(EU + "data-theme/EDUC")
ACCESS_PUBLIC = URIRef(EU + "access-right/PUBLIC")
DUTCH = URIRef(EU + "language/NLD")
NETHERLANDS = URIRef(EU + "country/NLD")
FILE_TYPE = {"csv": URIRef(EU + "file-type/CSV"), "json": URIRef(EU + "file-type/JSON")}
MEDIA_TYPE = {
    "csv": URIRef("https://www.iana.org/assignments/media-types/text/csv"),
    "json": URIRef("https://www.iana.org/assignments/media-types/application/json"),
}
JSON_STANDARD = "https://www.rfc-editor.org/rfc/rfc8259"
API_DESIGN_RULES = "https://gitdocumentatie.logius.nl/publicatie/api/adr/"
ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")


@dataclass(frozen=True)
class Distribution:
    title: str
    url: str
    fmt: str  # csv or json
    schema: str = ""  # the CSVW metadata of a CSV


@dataclass
class Dataset:
    key: str
    title: str
    description: str
    landing_page: str
    keywords: list[str]
    thema: str = ""  # empty: the dataset holds figures of every theme
    start: dt.date | None = None
    end: dt.date | None = None  # peildatum of the newest figures
    fictief: bool = False
    sources: list[str] = field(default_factory=list)
    distributions: list[Distribution] = field(default_factory=list)


@dataclass
class Catalogue:
    url: str
    site: str
    api: str
    api_docs: str
    openapi: str
    modified: dt.date
    datasets: list[Dataset]


def _both(absolute, title: str, path: str, query: str = "") -> list[Distribution]:
    """A download as its CSV and its JSON distribution."""
    suffix = f"?{query}" if query else ""
    csv_path = f"{path}.csv"
    return [
        Distribution(f"{title} (CSV)", absolute(csv_path + suffix), "csv", absolute(metadata_path(csv_path, query))),
        Distribution(f"{title} (JSON)", absolute(f"{path}.json{suffix}"), "json"),
    ]


def _periods() -> dict[str, tuple[dt.date, dt.date, bool]]:
    """Per theme (and "" for all figures): first and last peildatum, and whether fictional values occur."""
    rows = Waarde.objects.values("indicator__thema").annotate(
        start=Min("peildatum"), end=Max("peildatum"), fictief=Count("pk", filter=Q(fictief=True))
    )
    found = {r["indicator__thema"]: (r["start"], r["end"], bool(r["fictief"])) for r in rows}
    if found:
        starts, ends, fictief = zip(*found.values(), strict=True)
        found[""] = (min(starts), max(ends), any(fictief))
    return found


def catalogue(*, absolute) -> Catalogue:
    """The catalogue; absolute turns a path into an absolute URL of this site."""
    periods = _periods()
    datasets = []
    indicators = Indicator.objects.order_by("volgorde", "code")
    for thema in THEME_ORDER:
        members = [i for i in indicators if i.thema == thema]
        if not members:
            continue
        dataset = Dataset(
            key=f"thema-{thema}",
            title=f"Passend onderwijs: {thema.label.lower()}",
            description=(
                f"Alle cijfers over {thema.label.lower()} van de samenwerkingsverbanden passend onderwijs, per "
                "indicator voor alle samenwerkingsverbanden (en gemeenten) en alle periodes, met bron en "
                "peildatum bij elk cijfer. Indicatoren: " + ", ".join(i.label for i in members) + "."
            ),
            landing_page=absolute(reverse("landelijk:index")),
            keywords=["passend onderwijs", "samenwerkingsverbanden", thema.label.lower()],
            thema=thema,
            sources=sorted({i.bron for i in members if i.bron}),
        )
        for indicator in members:
            path = f"/downloads/indicator/{indicator.code}"
            dataset.distributions += _both(absolute, indicator.label, path)
            if indicator.niveau == Indicator.Niveau.GEMEENTE:
                dataset.distributions += _both(absolute, f"{indicator.label} per gemeente", path, "niveau=gemeente")
        datasets.append(dataset)

    per_swv = Dataset(
        key="samenwerkingsverbanden",
        title="Passend onderwijs: cijfers per samenwerkingsverband",
        description=(
            "Per samenwerkingsverband alle cijfers van zijn pagina, per periode, met het gemiddelde van de sector "
            "en van samenwerkingsverbanden van vergelijkbare grootte."
        ),
        landing_page=absolute(reverse("api:documentatie")),
        keywords=["passend onderwijs", "samenwerkingsverbanden", "vergelijking"],
    )
    for code in Samenwerkingsverband.objects.order_by("code").values_list("code", flat=True):
        per_swv.distributions += _both(absolute, f"Cijfers van {code}", f"/downloads/swv/{code}")
    landelijk = Dataset(
        key="landelijk",
        title="Passend onderwijs: landelijk beeld",
        description=(
            "Het landelijk beeld van de samenwerkingsverbanden passend onderwijs: per indicator, sector en periode "
            "het landelijk cijfer met gemiddelde, spreiding en hoeveel samenwerkingsverbanden een cijfer leverden."
        ),
        landing_page=absolute(reverse("landelijk:index")),
        keywords=["passend onderwijs", "landelijk beeld", "primair onderwijs", "voortgezet onderwijs"],
        distributions=_both(absolute, "Landelijk beeld", "/downloads/landelijk")
        + _both(absolute, "Landelijk beeld PO", "/downloads/landelijk", "sector=po")
        + _both(absolute, "Landelijk beeld VO", "/downloads/landelijk", "sector=vo"),
    )
    filtered = [
        Dataset(
            key=table.name,
            title=f"Passend onderwijs: {table.label[:1].lower()}{table.label[1:]}",
            description=table.about,
            landing_page=absolute(reverse("api:documentatie")),
            keywords=table.keywords,
            distributions=_both(absolute, table.label, f"/downloads/{table.name}"),
        )
        for table in TABLES
    ]
    every_source = sorted({i.bron for i in indicators if i.bron})
    for dataset in (per_swv, landelijk, *filtered):
        dataset.sources = every_source
    datasets += [per_swv, landelijk, *filtered]
    for dataset in datasets:
        dataset.start, dataset.end, dataset.fictief = periods.get(dataset.thema, (None, None, False))

    last_import = ImportRun.objects.filter(status=ImportRun.Status.GELUKT).aggregate(last=Max("gestart"))["last"]
    api_root = absolute("/api/v1")
    return Catalogue(
        url=absolute(reverse("catalogus")),
        site=absolute("/"),
        api=api_root,
        api_docs=absolute(reverse("api:documentatie")),
        openapi=f"{api_root}/openapi.json",
        modified=(last_import or dt.datetime.now(dt.UTC)).date(),
        datasets=datasets,
    )


def _titled(graph: Graph, url: str, kind: URIRef, title: str) -> URIRef:
    """A node of this kind (a page, standard, licence or distribution) with its Dutch title."""
    node = URIRef(url)
    graph.add((node, RDF.type, kind))
    graph.add((node, DCTERMS.title, Literal(title, lang="nl")))
    return node


def graph(cat: Catalogue) -> Graph:
    """The catalogue as RDF in the DCAT-AP-NL 3.0 profile."""
    g = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD), ("adms", ADMS)):
        g.bind(prefix, namespace)
    licence = _titled(g, LICENCE_URL, DCTERMS.LicenseDocument, LICENCE_NAME)

    publisher = URIRef(f"{cat.site}#uitgever")
    for kind in (FOAF.Agent, FOAF.Organization):
        g.add((publisher, RDF.type, kind))
    g.add((publisher, FOAF.name, Literal(settings.PUBLISHER_NAME, lang="nl")))
    g.add((publisher, FOAF.homepage, URIRef(cat.site)))
    contact = URIRef(f"{cat.site}#contact")
    for kind in (VCARD.Kind, VCARD.Organization):
        g.add((contact, RDF.type, kind))
    g.add((contact, VCARD.fn, Literal(settings.PUBLISHER_NAME, lang="nl")))
    g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{settings.CONTACT_EMAIL}")))
    g.add((contact, VCARD.hasURL, URIRef(cat.site)))
    modified = Literal(cat.modified, datatype=XSD.date)
    docs = _titled(g, cat.api_docs, FOAF.Document, "Open data en API: documentatie")

    def describe(node: URIRef, title: str, description: str, identifier: str):
        g.add((node, DCTERMS.title, Literal(title, lang="nl")))
        g.add((node, DCTERMS.description, Literal(description, lang="nl")))
        g.add((node, DCTERMS.identifier, Literal(identifier)))
        g.add((node, DCTERMS.publisher, publisher))
        g.add((node, DCTERMS.creator, publisher))
        g.add((node, DCAT.contactPoint, contact))
        g.add((node, DCTERMS.language, DUTCH))
        g.add((node, DCTERMS.modified, modified))

    catalog = URIRef(cat.url)
    g.add((catalog, RDF.type, DCAT.Catalog))
    describe(
        catalog,
        "Passend onderwijs in beeld: open data",
        "De open data van Passend onderwijs in beeld, de landelijke verantwoordingswebsite van de "
        "samenwerkingsverbanden passend onderwijs: downloads en API.",
        cat.url,
    )
    g.add((catalog, FOAF.homepage, URIRef(cat.site)))
    g.add((catalog, DCTERMS.license, licence))

    service = URIRef(f"{cat.url}#api")
    g.add((service, RDF.type, DCAT.DataService))
    describe(
        service,
        "Passend onderwijs in beeld: open data API",
        "Alleen-lezen REST API met de samenwerkingsverbanden, gemeenten, de catalogus van indicatoren en alle "
        "waarden, met bron en peildatum; dezelfde cijfers als op de website.",
        f"{cat.url}#api",
    )
    g.add((service, DCAT.endpointURL, URIRef(cat.api)))
    g.add((service, DCAT.endpointDescription, URIRef(cat.openapi)))
    g.add((service, DCTERMS.conformsTo, _titled(g, API_DESIGN_RULES, DCTERMS.Standard, "NL API Design Rules")))
    g.add((service, DCTERMS.accessRights, ACCESS_PUBLIC))
    g.add((service, DCTERMS.license, licence))
    g.add((service, DCAT.theme, THEME_EDUC))
    g.add((service, DCAT.landingPage, docs))
    g.add((service, FOAF.page, docs))
    for keyword in ("passend onderwijs", "samenwerkingsverbanden", "API"):
        g.add((service, DCAT.keyword, Literal(keyword, lang="nl")))
    g.add((catalog, DCAT.service, service))

    json_standard = _titled(g, JSON_STANDARD, DCTERMS.Standard, "JSON (RFC 8259)")
    for dataset in cat.datasets:
        node = URIRef(f"{cat.url}#{dataset.key}")
        g.add((node, RDF.type, DCAT.Dataset))
        description = dataset.description
        if dataset.sources:
            description += " Bronnen: " + "; ".join(dataset.sources) + "."
        if dataset.end:
            description += f" Peildatum van de nieuwste cijfers: {dataset.end.isoformat()}."
        if dataset.fictief:
            description += " Bevat ook voorbeeldcijfers, gemarkeerd met fictief=ja."
        describe(node, dataset.title, description, f"{cat.url}#{dataset.key}")
        g.add((node, DCAT.theme, THEME_EDUC))
        g.add((node, DCTERMS.accessRights, ACCESS_PUBLIC))
        g.add((node, DCTERMS.spatial, NETHERLANDS))
        g.add((node, DCAT.landingPage, _titled(g, dataset.landing_page, FOAF.Document, dataset.title)))
        g.add((node, FOAF.page, docs))
        for keyword in dataset.keywords:
            g.add((node, DCAT.keyword, Literal(keyword, lang="nl")))
        if dataset.start and dataset.end:
            period = BNode()
            g.add((period, RDF.type, DCTERMS.PeriodOfTime))
            g.add((period, DCAT.startDate, Literal(dataset.start, datatype=XSD.date)))
            g.add((period, DCAT.endDate, Literal(dataset.end, datatype=XSD.date)))
            g.add((node, DCTERMS.temporal, period))
        g.add((service, DCAT.servesDataset, node))
        g.add((catalog, DCAT.dataset, node))
        for index, dist in enumerate(dataset.distributions, start=1):
            d = _titled(g, f"{cat.url}#{dataset.key}-{index}", DCAT.Distribution, dist.title)
            g.add((d, DCAT.accessURL, URIRef(dist.url)))
            g.add((d, DCAT.downloadURL, URIRef(dist.url)))
            g.add((d, DCTERMS.license, licence))
            g.add((d, DCTERMS.format, FILE_TYPE[dist.fmt]))
            g.add((d, DCAT.mediaType, MEDIA_TYPE[dist.fmt]))
            g.add((d, DCTERMS.language, DUTCH))
            schema = (
                _titled(g, dist.schema, DCTERMS.Standard, f"CSVW-metadata van {dist.title}")
                if dist.schema
                else json_standard
            )
            g.add((d, DCTERMS.conformsTo, schema))
            g.add((node, DCAT.distribution, d))
    return g


JSONLD_CONTEXT = {"dcat": str(DCAT), "dct": str(DCTERMS), "foaf": str(FOAF), "vcard": str(VCARD), "xsd": str(XSD)}
RDF_FORMATS = {"ttl": ("turtle", "text/turtle; charset=utf-8"), "jsonld": ("json-ld", "application/ld+json")}


@params.query_params()
def catalogus_page(request):
    cat = catalogue(absolute=request.build_absolute_uri)
    return render(request, "opendata/catalogus.html", {"catalogus": cat})


@params.query_params()
def catalogus_rdf(request, fmt: str):
    rdf_format, content_type = RDF_FORMATS[fmt]

    # Serialising some 5,000 triples takes about a second; the catalogue changes only with an import.
    def build() -> str:
        g = graph(catalogue(absolute=request.build_absolute_uri))
        options = {"context": JSONLD_CONTEXT, "auto_compact": True} if fmt == "jsonld" else {}
        return g.serialize(format=rdf_format, **options)

    # Kept per host, for the links name it; a host in another spelling (any port) would be one more copy.
    body = (
        derived(f"catalogus:{fmt}:{request.scheme}://{request.get_host()}", build)
        if canonical_host(request)
        else build()
    )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="catalogus.{fmt}"'
    return response
