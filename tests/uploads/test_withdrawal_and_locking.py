"""Documents can be withdrawn; replaced versions leave the site unless kept as history; deleting removes the
file; two editors never silently overwrite each other; publishing from the list needs a per-item confirmation.

Personas: Anna and Bram are both staff of SWV A (colleagues), Cor is staff of SWV B, plus the beheerder and
inspectie of the shared staff fixtures.
"""

import logging

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client

from tests.factories import UserFactory
from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import client_for, make_user, upload_plan
from uploads.models import Document, Toelichting
from uploads.staff.roles import SWV_MEDEWERKER

pytestmark = pytest.mark.django_db

DOCUMENT_URL = "/beheer/uploads/document/"
TOELICHTING_URL = "/beheer/uploads/toelichting/"


@pytest.fixture
def bram(swv_a):
    """A second SWV-medewerker of SWV A, next to Anna (staff_a)."""
    return UserFactory(username="bram", role=SWV_MEDEWERKER, swvs=[swv_a])


@pytest.fixture
def anna(personas):
    """SWV-medewerker of SWV A (the persona staff_a)."""
    return personas["staff_a"]


def public_listing(swv) -> str:
    client = Client()
    return (
        client.get("/documenten/").content.decode()
        + client.get(swv.get_absolute_url(), follow=True).content.decode()
        + client.get("/feeds/nieuw.atom").content.decode()
        + client.get(f"/feeds/swv/{swv.code}.atom").content.decode()
    )


# --- withdrawal -----------------------------------------------------------------------------------


def test_staff_withdraws_a_document_with_a_reason(client, anna, swv_a, caplog):
    document = upload_plan(swv_a, anna, titel="Verkeerd plan")
    url = document.get_absolute_url()
    assert Client().get(url).status_code == 200 and url in public_listing(swv_a)

    client_for(client, anna)
    assert client.get(f"{DOCUMENT_URL}{document.pk}/change/").content.decode().count("Document intrekken") == 1
    with caplog.at_level(logging.INFO, logger="uploads"):
        response = client.post(f"{DOCUMENT_URL}{document.pk}/intrekken/", {"reden": "Verkeerd bestand geplaatst"})
    assert response.status_code == 302

    document.refresh_from_db()
    assert document.is_ingetrokken and document.ingetrokken_door == anna
    assert document.intrekking_reden == "Verkeerd bestand geplaatst"
    gone = Client().get(url)
    assert gone.status_code == 410 and "ingetrokken" in gone.content.decode()
    assert '<html lang="nl">' in gone.content.decode()
    assert url not in public_listing(swv_a)
    # Staff still read it, and the admin log and the audit log say who and why.
    assert client.get(url).status_code == 200
    entry = LogEntry.objects.filter(object_id=str(document.pk), user=anna).latest("action_time")
    assert "Verkeerd bestand geplaatst" in entry.get_change_message()
    assert any("document withdrawn" in r.getMessage() and "Verkeerd bestand" in r.getMessage() for r in caplog.records)


def test_withdrawal_needs_a_reason(client, anna, document_a):
    response = client_for(client, anna).post(f"{DOCUMENT_URL}{document_a.pk}/intrekken/", {"reden": ""})
    assert response.status_code == 200 and "waarom" in response.content.decode().lower()
    document_a.refresh_from_db()
    assert not document_a.is_ingetrokken


@pytest.mark.parametrize("persona", ["staff_b", "beheerder", "inspectie", "anonymous"])
def test_only_the_swvs_own_staff_withdraw(client, personas, persona, document_a):
    response = client_for(client, personas[persona]).post(
        f"{DOCUMENT_URL}{document_a.pk}/intrekken/", {"reden": "Ik mag dit niet"}
    )
    assert response.status_code in (302, 403, 404)
    document_a.refresh_from_db()
    assert not document_a.is_ingetrokken
    assert Client().get(document_a.get_absolute_url()).status_code == 200


# --- replaced versions ----------------------------------------------------------------------------


