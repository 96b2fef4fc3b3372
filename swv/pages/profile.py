"""Everything the page of one SWV shows, in a fixed number of queries whatever the SWV's size."""

import functools
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString

from swv.caching.versions import derived
from swv.figures import THEMES, Theme, attach_peer_figures, peer_group, sector_figures, swv_figure, swv_figures_by_topic
from swv.models import Leerlingtelling, Postcodegebied, Samenwerkingsverband, Schoolcijfer, SwvGemeente, Vestiging
from swv.selectors.indeling import current_indeling
from swv.selectors.names import display_name, display_names
from swv.selectors.pupils import SOORTEN_OF_INDICATOR
from swv.selectors.regions import minimap
from uploads.models import DocumentSoort
from uploads.selectors import documents_for_swv, self_reported_figures

# The few figures "In het kort" leads with, per sector: size, participation in special education, money,
# and the inspection's judgment. Which figures matter most is an editorial choice, so it is declared here.
KEY_FIGURES = {
    "PO": [
        "leerlingen_totaal",
        "deelname_sbo",
        "deelname_so",
        "bedrag_zware_per_leerling",
        "reserves_min_weerstandsvermogen",
        "inspectie_oordeel",
    ],
    "VO": [
        "leerlingen_totaal",
        "deelname_vso",
        "deelname_pro",
        "vsv_percentage",
        "bedrag_zware_per_leerling",
        "inspectie_oordeel",
    ],
}
LATEST_DOCUMENTS = 3


@dataclass
class Bestuur:
    nummer: str
    naam: str
    scholen: list


@dataclass
class Counterpart:
    url: str
    naam: str
    pc4_gedeeld: int


@dataclass
class Telling:
    """A school's pupils on its latest teldatum, per soort of the SWV's sector: [('sbo', 142), …]."""

    peildatum: object
    per_soort: list[tuple[str, int]]


def _school_figures(brin6s: set[str]) -> dict[str, Schoolcijfer]:
    """Each school's latest delivered figure of the catalogue's school level (verplaatsingen per school)."""
    figures = Schoolcijfer.objects.filter(brin6__in=brin6s).select_related("indicator").order_by("peildatum")
    return {figure.brin6: figure for figure in figures}  # the latest wins


def _pupils_per_school(swv: Samenwerkingsverband, brin6s: set[str]) -> tuple[dict[str, Telling], list]:
    """The latest DUO count of each vestiging (of these schools, or located in the region), by soort; and
    the special schools located in the region that the address files lack (so, vso), in one query."""
    soorten = SOORTEN_OF_INDICATOR[(swv.sector, "leerlingen_totaal")]
    rows = Leerlingtelling.objects.filter(Q(brin6__in=brin6s) | Q(swv=swv), soort__in=soorten).order_by(
        "brin6", "-peildatum"
    )
    result: dict[str, Telling] = {}
    names: dict[str, str] = {}
    for brin6, peildatum, soort, aantal, naam, swv_id in rows.values_list(
        "brin6", "peildatum", "soort", "aantal", "naam", "swv_id"
    ):
        telling = result.setdefault(brin6, Telling(peildatum=peildatum, per_soort=[]))
        if peildatum == telling.peildatum:
            telling.per_soort.append((soort, aantal))
            if swv_id == swv.pk and soort in ("so", "vso") and brin6 not in brin6s:
                names[brin6] = naam
    for telling in result.values():
        telling.per_soort.sort(key=lambda pair: soorten.index(pair[0]))
    latest = max((t.peildatum for t in result.values()), default=None)
    special = [
        _SpecialSchool(brin6=brin6, naam=naam, leerlingen=result[brin6])
        for brin6, naam in sorted(names.items(), key=lambda item: item[1].lower())
        if result[brin6].peildatum == latest
    ]
    return result, special


def _schools_by_bestuur(swv: Samenwerkingsverband) -> tuple[list[Bestuur], list]:
    """The region's schools per bestuur, each with its latest pupil count; and the special schools that DUO
    counted in the region but that are not in the address files (so, vso), from the count itself."""
    besturen: dict[int, Bestuur] = {}
    schools = list(Vestiging.objects.filter(swv=swv).select_related("bestuur").order_by("naam"))
    pupils, special = _pupils_per_school(swv, {s.brin6 for s in schools})
    figures = _school_figures({s.brin6 for s in schools})
    for school in schools:
        school.schoolcijfer = figures.get(school.brin6)
        bestuur = besturen.setdefault(
            school.bestuur_id, Bestuur(nummer=school.bestuur.nummer, naam=school.bestuur.naam, scholen=[])
        )
        school.leerlingen = pupils.get(school.brin6)
        bestuur.scholen.append(school)
    return sorted(besturen.values(), key=lambda b: (b.naam or b.nummer).lower()), special


