"""Reads for the public pages (published toelichting per theme, documents) and the staff start page."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.safestring import SafeString

from swv.selectors.names import display_name
from uploads.markdown import render_markdown
from uploads.models import Document, DocumentSoort, Thema, Toelichting, ZelfgerapporteerdCijfer
from uploads.staff.roles import linked_swvs


def published_toelichtingen(*, swv) -> dict[str, SafeString]:
    """Theme -> rendered published text; themes without published text are absent (nothing to show)."""
    rows = Toelichting.objects.filter(swv=swv).exclude(gepubliceerd="").values_list("thema", "gepubliceerd")
    return {thema: render_markdown(text) for thema, text in rows if text.strip()}


def documents_for_swv(*, swv) -> dict[str, list]:
    """Document type -> current (not replaced, not withdrawn) documents, newest first; every type is present."""
    grouped = {soort: [] for soort in DocumentSoort.values}
    # Earlier versions the SWV keeps public as history are listed under the version that replaced them.
    kept = Prefetch("eerdere_versies", Document.objects.public().order_by("-geupload_op"), to_attr="geschiedenis")
    for document in Document.objects.current().filter(swv=swv).prefetch_related(kept).order_by("-geupload_op"):
        grouped[document.soort].append(document)
    return grouped


def self_reported_figures(*, swv) -> list:
    """The figures this SWV reported itself, newest year first; the page labels them as such."""
    return list(
        ZelfgerapporteerdCijfer.objects.filter(swv=swv)
        .select_related("indicator")
        .order_by("-jaar", "indicator__volgorde", "indicator__code")
    )


def draft_toelichtingen(*, swv) -> dict[str, SafeString]:
    """Theme -> rendered draft text, for the staff preview of the page (same shape as the published one)."""
    rows = Toelichting.objects.filter(swv=swv).exclude(concept="").values_list("thema", "concept")
    return {thema: render_markdown(text) for thema, text in rows if text.strip()}


def documents_overview(*, soort: str = "", sector: str = ""):
    """All current documents of all SWV's for the national overview, optionally by type and sector."""
    documents = Document.objects.current().select_related("swv")
    if soort:
        documents = documents.filter(soort=soort)
    if sector:
        documents = documents.filter(swv__sector=sector)
    return documents.order_by("swv__code", "soort", "-geupload_op")


@dataclass
class ToelichtingStatus:
    thema: str
    label: str
    status: str  # "gepubliceerd", "concept" (a draft not yet published), "ontbreekt"
    url: str  # edit the existing toelichting or start one for this theme


@dataclass
class DocumentStatus:
    soort: str
    label: str
    documenten: list
    url: str  # upload a document of this type


@dataclass
class SwvOverzicht:
    """What an SWV's staff member needs on the start page: published, missing, drafts waiting."""

    swv: object
    naam: str
    toelichtingen: list[ToelichtingStatus]
    documenten: list[DocumentStatus]

    @property
    def concepten(self) -> list[ToelichtingStatus]:
        return [t for t in self.toelichtingen if t.status == "concept"]

    @property
    def ontbrekende_toelichtingen(self) -> list[ToelichtingStatus]:
        return [t for t in self.toelichtingen if t.status == "ontbreekt"]

    @property
    def ontbrekende_documenten(self) -> list[DocumentStatus]:
        return [d for d in self.documenten if not d.documenten and d.soort in REQUIRED_DOCUMENTS]


# The documents the design asks of every SWV; project plans and satisfaction surveys are optional.
REQUIRED_DOCUMENTS = ("ondersteuningsplan", "jaarplan", "jaarverslag", "inspectierapport")


def staff_overview(*, user) -> list[SwvOverzicht]:
    """Per SWV the user is linked to: each theme's toelichting and each document type, with its status."""
    swvs = list(linked_swvs(user).order_by("code"))
    texts = {(t.swv_id, t.thema): t for t in Toelichting.objects.filter(swv__in=swvs)}
    documents: dict[tuple[int, str], list] = {}
    for document in Document.objects.current().filter(swv__in=swvs).order_by("-geupload_op"):
        documents.setdefault((document.swv_id, document.soort), []).append(document)
    add_text = reverse("admin:uploads_toelichting_add")
    add_document = reverse("admin:uploads_document_add")
    overview = []
    for swv in swvs:
        toelichtingen = []
        for thema, label in Thema.choices:
            text = texts.get((swv.pk, thema))
            if text is None or not (text.concept.strip() or text.gepubliceerd.strip()):
                status = "ontbreekt"
            elif text.heeft_ongepubliceerde_wijziging:
                status = "concept"
            else:
                status = "gepubliceerd"
            url = (
                reverse("admin:uploads_toelichting_change", args=[text.pk])
                if text
                else f"{add_text}?{urlencode({'swv': swv.pk, 'thema': thema})}"
            )
            toelichtingen.append(ToelichtingStatus(thema, label, status, url))
        soorten = [
            DocumentStatus(
                soort,
                label,
                documents.get((swv.pk, soort), []),
                f"{add_document}?{urlencode({'swv': swv.pk, 'soort': soort})}",
            )
            for soort, label in DocumentSoort.choices
        ]
        overview.append(SwvOverzicht(swv=swv, naam=display_name(swv), toelichtingen=toelichtingen, documenten=soorten))
    return overview
