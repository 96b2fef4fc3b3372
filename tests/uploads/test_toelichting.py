"""Toelichting: the Markdown subset is rendered inert, drafts stay private until published, every
change is a version with who and when, an earlier version can be restored, and bad input stores nothing.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import client_for
from tests.unit.test_markdown import HOSTILE
from uploads import services
from uploads.models import Toelichting, ToelichtingVersie
from uploads.selectors import published_toelichtingen

pytestmark = pytest.mark.django_db


def test_hostile_text_saved_through_admin_is_inert_on_the_public_page(client, personas, swv_a):
    client_for(client, personas["staff_a"]).post(
        "/beheer/uploads/toelichting/add/",
        {"swv": swv_a.pk, "thema": "intro", "concept": "\n\n".join(HOSTILE), "_publiceren": "1"},
    )
    rendered = str(published_toelichtingen(swv=swv_a)["intro"]).lower()
    assert "<script" not in rendered and "javascript:" not in rendered and "onerror" not in rendered
    page = client.get(swv_a.get_absolute_url())
    if page.status_code == 200:
        assert "alert(1)</script>" not in page.content.decode()


def test_length_limit_refused_with_dutch_message_and_nothing_stored(client, personas, swv_a):
    too_long = "a" * (Toelichting.MAX_LENGTH + 1)
    response = client_for(client, personas["staff_a"]).post(
        "/beheer/uploads/toelichting/add/", {"swv": swv_a.pk, "thema": "intro", "concept": too_long}
    )
    assert response.status_code == 200
    assert "De toelichting is te lang: 6001 tekens" in str(response.context["adminform"].form.errors)
    assert not Toelichting.objects.filter(swv=swv_a, thema="intro").exists()
    assert not ToelichtingVersie.objects.filter(toelichting__swv=swv_a).exists()


def test_service_refuses_too_long_text_and_keeps_the_old_one(personas, toelichting_a):
    with pytest.raises(ValidationError, match="te lang"):
        services.save_draft(
            toelichting=toelichting_a, tekst="x" * (Toelichting.MAX_LENGTH + 1), user=personas["staff_a"]
        )
    toelichting_a.refresh_from_db()
    assert toelichting_a.concept == "Concept **A**"
    assert not toelichting_a.versies.exists()


def test_draft_is_not_public_until_published(personas, toelichting_a, swv_a):
    staff = personas["staff_a"]
    services.save_draft(toelichting=toelichting_a, tekst="Nieuw **concept**", user=staff)
    assert "concept" not in str(published_toelichtingen(swv=swv_a)["financien"]).lower()
    services.publish(toelichting=toelichting_a, user=staff)
    assert "<strong>concept</strong>" in str(published_toelichtingen(swv=swv_a)["financien"])
    toelichting_a.refresh_from_db()
    assert toelichting_a.gepubliceerd_op is not None and toelichting_a.gewijzigd_door == staff


def test_every_change_is_a_version_and_an_earlier_one_can_be_restored(personas, toelichting_a):
    staff = personas["staff_a"]
    services.save_draft(toelichting=toelichting_a, tekst="Eerste", user=staff)
    services.publish(toelichting=toelichting_a, user=staff)
    services.save_draft(toelichting=toelichting_a, tekst="Tweede", user=staff)
    services.save_draft(toelichting=toelichting_a, tekst="Tweede", user=staff)  # unchanged: no new version
    versies = list(toelichting_a.versies.order_by("op", "pk").values_list("tekst", "status", "door"))
    assert versies == [
        ("Eerste", "concept", staff.pk),
        ("Eerste", "gepubliceerd", staff.pk),
        ("Tweede", "concept", staff.pk),
    ]
    eerste = toelichting_a.versies.filter(tekst="Eerste", status="gepubliceerd").get()
    services.restore(versie=eerste, user=staff)
    toelichting_a.refresh_from_db()
    assert toelichting_a.concept == "Eerste" and toelichting_a.gepubliceerd == "Eerste"
    assert toelichting_a.versies.count() == 4


def test_empty_published_draft_withdraws_the_text(personas, toelichting_a, swv_a):
    services.save_draft(toelichting=toelichting_a, tekst="   ", user=personas["staff_a"])
    services.publish(toelichting=toelichting_a, user=personas["staff_a"])
    assert "financien" not in published_toelichtingen(swv=swv_a)


@pytest.mark.parametrize("persona", ["staff_b", "beheerder", "inspectie"])
def test_services_refuse_everyone_but_own_staff(personas, persona, toelichting_a):
    user = personas[persona]
    with pytest.raises(PermissionDenied):
        services.save_draft(toelichting=toelichting_a, tekst="Inbraak", user=user)
    with pytest.raises(PermissionDenied):
        services.publish(toelichting=toelichting_a, user=user)
    services.save_draft(toelichting=toelichting_a, tekst="Eigen", user=personas["staff_a"])
    with pytest.raises(PermissionDenied):
        services.restore(versie=toelichting_a.versies.get(), user=user)
    toelichting_a.refresh_from_db()
    assert toelichting_a.concept == "Eigen" and toelichting_a.gepubliceerd == "Oud A"


def test_change_form_shows_versions_and_preview_link(client, personas, toelichting_a, swv_a):
    services.save_draft(toelichting=toelichting_a, tekst="Met versie", user=personas["staff_a"])
    html = client_for(client, personas["staff_a"]).get(f"/beheer/uploads/toelichting/{toelichting_a.pk}/change/")
    content = html.content.decode()
    assert "Eerdere versies" in content and "Terugzetten als concept" in content
    assert f"/beheer-voorbeeld/swv/{swv_a.code}/" in content
    assert 'name="_publiceren"' in content


def test_inspectie_sees_versions_but_no_restore_or_publish(client, personas, toelichting_a):
    services.save_draft(toelichting=toelichting_a, tekst="Met versie", user=personas["staff_a"])
    content = (
        client_for(client, personas["inspectie"])
        .get(f"/beheer/uploads/toelichting/{toelichting_a.pk}/change/")
        .content.decode()
    )
    assert "Eerdere versies" in content
    assert "Terugzetten als concept" not in content and 'name="_publiceren"' not in content


def test_preview_renders_the_public_page_with_drafts(client, personas, toelichting_a, swv_a):
    response = client_for(client, personas["staff_a"]).get(f"/beheer-voorbeeld/swv/{swv_a.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Concept <strong>A</strong>" in html and "Voorbeeld met concepttekst" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    templates = [t.name for t in response.templates]
    assert "swv/detail.html" in templates and "uploads/voorbeeld.html" in templates, "the real page layout"
    public = client.get(swv_a.get_absolute_url())
    if public.status_code == 200:
        assert "Concept <strong>A</strong>" not in public.content.decode()


def test_self_reported_figures(client, personas, swv_a):
    from swv.models import Indicator
    from uploads.selectors import self_reported_figures

    indicator = Indicator.objects.get(code="besteding_centrale_voorzieningen")
    client_for(client, personas["staff_a"])
    response = client.post(
        "/beheer/uploads/zelfgerapporteerdcijfer/add/",
        {
            "swv": swv_a.pk,
            "indicator": indicator.pk,
            "jaar": 2024,
            "bedrag": "125000.00",
            "toelichting": "*Eigen* opgave",
        },
    )
    assert response.status_code == 302
    (cijfer,) = self_reported_figures(swv=swv_a)
    assert cijfer.indicator.code == "besteding_centrale_voorzieningen" and cijfer.gewijzigd_door == personas["staff_a"]
    assert "<em>Eigen</em>" in str(cijfer.toelichting_html)
    imported = Indicator.objects.filter(zelf_gerapporteerd=False).first()
    response = client.post(
        "/beheer/uploads/zelfgerapporteerdcijfer/add/",
        {"swv": swv_a.pk, "indicator": imported.pk, "jaar": 2024, "bedrag": "1"},
    )
    assert response.status_code == 200, "an imported indicator is not a choice"
    assert len(self_reported_figures(swv=swv_a)) == 1