@dataclass
class _SpecialSchool:
    brin6: str
    naam: str
    leerlingen: Telling

    @property
    def scholen_op_de_kaart_url(self) -> str:
        return f"https://scholenopdekaart.nl/zoeken/?zoektermen={self.brin6}"


def _region(swv: Samenwerkingsverband, indeling) -> tuple[list[str], list[Counterpart]]:
    """The SWV's PC4 areas and the SWV's of the other sector whose PC4 areas overlap with them."""
    mine, other = ("po_swv", "vo_swv") if swv.sector == "PO" else ("vo_swv", "po_swv")
    rows = Postcodegebied.objects.filter(indeling=indeling, **{mine: swv}).order_by("pc4")
    pc4s, shared, partners = [], Counter(), {}
    for pc4, pk, code, slug, naam in rows.values_list(
        "pc4", other, f"{other}__code", f"{other}__slug", f"{other}__naam"
    ):
        pc4s.append(pc4)
        if pk is not None:
            shared[pk] += 1
            partners[pk] = (code, slug, naam)
    names = display_names()
    result = [
        Counterpart(
            url=reverse("swv:detail", kwargs={"code": code, "slug": slug}),
            naam=naam or names.get(pk, code),
            pc4_gedeeld=shared[pk],
        )
        for pk, (code, slug, naam) in partners.items()
    ]
    return pc4s, sorted(result, key=lambda c: -c.pc4_gedeeld)


def build_swv_page_context(*, swv: Samenwerkingsverband, toelichtingen: dict[str, SafeString]) -> dict:
    """The context of templates/swv/detail.html; `toelichtingen` is theme -> rendered text (published
    texts on the public page, drafts in a preview)."""
    indeling = current_indeling()
    figures = sector_figures(sector=swv.sector)
    gemeenten = list(
        SwvGemeente.objects.filter(indeling=indeling, swv=swv).select_related("gemeente").order_by("gemeente__naam")
    )

    # The figures per theme, the schools and the region are read only when the page's cached parts for
    # this source-data version are missing (templates/swv/detail.html, {% cache %}): lazily.
    def topics(key: str) -> list:
        found = swv_figures_by_topic(figures=figures, thema=key, swv_id=swv.pk, sector=swv.sector)
        attach_peer_figures(swv=swv, figures=(f for _, group in found for f in group))
        return found

    # Both from the imported data alone: once per source-data version and SWV.
    region = SimpleLazyObject(lambda: derived(f"swv-region:{swv.pk}", lambda: _region(swv, indeling)))
    schools = SimpleLazyObject(lambda: derived(f"swv-schools:{swv.pk}", lambda: _schools_by_bestuur(swv)))
    themes = [
        Theme(
            key=key,
            titel=titel,
            topics=SimpleLazyObject(functools.partial(topics, key)),
            tekst=toelichtingen.get(key) or None,
        )
        for key, titel in THEMES
    ]
    shown = {key for key, _ in THEMES}
    kerncijfers = [
        swv_figure(figures=figures, series=figures.series[code], swv_id=swv.pk, sector=swv.sector)
        for code in KEY_FIGURES.get(swv.sector, [])
        if code in figures.series and figures.series[code].indicator.thema in shown
    ]
    attach_peer_figures(swv=swv, figures=kerncijfers)
    documents = documents_for_swv(swv=swv)
    latest = sorted((d for docs in documents.values() for d in docs), key=lambda d: d.geupload_op, reverse=True)
    return {
        "kerncijfers": kerncijfers,
        "laatste_documenten": latest[:LATEST_DOCUMENTS],
        "aantal_documenten": len(latest),
        "zelf_gerapporteerd": self_reported_figures(swv=swv),
        "swv": swv,
        "naam": display_name(swv),
        "sector_naam": swv.get_sector_display().lower(),
        "intro_toelichting": toelichtingen.get("intro") or None,
        "besturen": SimpleLazyObject(lambda: schools[0]),
        "aantal_scholen": SimpleLazyObject(lambda: sum(len(b.scholen) for b in schools[0])),
        "speciale_scholen": SimpleLazyObject(lambda: schools[1]),
        "gemeenten": gemeenten,
        "indeling": indeling,
        "regio_kaart": minimap(swv),
        "pc4s": SimpleLazyObject(lambda: region[0]),
        "tegenhangers": SimpleLazyObject(lambda: region[1]),
        "andere_sector": "VO" if swv.sector == "PO" else "PO",
        "themes": themes,
        "vergelijkingsgroep": peer_group(swv=swv),
        "documenten": [(DocumentSoort(soort).label, docs) for soort, docs in documents.items()],
    }
