"""Reads for the public pages: published toelichting per theme."""

from django.utils.safestring import SafeString

from uploads.markdown import render_markdown
from uploads.models import Toelichting


def published_toelichtingen(*, swv) -> dict[str, SafeString]:
    """Theme -> rendered published text; themes without published text are absent (nothing to show)."""
    rows = Toelichting.objects.filter(swv=swv).exclude(gepubliceerd="").values_list("thema", "gepubliceerd")
    return {thema: render_markdown(text) for thema, text in rows if text.strip()}


def documents_for_swv(*, swv) -> dict[str, list]:
    """Document type -> current (not replaced) documents, newest first; every type is present."""
    from uploads.models import Document, DocumentSoort

    grouped = {soort: [] for soort in DocumentSoort.values}
    for document in Document.objects.filter(swv=swv, vervangen_door__isnull=True).order_by("-geupload_op"):
        grouped[document.soort].append(document)
    return grouped
