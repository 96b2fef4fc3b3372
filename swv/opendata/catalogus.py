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


def graph(cat: Catalogue) -> Graph:
    """The catalogue as RDF in the DCAT-AP-NL 3.0 profile."""
    g = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD), ("adms", ADMS)):
        g.bind(prefix, namespace)

    def add(node: URIRef | BNode, *pairs) -> None:
        for predicate, value in pairs:
            g.add((node, predicate, value))

    def titled(url: str, kind: URIRef, title: str) -> URIRef:
        """A node of this kind (a page, standard, licence or distribution) with its Dutch title."""
        node = URIRef(url)
        add(node, (RDF.type, kind), (DCTERMS.title, Literal(title, lang="nl")))
        return node

    def keywords(words) -> list[tuple]:
        return [(DCAT.keyword, Literal(word, lang="nl")) for word in words]

    licence = titled(LICENCE_URL, DCTERMS.LicenseDocument, LICENCE_NAME)
    site, name = URIRef(cat.site), Literal(settings.PUBLISHER_NAME, lang="nl")
    publisher, contact = URIRef(f"{cat.site}#uitgever"), URIRef(f"{cat.site}#contact")
    add(publisher, (RDF.type, FOAF.Agent), (RDF.type, FOAF.Organization), (FOAF.name, name), (FOAF.homepage, site))
    add(contact, (RDF.type, VCARD.Kind), (RDF.type, VCARD.Organization), (VCARD.fn, name))
    add(contact, (VCARD.hasEmail, URIRef(f"mailto:{settings.CONTACT_EMAIL}")), (VCARD.hasURL, site))
    modified = Literal(cat.modified, datatype=XSD.date)
    docs = titled(cat.api_docs, FOAF.Document, "Open data en API: documentatie")

    def describe(node: URIRef, kind: URIRef, title: str, description: str) -> None:
        """What the catalogue, the API and every dataset say of themselves; each is identified by its URI."""
        add(node, (RDF.type, kind), (DCTERMS.title, Literal(title, lang="nl")))
        add(node, (DCTERMS.description, Literal(description, lang="nl")), (DCTERMS.identifier, Literal(str(node))))
        add(node, (DCTERMS.publisher, publisher), (DCTERMS.creator, publisher), (DCAT.contactPoint, contact))
        add(node, (DCTERMS.language, DUTCH), (DCTERMS.modified, modified))

    catalog = URIRef(cat.url)
    describe(
        catalog,
        DCAT.Catalog,
        "Passend onderwijs in beeld: open data",
        "De open data van Passend onderwijs in beeld, de landelijke verantwoordingswebsite van de "
        "samenwerkingsverbanden passend onderwijs: downloads en API.",
    )
    add(catalog, (FOAF.homepage, site), (DCTERMS.license, licence))

    service = URIRef(f"{cat.url}#api")
    describe(
        service,
        DCAT.DataService,
        "Passend onderwijs in beeld: open data API",
        "Alleen-lezen REST API met de samenwerkingsverbanden, gemeenten, de catalogus van indicatoren en alle "
        "waarden, met bron en peildatum; dezelfde cijfers als op de website.",
    )
    add(service, (DCAT.endpointURL, URIRef(cat.api)), (DCAT.endpointDescription, URIRef(cat.openapi)))
    add(service, (DCTERMS.conformsTo, titled(API_DESIGN_RULES, DCTERMS.Standard, "NL API Design Rules")))
    add(service, (DCTERMS.accessRights, ACCESS_PUBLIC), (DCTERMS.license, licence), (DCAT.theme, THEME_EDUC))
    add(service, (DCAT.landingPage, docs), (FOAF.page, docs))
    add(service, *keywords(["passend onderwijs", "samenwerkingsverbanden", "API"]))
    add(catalog, (DCAT.service, service))

    json_standard = titled(JSON_STANDARD, DCTERMS.Standard, "JSON (RFC 8259)")
    for dataset in cat.datasets:
        node = URIRef(f"{cat.url}#{dataset.key}")
        description = dataset.description
        if dataset.sources:
            description += " Bronnen: " + "; ".join(dataset.sources) + "."
        if dataset.end:
            description += f" Peildatum van de nieuwste cijfers: {dataset.end.isoformat()}."
        if dataset.fictief:
            description += " Bevat ook voorbeeldcijfers, gemarkeerd met fictief=ja."
        describe(node, DCAT.Dataset, dataset.title, description)
        add(node, (DCAT.theme, THEME_EDUC), (DCTERMS.accessRights, ACCESS_PUBLIC), (DCTERMS.spatial, NETHERLANDS))
        add(node, (DCAT.landingPage, titled(dataset.landing_page, FOAF.Document, dataset.title)))
        add(node, (FOAF.page, docs), *keywords(dataset.keywords))
        if dataset.start and dataset.end:
            period = BNode()
            add(period, (RDF.type, DCTERMS.PeriodOfTime), (DCAT.startDate, Literal(dataset.start, datatype=XSD.date)))
            add(period, (DCAT.endDate, Literal(dataset.end, datatype=XSD.date)))
            add(node, (DCTERMS.temporal, period))
        add(service, (DCAT.servesDataset, node))
        add(catalog, (DCAT.dataset, node))
        for index, dist in enumerate(dataset.distributions, start=1):
            d = titled(f"{cat.url}#{dataset.key}-{index}", DCAT.Distribution, dist.title)
            url = URIRef(dist.url)
            add(d, (DCAT.accessURL, url), (DCAT.downloadURL, url), (DCTERMS.license, licence))
            add(d, (DCTERMS.format, FILE_TYPE[dist.fmt]), (DCAT.mediaType, MEDIA_TYPE[dist.fmt]))
            add(d, (DCTERMS.language, DUTCH))
            if dist.schema:
                add(d, (DCTERMS.conformsTo, titled(dist.schema, DCTERMS.Standard, f"CSVW-metadata van {dist.title}")))
            else:
                add(d, (DCTERMS.conformsTo, json_standard))
            add(node, (DCAT.distribution, d))
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
