"""PDFs are checked by parsing: a corpus of crafted documents with active or embedded content is refused,
each one's harmless twin passes, and the messages say what was found.

Real PDFs: tests/uploads/test_pdf_validation.py."""

import pytest
from django.core.exceptions import ValidationError

from tests.pdf_corpus import CORPUS, build_pdf
from tests.staff_fixtures import pdf_upload
from uploads.validators import MAX_DOCUMENT_BYTES, validate_pdf

REFUSAL_CODES = {"active_pdf", "polyglot_pdf", "not_pdf"}


def refusal(content: bytes) -> ValidationError | None:
    try:
        validate_pdf(pdf_upload(content=content))
    except ValidationError as error:
        return error
    return None


@pytest.mark.parametrize("case", list(CORPUS))
def test_crafted_pdf_is_refused_and_its_twin_passes(case):
    hostile, harmless = CORPUS[case]
    error = refusal(hostile)
    assert error is not None, f"{case}: accepted"
    assert error.code in REFUSAL_CODES, (case, error.code, error.messages)
    assert refusal(harmless) is None, (case, refusal(harmless).messages)


def test_refusal_names_what_was_found():
    error = refusal(CORPUS["hex-escaped JavaScript name"][0])
    assert "script" in error.messages[0] and "niet geaccepteerd" in error.messages[0]
    assert "ingesloten" in refusal(CORPUS["embedded file"][0]).messages[0]
    assert "programma" in refusal(CORPUS["launch action in a link"][0]).messages[0]


def test_unreadable_pdf_is_refused_as_broken():
    broken = b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 9 0 R>> endobj\n<<<<<<\n%%EOF\n"
    error = refusal(broken)
    assert error is not None and error.code == "broken_pdf"
    assert "beschadigd" in error.messages[0]


def test_size_limit_says_two_different_sizes():
    """Just over the limit reads as a larger number than the maximum, never '25,0 MB; maximum 25,0 MB'."""
    body = build_pdf()
    too_big = body[:-6] + b" " * (MAX_DOCUMENT_BYTES + 1 - len(body)) + body[-6:]
    error = refusal(too_big)
    assert error.code == "too_large"
    message = error.messages[0]
    assert "26.214.401 bytes" in message and "26.214.400 bytes" in message, message
    assert refusal(body) is None