def test_replaced_version_leaves_the_site_unless_kept_as_history(client, anna, swv_a, document_a):
    new = upload_plan(swv_a, anna, titel="Plan herzien", vervangt=document_a)
    old_url = document_a.get_absolute_url()
    gone = Client().get(old_url)
    assert gone.status_code == 410 and new.get_absolute_url() in gone.content.decode(), "links to the newer version"
    listing = public_listing(swv_a)
    assert old_url not in listing and new.get_absolute_url() in listing

    # The SWV keeps the earlier version as history: public again, listed under the new one.
    client_for(client, anna)
    form = client.get(f"{DOCUMENT_URL}{document_a.pk}/change/").context["adminform"].form
    response = client.post(
        f"{DOCUMENT_URL}{document_a.pk}/change/",
        {
            "soort": "ondersteuningsplan",
            "titel": document_a.titel,
            "periode_van": 2022,
            "periode_tot": 2026,
            "bewaard_als_geschiedenis": "on",
            "geopend_versie": form["geopend_versie"].value(),
        },
    )
    assert response.status_code == 302
    assert Client().get(old_url).status_code == 200
    page = Client().get(swv_a.get_absolute_url(), follow=True).content.decode()
    assert "Eerdere versie" in page and old_url in page
    assert old_url not in Client().get("/feeds/nieuw.atom").content.decode(), "history is not news"


def test_current_version_cannot_be_marked_as_history(anna, document_a):
    from uploads import services

    services.update_document(document=document_a, user=anna, bewaard_als_geschiedenis=True)
    document_a.refresh_from_db()
    assert not document_a.bewaard_als_geschiedenis


# --- deleting -------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["single", "bulk"])
def test_deleting_removes_the_stored_file(client, anna, swv_a, how, django_capture_on_commit_callbacks):
    document = upload_plan(swv_a, anna)
    storage, name = document.bestand.storage, document.bestand.name
    assert storage.exists(name)
    opperbeheer = make_user("opperbeheer", superuser=True)
    client_for(client, opperbeheer)
    with django_capture_on_commit_callbacks(execute=True):
        if how == "single":
            response = client.post(f"{DOCUMENT_URL}{document.pk}/delete/", {"post": "yes"})
        else:
            response = client.post(
                DOCUMENT_URL, {"action": "delete_selected", "_selected_action": [document.pk], "post": "yes"}
            )
    assert response.status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not storage.exists(name)


# --- lost updates ---------------------------------------------------------------------------------


def open_form(client, url) -> dict:
    form = client.get(url).context["adminform"].form
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def both_open(url, anna, bram) -> tuple[Client, dict, Client, dict]:
    """Anna and Bram each open the same change form in their own browser: (client, form) for each."""
    anna_client, bram_client = Client(), Client()
    anna_client.force_login(anna)
    bram_client.force_login(bram)
    return anna_client, open_form(anna_client, url), bram_client, open_form(bram_client, url)


def test_second_editor_of_a_toelichting_is_told_and_sees_both_texts(anna, bram, toelichting_a):
    url = f"{TOELICHTING_URL}{toelichting_a.pk}/change/"
    anna_client, anna_form, bram_client, bram_form = both_open(url, anna, bram)

    assert anna_client.post(url, {**anna_form, "concept": "Tekst van Anna", "_save": "1"}).status_code == 302
    refused = bram_client.post(url, {**bram_form, "concept": "Tekst van Bram", "_save": "1"})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "iemand anders heeft dit intussen gewijzigd" in html.lower()
    assert "Tekst van Anna" in html and "Tekst van Bram" in html, "both texts are shown"
    assert f"(door {anna}," in html, "with who saved in between"
    toelichting_a.refresh_from_db()
    assert toelichting_a.concept == "Tekst van Anna"

    # Having read both, Bram saves again on purpose: the form now carries the version he was shown.
    again = {**bram_form, **{"geopend_versie": refused.context["adminform"].form.data["geopend_versie"]}}
    assert bram_client.post(url, {**again, "concept": "Anna en Bram", "_save": "1"}).status_code == 302
    toelichting_a.refresh_from_db()
    assert toelichting_a.concept == "Anna en Bram"
    assert list(toelichting_a.versies.values_list("tekst", flat=True)[:2]) == ["Anna en Bram", "Tekst van Anna"]


