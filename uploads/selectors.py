"""Reads for the public pages: published toelichting per theme."""

from django.db.models import Prefetch
from django.utils.safestring import SafeString

from uploads.markdown import render_markdown
from uploads.models import Document, DocumentSoort, Toelichting, ZelfgerapporteerdCijfer


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
    """The figures this SWV reported itself (ZelfgerapporteerdCijfer), newest year first, with indicator.

    Each row has .indicator (label, definitie, kanttekening), .jaar, .bedrag and .toelichting_html; the
    page must label them as reported by the SWV itself (indicator.bron says so as well).
    """
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
