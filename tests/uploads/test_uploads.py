"""Document uploads: only real PDFs, decided by content; generated file names; nothing stored half;
served as downloads with safe headers; the national documents overview.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import MINIMAL_PDF, client_for, pdf_upload, upload_plan
from uploads import services
from uploads.models import Document
from uploads.validators import MAX_DOCUMENT_BYTES

pytestmark = pytest.mark.django_db

ADD_URL = "/beheer/uploads/document/add/"

BAD_FILES = {
    "html renamed": ("plan.pdf", b"<!doctype html><html><script>alert(1)</script></html>", "application/pdf"),
    "exe renamed": (
        "plan.pdf",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200,
        "application/pdf",
    ),
    "zip renamed": ("plan.pdf", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 200, "application/pdf"),
    "empty": ("plan.pdf", b"", "application/pdf"),
    "truncated pdf": ("plan.pdf", MINIMAL_PDF.replace(b"%%EOF", b""), "application/pdf"),
    "pdf with javascript": (
        "plan.pdf",
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /OpenAction <</S /JavaScript /JS (app.alert(1))>> >> endobj\n%%EOF\n",
        "application/pdf",
    ),
    "pdf header later": ("plan.pdf", b"junk" + MINIMAL_PDF, "application/pdf"),
}


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def post_upload(client, swv, upload, **extra):
    data = {"swv": swv.pk, "soort": "ondersteuningsplan", "titel": "Ondersteuningsplan", "bestand": upload}
    data.update(extra)
    return client.post(ADD_URL, data)


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_files_are_refused_and_nothing_is_stored(client, personas, swv_a, case):
    name, content, content_type = BAD_FILES[case]
    before_files, before_rows = stored_files(), Document.objects.count()
    response = post_upload(client_for(client, personas["staff_a"]), swv_a, pdf_upload(name, content, content_type))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "bestand" in errors, errors
    assert Document.objects.count() == before_rows
    assert stored_files() == before_files


def test_messages_are_dutch(personas):
    for content, expected in [
        (b"", "leeg"),
        (b"<html></html>", "geen PDF"),
        (MINIMAL_PDF.replace(b"%%EOF", b""), "onvolledig"),
    ]:
        with pytest.raises(ValidationError, match=expected):
            from uploads.validators import validate_pdf

            validate_pdf(pdf_upload(content=content))


def test_oversized_file_is_refused(client, personas, swv_a):
    big = b"%PDF-1.4\n" + b"0" * (MAX_DOCUMENT_BYTES - 9) + b"\n%%EOF\n"
    assert len(big) > MAX_DOCUMENT_BYTES
    before = stored_files()
    response = post_upload(client_for(client, personas["staff_a"]), swv_a, pdf_upload(content=big))
    assert "te groot" in str(response.context["adminform"].form.errors["bestand"])
    assert not Document.objects.filter(swv=swv_a).exists()
    assert stored_files() == before


@pytest.mark.parametrize(
    "name",
    [
        "<script>alert(1)</script>.pdf",
        "../../../../etc/passwd.pdf",
        "..\\..\\windows\\system32\\plan.pdf",
        "plan.pdf\x00.exe",
        "/absoluut/plan.pdf",
        "plan .pdf.exe",
    ],
)
def test_user_file_names_never_reach_the_file_system(client, personas, swv_a, name):
    response = post_upload(
        client_for(client, personas["staff_a"]), swv_a, pdf_upload(name), titel="<script>alert(1)</script>"
    )
    assert response.status_code == 302
    document = Document.objects.get(swv=swv_a)
    stored = Path(document.bestand.name)
    assert stored.parent == Path("documenten") / swv_a.code
    assert len(stored.stem) == 32 and stored.suffix == ".pdf" and ".." not in stored.parts
    assert Path(document.bestand.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    # The title is shown escaped everywhere and the download name is a slug.
    listing = client.get("/documenten/").content.decode()
    assert "<script>alert(1)</script>" not in listing and "&lt;script&gt;" in listing
    download = client.get(document.get_absolute_url())
    assert download["Content-Disposition"] == f'attachment; filename="{swv_a.code}-scriptalert1script.pdf"'
    document.bestand.delete(save=False)


def test_download_headers(client, document_a):
    response = client.get(document_a.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert client.post(document_a.get_absolute_url()).status_code == 405
    assert client.get("/documenten/999999999/download/").status_code == 404


def test_failed_database_write_removes_the_stored_file(personas, document_a, swv_a):
    staff = personas["staff_a"]
    services.upload_document(
        swv=swv_a, soort="ondersteuningsplan", titel="v2", bestand=pdf_upload(), user=staff, vervangt=document_a
    )
    document_a.refresh_from_db()
    before_files, before_rows = stored_files(), Document.objects.count()
    with pytest.raises(ValidationError):
        services.upload_document(
            swv=swv_a, soort="ondersteuningsplan", titel="v3", bestand=pdf_upload(), user=staff, vervangt=document_a
        )
    assert stored_files() == before_files and Document.objects.count() == before_rows


def test_upload_service_refuses_other_swv(personas, swv_b):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.upload_document(swv=swv_b, soort="jaarplan", titel="x", bestand=pdf_upload(), user=personas["staff_a"])


def test_invalid_period_is_refused(client, personas, swv_a):
    response = post_upload(
        client_for(client, personas["staff_a"]), swv_a, pdf_upload(), periode_van=2026, periode_tot=2022
    )
    assert response.status_code == 200
    assert not Document.objects.filter(swv=swv_a).exists()


def test_documents_overview_lists_and_filters(client, document_a, document_b, swv_a, swv_b):
    response = client.get("/documenten/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ondersteuningsplan A" in html and "Jaarverslag B" in html
    assert document_a.get_absolute_url() in html
    only_plans = client.get("/documenten/?soort=ondersteuningsplan").content.decode()
    assert "Ondersteuningsplan A" in only_plans and "Jaarverslag B" not in only_plans
    other_sector = "VO" if swv_a.sector == "PO" else "PO"
    by_sector = client.get(f"/documenten/?sector={other_sector}").content.decode()
    assert "Ondersteuningsplan A" not in by_sector
    assert client.get("/documenten/?soort=<script>&sector=XX").status_code == 200


def test_replaced_documents_leave_the_overview_and_the_site(client, personas, document_a, swv_a):
    new = upload_plan(swv_a, personas["staff_a"], titel="Plan nieuw", vervangt=document_a)
    html = client.get("/documenten/?soort=ondersteuningsplan").content.decode()
    assert "Plan nieuw" in html and "Ondersteuningsplan A" not in html
    assert client.get(document_a.get_absolute_url()).status_code == 410, "unless kept as history"
    assert list(new.eerdere_versies.all()) == [document_a]


def test_change_form_lists_earlier_versions(client, personas, document_a, swv_a):
    new = upload_plan(swv_a, personas["staff_a"], titel="Plan v2", vervangt=document_a)
    html = client_for(client, personas["staff_a"]).get(f"/beheer/uploads/document/{new.pk}/change/").content.decode()
    assert document_a.get_absolute_url() in html and "Ondersteuningsplan A" in html


def test_oversized_request_is_refused_before_it_is_read(client, personas, swv_a, settings):
    settings.MAX_REQUEST_BYTES = 4096
    before = stored_files()
    big = b"%PDF-1.4\n" + b"0" * 8000 + b"\n%%EOF\n"
    response = post_upload(client_for(client, personas["staff_a"]), swv_a, pdf_upload(content=big))
    assert response.status_code == 413 and "te groot" in response.content.decode()
    assert not Document.objects.filter(swv=swv_a).exists() and stored_files() == before