def test_second_editor_of_a_document_is_told(anna, bram, document_a):
    url = f"{DOCUMENT_URL}{document_a.pk}/change/"
    anna_client, anna_form, bram_client, bram_form = both_open(url, anna, bram)
    assert anna_client.post(url, {**anna_form, "titel": "Titel van Anna"}).status_code == 302
    refused = bram_client.post(url, {**bram_form, "titel": "Titel van Bram"})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "iemand anders heeft dit intussen gewijzigd" in html.lower() and "Titel van Anna" in html
    document_a.refresh_from_db()
    assert document_a.titel == "Titel van Anna"


def test_service_refuses_a_stale_save(anna, bram, toelichting_a):
    from uploads import services

    opened = toelichting_a.versie
    services.save_draft(toelichting=toelichting_a, tekst="Eerst", user=anna, opened_at=opened)
    with pytest.raises(services.ConcurrentEdit):
        services.save_draft(
            toelichting=Toelichting.objects.get(pk=toelichting_a.pk), tekst="Later", user=bram, opened_at=opened
        )
    assert Toelichting.objects.get(pk=toelichting_a.pk).concept == "Eerst"


def test_length_counts_line_breaks_once(client, anna, toelichting_a):
    """5,999 characters with six line breaks are 5,999 characters, also when the browser sends CRLF."""
    lines = ["x" * 999] * 6
    text = "\r\n".join(lines)  # 5 * 999 + 999 + 5 breaks = 5,999 characters once normalised
    assert len(text.replace("\r\n", "\n")) == 5999
    url = f"{TOELICHTING_URL}{toelichting_a.pk}/change/"
    form = open_form(client_for(client, anna), url)
    response = client.post(url, {**form, "concept": text, "_save": "1"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    toelichting_a.refresh_from_db()
    assert len(toelichting_a.concept) == 5999 and "\r" not in toelichting_a.concept


# --- publishing from the list ---------------------------------------------------------------------


def test_publishing_from_the_list_asks_per_item(client, anna, bram, toelichting_a):
    client_for(client, anna)
    first = client.post(
        TOELICHTING_URL, {"action": "publiceer_concepten", "_selected_action": [toelichting_a.pk], "index": 0}
    )
    assert first.status_code == 200, "a confirmation page, not a publication"
    assert "Concept <strong>A</strong>" in first.content.decode(), "the draft is shown to be read"
    toelichting_a.refresh_from_db()
    assert toelichting_a.gepubliceerd == "Oud A"

    confirm = {
        "action": "publiceer_concepten",
        "_selected_action": [toelichting_a.pk],
        "bevestigd": "1",
        f"versie-{toelichting_a.pk}": toelichting_a.versie,
    }
    # Not ticked: nothing is published.
    client.post(TOELICHTING_URL, confirm)
    toelichting_a.refresh_from_db()
    assert toelichting_a.gepubliceerd == "Oud A"
    # Bram changes the draft after Anna's page was opened: her confirmation no longer covers it.
    from uploads import services

    services.save_draft(toelichting=toelichting_a, tekst="Ongelezen tekst van Bram", user=bram)
    client.post(TOELICHTING_URL, {**confirm, "publiceer": [toelichting_a.pk]})
    toelichting_a.refresh_from_db()
    assert toelichting_a.gepubliceerd == "Oud A"
    # Ticked at the version she read: published.
    client.post(
        TOELICHTING_URL,
        {**confirm, "publiceer": [toelichting_a.pk], f"versie-{toelichting_a.pk}": toelichting_a.versie},
    )
    toelichting_a.refresh_from_db()
    assert toelichting_a.gepubliceerd == "Ongelezen tekst van Bram"
