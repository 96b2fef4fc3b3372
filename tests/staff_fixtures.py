"""Personas for the staff tests: staff of SWV A, staff of SWV B, beheerder, inspectie and anonymous."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import PASSWORD, SamenwerkingsverbandFactory, ToelichtingFactory, UserFactory  # noqa: F401
from tests.pdf_corpus import build_pdf
from uploads.staff.roles import BEHEERDER, INSPECTIE, SWV_MEDEWERKER

# A real one-page PDF with a correct cross-reference (the upload check parses what it accepts).
MINIMAL_PDF = build_pdf()


def pdf_upload(name: str = "plan.pdf", content: bytes = MINIMAL_PDF, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_user(username: str, *, role: str | None = None, swvs=(), superuser: bool = False):
    return UserFactory(username=username, role=role, swvs=swvs, is_superuser=superuser)


@pytest.fixture
def swv_a(db):
    return SamenwerkingsverbandFactory(naam="Samenwerkingsverband A")


@pytest.fixture
def swv_b(db):
    return SamenwerkingsverbandFactory(naam="Samenwerkingsverband B")


@pytest.fixture
def personas(db, swv_a, swv_b):
    return {
        "staff_a": make_user("medewerker-a", role=SWV_MEDEWERKER, swvs=[swv_a]),
        "staff_b": make_user("medewerker-b", role=SWV_MEDEWERKER, swvs=[swv_b]),
        "beheerder": make_user("beheerder", role=BEHEERDER),
        "inspectie": make_user("inspectie", role=INSPECTIE),
        "anonymous": None,
    }


@pytest.fixture
def toelichting_a(swv_a, personas):
    return ToelichtingFactory(swv=swv_a, concept="Concept **A**", gepubliceerd="Oud A")


@pytest.fixture
def toelichting_b(swv_b, personas):
    return ToelichtingFactory(swv=swv_b, concept="Concept B", gepubliceerd="Oud B")


def upload_plan(swv, user, *, titel: str = "Ondersteuningsplan A", vervangt=None):
    """An ondersteuningsplan 2022-2026 uploaded through the service (`vervangt`: the version it replaces)."""
    from uploads import services

    return services.upload_document(
        swv=swv,
        soort="ondersteuningsplan",
        titel=titel,
        periode_van=2022,
        periode_tot=2026,
        bestand=pdf_upload(),
        user=user,
        vervangt=vervangt,
    )


@pytest.fixture
def document_a(swv_a, personas):
    return upload_plan(swv_a, personas["staff_a"])


@pytest.fixture
def document_b(swv_b, personas):
    from uploads import services

    return services.upload_document(
        swv=swv_b,
        soort="jaarverslag",
        titel="Jaarverslag B",
        periode_van=2024,
        bestand=pdf_upload(),
        user=personas["staff_b"],
    )


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def isolated_media(settings, tmp_path):
    """Each test uploads into its own folder, so file checks never see another test's files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
