"""PDFs are checked by parsing: a corpus of crafted documents with active or embedded content is refused,
each one's harmless twin passes, and real PDFs printed by Chromium pass (also through the admin)."""

import shutil
import subprocess

import pytest
from django.core.exceptions import ValidationError

from tests.pdf_corpus import CORPUS, build_pdf
from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import client_for, pdf_upload
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


# --- real documents -------------------------------------------------------------------------------

SEEDS_LIKE_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Ondersteuningsplan</title>
<style>body {{ font-family: sans-serif; }} table {{ border-collapse: collapse; }} td {{ border: 1px solid; }}</style>
</head><body>
<h1>Ondersteuningsplan 2022-2026</h1>
<p>Samenwerkingsverband passend onderwijs. Zie <a href="https://www.passendonderwijs.nl/">passendonderwijs.nl</a>
of mail <a href="mailto:info@example.nl">info@example.nl</a>.</p>
<h2>Inhoud</h2><ol><li><a href="#basis">Basisondersteuning</a></li><li>Financiën</li></ol>
<table><tr><th>Jaar</th><th>Leerlingen</th></tr>{rows}</table>
<h2 id="basis">Basisondersteuning</h2>{paragraphs}
</body></html>"""


@pytest.fixture(scope="module")
def chromium_pdf(tmp_path_factory):
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    folder = tmp_path_factory.mktemp("pdf")
    page = folder / "plan.html"
    rows = "".join(f"<tr><td>{year}</td><td>{14000 + year}</td></tr>" for year in range(2014, 2026))
    paragraphs = "".join(f"<p>Alinea {n}: ondersteuning dichtbij huis, met ouders en school.</p>" for n in range(80))
    page.write_text(SEEDS_LIKE_PAGE.format(rows=rows, paragraphs=paragraphs), encoding="utf-8")
    target = folder / "plan.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return target.read_bytes()


def test_real_pdf_printed_by_chromium_passes(chromium_pdf):
    assert chromium_pdf.startswith(b"%PDF-") and len(chromium_pdf) > 5000
    assert refusal(chromium_pdf) is None


@pytest.mark.django_db
def test_real_pdf_uploads_through_the_admin_and_crafted_one_does_not(client, personas, swv_a, chromium_pdf):
    from uploads.models import Document

    client_for(client, personas["staff_a"])
    for titel, content in (
        ("Echt plan", chromium_pdf),
        ("Kwaadaardig plan", CORPUS["javascript in a compressed object stream"][0]),
    ):
        client.post(
            "/beheer/uploads/document/add/",
            {"swv": swv_a.pk, "soort": "ondersteuningsplan", "titel": titel, "bestand": pdf_upload(content=content)},
        )
    assert Document.objects.filter(swv=swv_a, titel="Echt plan").exists()
    assert not Document.objects.filter(swv=swv_a, titel="Kwaadaardig plan").exists()
