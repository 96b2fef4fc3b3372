"""Checks on what SWV staff upload and write: decided by content, never by file name or browser type."""

import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
PDF_EOF = b"%%EOF"
TAIL_BYTES = 2048
# Active content a PDF reader might run; documents for parents never need it.
_ACTIVE_PDF = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)(?![A-Za-z0-9])")


def validate_pdf(upload) -> None:
    """Refuse anything that is not a plausible, passive PDF of at most 25 MB (raises ValidationError)."""
    size = getattr(upload, "size", None)
    if size is None:
        raise ValidationError("Het bestand kon niet gelezen worden.", code="unreadable")
    if size == 0:
        raise ValidationError("Het bestand is leeg.", code="empty")
    if size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            "Het bestand is te groot (%(size)s); het maximum is %(max)s.",
            code="too_large",
            params={"size": filesizeformat(size), "max": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    if head != PDF_MAGIC:
        raise ValidationError(
            "Dit bestand is geen PDF. Alleen PDF-bestanden kunnen worden geüpload "
            "(de bestandsnaam of extensie telt niet, de inhoud wel).",
            code="not_pdf",
        )
    upload.seek(max(0, size - TAIL_BYTES))
    tail = upload.read()
    if PDF_EOF not in tail:
        raise ValidationError(
            "Dit PDF-bestand is onvolledig of beschadigd (het einde van het bestand ontbreekt).", code="broken_pdf"
        )
    upload.seek(0)
    for chunk in _chunks(upload):
        if _ACTIVE_PDF.search(chunk):
            raise ValidationError(
                "Deze PDF bevat actieve inhoud (scripts, ingesloten bestanden of formulieren) en wordt niet "
                "geaccepteerd. Sla het document opnieuw op als gewone PDF (bijvoorbeeld PDF/A).",
                code="active_pdf",
            )
    upload.seek(0)


def _chunks(upload, size: int = 1024 * 1024, overlap: int = 32):
    """Overlapping chunks, so a keyword on a chunk boundary is still found."""
    previous = b""
    while True:
        data = upload.read(size)
        if not data:
            break
        yield previous + data
        previous = data[-overlap:]


def validate_toelichting_length(text: str, max_length: int) -> None:
    if len(text or "") > max_length:
        raise ValidationError(
            "De toelichting is te lang: %(length)s tekens, het maximum is %(max)s.",
            code="too_long",
            params={"length": len(text), "max": max_length},
        )
