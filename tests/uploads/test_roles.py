"""Who may do what in the admin: every persona against every action on toelichting and documents.

Personas: staff of SWV A, staff of SWV B, beheerder, inspectie / ministerie, anonymous. The objects
belong to SWV A (and B for the list checks). Every forbidden combination must be refused and leave
the data unchanged; every allowed one must work.
"""

import pytest
from django.contrib.auth.models import Group

from tests.factories import ZelfgerapporteerdCijferFactory
from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import client_for, pdf_upload
from uploads.models import Document, Toelichting, ToelichtingVersie
from uploads.staff.roles import BEHEERDER, INSPECTIE, SWV_MEDEWERKER

pytestmark = pytest.mark.django_db

ALL = ["staff_a", "staff_b", "beheerder", "inspectie", "anonymous"]
READERS_OF_A = {"staff_a", "beheerder", "inspectie"}
WRITERS_OF_A = {"staff_a"}

TOELICHTING_URL = "/beheer/uploads/toelichting/"
DOCUMENT_URL = "/beheer/uploads/document/"


@pytest.fixture(params=ALL)
def persona(request) -> str:
    """A test that takes `persona` runs once for each (narrowed with `@pytest.mark.parametrize("persona", ...)`)."""
    return request.param


@pytest.fixture
def acting(client, personas, persona):
    """The test client logged in as the persona (anonymous: not logged in)."""
    return client_for(client, personas[persona])


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and "/beheer/login/" in response["Location"]


def is_refused(response) -> bool:
    """403, 404, a redirect to the login page or the admin's "object does not exist" redirect."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and (
        "/beheer/login/" in response["Location"] or response["Location"].rstrip("/") == "/beheer"
    )


def assert_list_scope(response, persona, object_a, object_b):
    """The changelist shows each SWV's staff its own object only, and readers of everything both."""
    if persona == "anonymous":
        assert is_login_redirect(response)
        return
    assert response.status_code == 200
    rows = {obj.pk for obj in response.context["cl"].result_list}
    expected = {
        "staff_a": {object_a.pk},
        "staff_b": {object_b.pk},
        "beheerder": {object_a.pk, object_b.pk},
        "inspectie": {object_a.pk, object_b.pk},
    }[persona]
    assert rows == expected


def assert_only_writers_change(persona, response, value, *, new, old):
    """SWV A's own staff are redirected after the change and `value` is `new`; anyone else is refused and it
    stays `old`."""
    if persona in WRITERS_OF_A:
        assert response.status_code == 302
        assert value == new
    else:
        assert is_refused(response)
        assert value == old


def assert_add_refused(response, persona):
    """Staff of B get the form back (A is not a valid choice for them); the others are refused outright."""
    if persona == "staff_b":
        assert response.status_code == 200 and "swv" in response.context["adminform"].form.errors
    else:
        assert is_refused(response)


# --- roles -----------------------------------------------------------------------------------------


