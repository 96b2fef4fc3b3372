"""PDFs are checked by parsing: a corpus of crafted documents with active or embedded content is refused,
each one's harmless twin passes, and real PDFs printed by Chromium pass (also through the admin)."""

import shutil
import subprocess

import pytest

from tests.pdf_corpus import CORPUS
from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import client_for, pdf_upload
from tests.unit.test_pdf_checks import refusal

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
