"""Checks on what SWV staff upload and write: decided by content, never by file name or browser type.

A document must be a real PDF of at most 25 MB without active content. "Real" and "active" are decided
by parsing the file with pypdf and walking every object in it, not by looking for words in the bytes:
a name can be written with escapes (/J#61vaScript is /JavaScript) and objects can sit compressed in an
object stream, where no byte pattern finds them.
"""

import logging
import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

logger = logging.getLogger("uploads")

MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
PDF_EOF = b"%%EOF"
TAIL_BYTES = 2048
# After the last %%EOF only line ends (and a few bytes of padding some writers add) may follow;
# anything more is a second file glued to the PDF (a polyglot: PDF and ZIP/HTML at once).
MAX_TRAILING_BYTES = 64
# Walking stops here: a 25 MB document for parents has far fewer objects; more is a decompression trap.
MAX_OBJECTS = 500_000

# Keys whose mere presence means active or embedded content, wherever they occur.
FORBIDDEN_KEYS = {
    "/JS": "een script (JavaScript)",
    "/JavaScript": "een script (JavaScript)",
    "/EmbeddedFiles": "ingesloten bestanden",
    "/EmbeddedFile": "een ingesloten bestand",
    "/EF": "een ingesloten bestand",
    "/RichMedia": "multimedia-inhoud (RichMedia)",
    "/RichMediaContent": "multimedia-inhoud (RichMedia)",
    "/XFA": "een XFA-formulier",
}
# A dictionary is refused when its value under one of these keys is a name in the key's table.
FORBIDDEN_NAMES = {
    # Actions a PDF reader would run that documents for parents never need.
    "/S": {
        "/JavaScript": "een script (JavaScript)",
        "/Launch": "een opdracht die een programma start (Launch)",
        "/SubmitForm": "een formulier dat gegevens verstuurt (SubmitForm)",
        "/ImportData": "een opdracht die gegevens inleest (ImportData)",
        "/GoToE": "een sprong naar een ingesloten bestand (GoToE)",
        "/GoToR": "een sprong naar een ander bestand (GoToR)",
        "/Rendition": "een multimedia-opdracht (Rendition)",
        "/RichMediaExecute": "een multimedia-opdracht (RichMediaExecute)",
    },
    "/Type": {"/EmbeddedFile": "een ingesloten bestand", "/Filespec": "een ingesloten of gekoppeld bestand"},
    "/Subtype": {
        "/FileAttachment": "een bijlage (FileAttachment)",
        "/RichMedia": "multimedia-inhoud (RichMedia)",
        "/Movie": "een film (Movie)",
        "/Sound": "geluid (Sound)",
        "/Screen": "multimedia-inhoud (Screen)",
        "/3D": "een 3D-object",
    },
}
# Links to web pages and e-mail addresses are fine; javascript:, file: and the like are not.
ALLOWED_URI = re.compile(r"^(?:https?://|mailto:|#)", re.IGNORECASE)


def _format_size(size: int) -> str:
    """'25,3 MB (26.542.080 bytes)': with the exact count, so 'too large' never reads as two equal sizes."""
    megabytes = number_format(size / (1024 * 1024), decimal_pos=1, use_l10n=True)
    return f"{megabytes} MB ({number_format(size, use_l10n=True, force_grouping=True)} bytes)"


def validate_pdf(upload) -> None:
    """Refuse anything that is not a plausible, passive PDF of at most 25 MB (raises ValidationError)."""
    size = getattr(upload, "size", None)
    if size is None:
        raise ValidationError("Het bestand kon niet gelezen worden.", code="unreadable")
    if size == 0:
        raise ValidationError("Het bestand is leeg.", code="empty")
    if size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            "Het bestand is te groot: %(size)s. Een document mag hooguit 25 MB zijn (%(max)s bytes).",
            code="too_large",
            params={
                "size": _format_size(size),
                "max": number_format(MAX_DOCUMENT_BYTES, use_l10n=True, force_grouping=True),
            },
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
    if len(tail.rsplit(PDF_EOF, 1)[1].strip(b"\r\n\t \x00")) > MAX_TRAILING_BYTES:
        raise ValidationError(
            "Na het einde van de PDF staat nog een ander bestand. Sla het document opnieuw op als gewone PDF.",
            code="polyglot_pdf",
        )
    upload.seek(0)
    problem = active_content(upload)
    upload.seek(0)
    if problem:
        raise ValidationError(
            "Deze PDF bevat %(what)s en wordt daarom niet geaccepteerd: documenten op de site mogen niets "
            "uitvoeren of insluiten. Sla het document opnieuw op als gewone PDF (bijvoorbeeld PDF/A).",
            code="active_pdf",
            params={"what": problem},
        )


def active_content(stream) -> str | None:
    """A Dutch description of the first active or embedded content in the PDF, or None when it is passive.

    Every object the cross-reference knows (compressed ones in object streams included) and everything
    reachable from the trailer is visited, so the catalog (/OpenAction, /AA, /Names with its
    /JavaScript and /EmbeddedFiles trees, /AcroForm), pages, annotations and form fields are all seen.
    pypdf decodes name escapes, so /J#61vaScript arrives as /JavaScript.
    """
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return "een wachtwoordbeveiliging"
        pending = [reader.trailer]
        pending += [IndirectObject(num, gen, reader) for gen, table in reader.xref.items() for num in table]
        pending += [IndirectObject(num, 0, reader) for num in reader.xref_objStm]
        return _walk(pending)
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 (whatever pypdf cannot read, a reader may read differently: refuse it)
        logger.info("pdf refused: pypdf could not read it", exc_info=True)
        raise ValidationError(
            "Dit PDF-bestand is beschadigd: het kon niet gelezen worden. Sla het document opnieuw op als PDF.",
            code="broken_pdf",
        ) from None


def _walk(pending: list) -> str | None:
    seen_refs: set[tuple[int, int]] = set()
    visited = 0
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen_refs:
                continue
            seen_refs.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            raise ValidationError(
                "Dit PDF-bestand heeft ongewoon veel onderdelen en kan niet gecontroleerd worden.", code="broken_pdf"
            )
        if isinstance(item, DictionaryObject):  # stream objects are dictionaries too (their data is not read)
            problem = _dictionary_problem(item)
            if problem:
                return problem
            pending.extend(item.values())
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return None


def _resolved(dictionary, key):
    value = dictionary.get(key)
    return value.get_object() if value is not None else None


def _dictionary_problem(dictionary) -> str | None:
    for key in dictionary:  # keys are always direct names, already decoded from #xx escapes
        if key in FORBIDDEN_KEYS:
            return FORBIDDEN_KEYS[key]
    for key, forbidden in FORBIDDEN_NAMES.items():
        name = _resolved(dictionary, key)  # an action's type, say, may itself be an indirect object
        if isinstance(name, NameObject) and name in forbidden:
            return forbidden[name]
    if _resolved(dictionary, "/S") == "/URI":
        uri = _resolved(dictionary, "/URI")
        text = uri.decode("latin-1") if isinstance(uri, bytes) else str(uri or "")
        if not ALLOWED_URI.match(text.strip()):
            return "een koppeling die geen webadres is (URI)"
    return None


def validate_toelichting_length(text: str, max_length: int) -> None:
    if len(text or "") > max_length:
        raise ValidationError(
            "De toelichting is te lang: %(length)s tekens, het maximum is %(max)s.",
            code="too_long",
            params={"length": len(text), "max": max_length},
        )