def test_role_groups_exist_with_their_permissions():
    def perms(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    staff = perms(SWV_MEDEWERKER)
    assert {"add_toelichting", "change_toelichting", "view_toelichting", "publish_toelichting"} <= staff
    assert {"add_document", "change_document", "view_document", "view_samenwerkingsverband"} <= staff
    assert {"add_zelfgerapporteerdcijfer", "change_zelfgerapporteerdcijfer"} <= staff
    assert not any(p.startswith("delete_") for p in staff)
    assert "view_all_swvs" not in staff
    assert not {"change_waarde", "add_waarde", "change_samenwerkingsverband"} & staff

    beheerder = perms(BEHEERDER)
    assert {"view_all_swvs", "add_user", "change_user", "change_swvmedewerker", "view_waarde"} <= beheerder
    assert not {"change_toelichting", "add_document", "change_waarde", "delete_user"} & beheerder

    from django.apps import apps

    for model in apps.get_app_config("landelijk").get_models():  # the national context texts
        name = model._meta.model_name
        assert {f"add_{name}", f"change_{name}", f"view_{name}"} <= beheerder
        assert f"view_{name}" in perms(INSPECTIE) and f"change_{name}" not in perms(INSPECTIE) | staff

    inspectie = perms(INSPECTIE)
    assert {"view_all_swvs", "view_toelichting", "view_document", "view_waarde"} <= inspectie
    assert all(p.startswith("view_") for p in inspectie)


# --- toelichting -----------------------------------------------------------------------------------


def test_toelichting_list(acting, persona, toelichting_a, toelichting_b):
    assert_list_scope(acting.get(TOELICHTING_URL), persona, toelichting_a, toelichting_b)


@pytest.mark.parametrize("persona", ["staff_a", "staff_b"])
def test_toelichting_search_and_filters_stay_in_own_swv(acting, persona, swv_a, swv_b, toelichting_a, toelichting_b):
    other = swv_b if persona == "staff_a" else swv_a
    for query in (f"?q={other.code}", f"?swv__id__exact={other.pk}", "?q=Concept"):
        response = acting.get(TOELICHTING_URL + query)
        assert all(obj.swv_id != other.pk for obj in response.context["cl"].result_list), query


@pytest.mark.parametrize(("kind", "field"), [("toelichting", "concept"), ("document", "titel")])
def test_change_form_is_seen_by_readers_and_editable_by_writers(
    acting, persona, kind, field, toelichting_a, document_a
):
    obj = toelichting_a if kind == "toelichting" else document_a
    response = acting.get(f"/beheer/uploads/{kind}/{obj.pk}/change/")
    if persona not in READERS_OF_A:
        assert is_refused(response)
        return
    assert response.status_code == 200
    assert (f'name="{field}"' in response.content.decode()) == (persona in WRITERS_OF_A)


def test_toelichting_add(acting, personas, persona, swv_a):
    response = acting.post(f"{TOELICHTING_URL}add/", {"swv": swv_a.pk, "thema": "organisatie", "concept": "Nieuw"})
    created = Toelichting.objects.filter(swv=swv_a, thema="organisatie").first()
    if persona in WRITERS_OF_A:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert created.concept == "Nieuw" and created.gepubliceerd == ""
        assert created.versies.get().door == personas[persona]
    else:
        assert created is None
        assert_add_refused(response, persona)


def test_toelichting_change(acting, persona, toelichting_a):
    response = acting.post(f"{TOELICHTING_URL}{toelichting_a.pk}/change/", {"concept": "Gewijzigd", "_save": "1"})
    toelichting_a.refresh_from_db()
    assert_only_writers_change(persona, response, toelichting_a.concept, new="Gewijzigd", old="Concept **A**")
    assert toelichting_a.gepubliceerd == "Oud A", "saving keeps the published text"


def test_toelichting_add_cannot_be_steered_to_other_swv_by_post(client, personas, swv_b):
    client_for(client, personas["staff_a"])
    client.post(f"{TOELICHTING_URL}add/", {"swv": swv_b.pk, "thema": "intro", "concept": "Inbraak"})
    assert not Toelichting.objects.filter(swv=swv_b).exists()


def test_toelichting_delete(acting, persona, toelichting_a):
    get = acting.get(f"{TOELICHTING_URL}{toelichting_a.pk}/delete/")
    post = acting.post(f"{TOELICHTING_URL}{toelichting_a.pk}/delete/", {"post": "yes"})
    bulk = acting.post(
        TOELICHTING_URL, {"action": "delete_selected", "_selected_action": [toelichting_a.pk], "post": "yes"}
    )
    assert is_refused(get) and is_refused(post)
    assert bulk.status_code in (200, 302, 403)
    assert Toelichting.objects.filter(pk=toelichting_a.pk).exists(), "nobody but a superuser deletes a toelichting"


def test_toelichting_preview(acting, persona, swv_a, toelichting_a):
    response = acting.get(f"/beheer-voorbeeld/swv/{swv_a.code}/")
    if persona not in READERS_OF_A:
        assert is_refused(response)
        assert "Concept <strong>A</strong>" not in response.content.decode()
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert "Concept <strong>A</strong>" in html, "the preview shows the draft"
    assert "Oud A" not in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_toelichting_publish_action(acting, persona, toelichting_a):
    # Confirmed per item at the version shown (tests/uploads/test_withdrawal_and_locking.py checks the confirmation).
    response = acting.post(
        TOELICHTING_URL,
        {
            "action": "publiceer_concepten",
            "_selected_action": [toelichting_a.pk],
            "index": 0,
            "bevestigd": "1",
            "publiceer": [toelichting_a.pk],
            f"versie-{toelichting_a.pk}": toelichting_a.versie,
        },
    )
    toelichting_a.refresh_from_db()
    if persona in WRITERS_OF_A:
        assert response.status_code == 302
        assert toelichting_a.gepubliceerd == "Concept **A**"
        assert toelichting_a.versies.filter(status=ToelichtingVersie.Status.GEPUBLICEERD).count() == 1
    else:
        assert response.status_code in (200, 302, 403)
        assert toelichting_a.gepubliceerd == "Oud A"


def test_toelichting_publish_button(acting, persona, toelichting_a):
    response = acting.post(f"{TOELICHTING_URL}{toelichting_a.pk}/change/", {"concept": "Nu live", "_publiceren": "1"})
    toelichting_a.refresh_from_db()
    assert_only_writers_change(persona, response, toelichting_a.gepubliceerd, new="Nu live", old="Oud A")
    assert toelichting_a.concept == ("Nu live" if persona in WRITERS_OF_A else "Concept **A**")


def test_toelichting_restore(acting, personas, persona, toelichting_a):
    from uploads import services

    services.save_draft(toelichting=toelichting_a, tekst="Versie 1", user=personas["staff_a"])
    services.save_draft(toelichting=toelichting_a, tekst="Versie 2", user=personas["staff_a"])
    first = toelichting_a.versies.get(tekst="Versie 1")
    url = f"{TOELICHTING_URL}{toelichting_a.pk}/versies/{first.pk}/herstel/"
    assert acting.get(url).status_code in (302, 403, 405)
    response = acting.post(url)
    toelichting_a.refresh_from_db()
    assert_only_writers_change(persona, response, toelichting_a.concept, new="Versie 1", old="Versie 2")


def test_toelichting_change_logged_in_admin_log(client, personas, toelichting_a):
    from django.contrib.admin.models import LogEntry

    client_for(client, personas["staff_a"]).post(
        f"{TOELICHTING_URL}{toelichting_a.pk}/change/", {"concept": "Gelogd", "_publiceren": "1"}
    )
    entry = LogEntry.objects.filter(object_id=str(toelichting_a.pk), user=personas["staff_a"]).latest("action_time")
    assert "gepubliceerd" in entry.get_change_message().lower()


# --- documents -------------------------------------------------------------------------------------


def test_document_list(acting, persona, document_a, document_b):
    assert_list_scope(acting.get(DOCUMENT_URL), persona, document_a, document_b)


def test_document_add(acting, personas, persona, swv_a):
    response = acting.post(
        f"{DOCUMENT_URL}add/",
        {"swv": swv_a.pk, "soort": "jaarplan", "titel": "Jaarplan 2025", "periode_van": 2025, "bestand": pdf_upload()},
    )
    created = Document.objects.filter(swv=swv_a, titel="Jaarplan 2025").first()
    if persona in WRITERS_OF_A:
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert created.geupload_door == personas[persona] and created.grootte > 0
        assert created.bestand.name.startswith(f"documenten/{swv_a.code}/")
    else:
        assert created is None
        assert_add_refused(response, persona)


def test_document_change(acting, persona, document_a):
    response = acting.post(
        f"{DOCUMENT_URL}{document_a.pk}/change/",
        {"soort": "ondersteuningsplan", "titel": "Nieuwe titel", "periode_van": 2022, "periode_tot": 2026},
    )
    document_a.refresh_from_db()
    assert_only_writers_change(persona, response, document_a.titel, new="Nieuwe titel", old="Ondersteuningsplan A")


def test_document_delete(acting, persona, document_a):
    assert is_refused(acting.post(f"{DOCUMENT_URL}{document_a.pk}/delete/", {"post": "yes"}))
    acting.post(DOCUMENT_URL, {"action": "delete_selected", "_selected_action": [document_a.pk], "post": "yes"})
    assert Document.objects.filter(pk=document_a.pk).exists()


def test_document_download_is_public(acting, persona, document_a):
    response = acting.get(f"/documenten/{document_a.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_replace_document_keeps_earlier_version(client, personas, document_a, swv_a):
    client_for(client, personas["staff_a"])
    response = client.post(
        f"{DOCUMENT_URL}add/",
        {
            "swv": swv_a.pk,
            "soort": "ondersteuningsplan",
            "titel": "Ondersteuningsplan A, herzien",
            "periode_van": 2022,
            "periode_tot": 2026,
            "bestand": pdf_upload(),
            "vervangt": document_a.pk,
        },
    )
    assert response.status_code == 302
    document_a.refresh_from_db()
    new = Document.objects.get(titel="Ondersteuningsplan A, herzien")
    assert document_a.vervangen_door == new
    assert client.get(f"/documenten/{document_a.pk}/download/").status_code == 200


def test_staff_b_cannot_replace_document_of_a(client, personas, document_a, swv_b):
    client_for(client, personas["staff_b"])
    response = client.post(
        f"{DOCUMENT_URL}add/",
        {"swv": swv_b.pk, "soort": "jaarplan", "titel": "Kaping", "bestand": pdf_upload(), "vervangt": document_a.pk},
    )
    assert response.status_code == 200 and "vervangt" in response.context["adminform"].form.errors
    document_a.refresh_from_db()
    assert document_a.vervangen_door is None
    assert not Document.objects.filter(titel="Kaping").exists()


# --- imported data and accounts --------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["staff_a", "beheerder", "inspectie"])
def test_imported_figures_cannot_be_changed_through_the_web(acting, persona, swv_a):
    response = acting.post(f"/beheer/swv/samenwerkingsverband/{swv_a.pk}/change/", {"naam": "Gekaapt"})
    assert response.status_code == 403
    swv_a.refresh_from_db()
    assert swv_a.naam != "Gekaapt"
    assert acting.get("/beheer/swv/waarde/add/").status_code == 403


def test_staff_does_not_see_other_imported_tables(client, personas):
    client_for(client, personas["staff_a"])
    assert client.get("/beheer/swv/waarde/").status_code == 403
    assert client.get("/beheer/auth/user/").status_code == 403
    assert client.get("/beheer/uploads/swvmedewerker/").status_code == 403


def test_beheerder_links_staff_but_cannot_create_superusers(client, personas, swv_a):
    from django.contrib.auth import get_user_model

    client_for(client, personas["beheerder"])
    new = get_user_model().objects.create_user("nieuw", password="x" * 20, is_staff=True)
    response = client.post("/beheer/uploads/swvmedewerker/add/", {"user": new.pk, "swvs": [swv_a.pk]})
    assert response.status_code == 302
    assert new.groups.filter(name=SWV_MEDEWERKER).exists()
    form = client.get(f"/beheer/auth/user/{new.pk}/change/").context["adminform"].form
    assert "is_superuser" not in form.fields and "user_permissions" not in form.fields
    admin_user = get_user_model().objects.create_superuser("opperbaas", password="y" * 20)
    assert is_refused(client.get(f"/beheer/auth/user/{admin_user.pk}/change/"))


def test_inspectie_changes_nothing(client, personas, toelichting_a, document_a):
    client_for(client, personas["inspectie"])
    assert client.get(f"{TOELICHTING_URL}add/").status_code == 403
    assert client.get(f"{DOCUMENT_URL}add/").status_code == 403
    assert client.get("/beheer/uploads/zelfgerapporteerdcijfer/add/").status_code == 403


# --- self-reported figures and history ------------------------------------------------------------


@pytest.fixture
def cijfer_a(swv_a, personas):
    return ZelfgerapporteerdCijferFactory(swv=swv_a, indicator__code="middelen_naar_besturen", bedrag=1000)


def test_self_reported_figure_list_view_and_change(acting, persona, cijfer_a):
    listing = acting.get("/beheer/uploads/zelfgerapporteerdcijfer/")
    url = f"/beheer/uploads/zelfgerapporteerdcijfer/{cijfer_a.pk}/change/"
    view = acting.get(url)
    change = acting.post(url, {"indicator": cijfer_a.indicator_id, "jaar": 2024, "bedrag": "2000", "toelichting": ""})
    cijfer_a.refresh_from_db()
    if persona == "anonymous":
        assert is_login_redirect(listing)
    else:
        assert ({o.pk for o in listing.context["cl"].result_list} == {cijfer_a.pk}) == (persona in READERS_OF_A)
    if persona in READERS_OF_A:
        assert view.status_code == 200
    else:
        assert is_refused(view)
    assert_only_writers_change(persona, change, cijfer_a.bedrag, new=2000, old=1000)


def test_admin_history_is_scoped(acting, persona, toelichting_a):
    response = acting.get(f"{TOELICHTING_URL}{toelichting_a.pk}/history/")
    if persona in READERS_OF_A:
        assert response.status_code == 200
    else:
        assert is_refused(response)


def test_autocomplete_never_lists_documents_of_other_swvs(client, personas, document_a, document_b):
    client_for(client, personas["staff_a"])
    response = client.get(
        "/beheer/autocomplete/",
        {"app_label": "uploads", "model_name": "document", "field_name": "vervangen_door", "term": ""},
    )
    if response.status_code == 200:
        ids = {int(row["id"]) for row in response.json()["results"]}
        assert document_b.pk not in ids
    else:
        assert response.status_code in (403, 404)


@pytest.mark.parametrize("kind", ["toelichting", "document"])
def test_superuser_single_delete_works_and_is_logged(client, personas, toelichting_a, document_a, kind, caplog):
    """The admin's own delete page (one object) goes through the same audit log as the bulk action."""
    import logging

    from tests.staff_fixtures import make_user

    opperbeheer = make_user("opperbeheer", superuser=True)
    obj = toelichting_a if kind == "toelichting" else document_a
    with caplog.at_level(logging.INFO, logger="uploads.admin"):
        response = client_for(client, opperbeheer).post(f"/beheer/uploads/{kind}/{obj.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()
    assert any(f"admin delete uploads.{type(obj).__name__} [{obj.pk}]" in r.getMessage() for r in caplog.records)
