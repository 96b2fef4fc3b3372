"""Separation of duties: whoever manages accounts does not write for an SWV, never changes its own roles,
and sets passwords only for SWV staff and inspectie, with a trail; every role change is logged.

Personas: Bea is a beheerder, Ben a second beheerder, Anna staff of SWV A, Ingrid of the inspectie.
"""

import logging

import pytest
from django.contrib.admin.models import LogEntry
from django.forms import MultiWidget

from tests.factories import UserFactory
from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import PASSWORD, client_for
from uploads.models import SwvMedewerker
from uploads.staff.roles import BEHEERDER, INSPECTIE, SWV_MEDEWERKER, may_write_for_swv

pytestmark = pytest.mark.django_db

LINK_URL = "/beheer/uploads/swvmedewerker/"
USER_URL = "/beheer/auth/user/"
NEW_PASSWORD = "nieuw-en-lang-wachtwoord-2026"


@pytest.fixture
def bea(personas):
    """The beheerder persona."""
    return personas["beheerder"]


@pytest.fixture
def ben(db):
    """A second beheerder, next to Bea."""
    return UserFactory(username="ben", role=BEHEERDER)


def form_data(response) -> dict:
    """What the browser would post back from an admin change form, unchanged."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        if isinstance(field.widget, MultiWidget):
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{name}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = str(value)
    return data


def test_beheerder_cannot_link_itself_to_an_swv(client, bea, swv_a):
    response = client_for(client, bea).post(f"{LINK_URL}add/", {"user": bea.pk, "swvs": [swv_a.pk]})
    assert response.status_code == 200 and "user" in response.context["adminform"].form.errors
    assert not SwvMedewerker.objects.filter(user=bea).exists()


def test_beheerder_cannot_link_another_beheerder(client, bea, ben, swv_a):
    response = client_for(client, bea).post(f"{LINK_URL}add/", {"user": ben.pk, "swvs": [swv_a.pk]})
    assert response.status_code == 200 and "user" in response.context["adminform"].form.errors
    assert not SwvMedewerker.objects.filter(user=ben).exists()


def test_a_linked_beheerder_still_cannot_write_or_publish(client, bea, swv_a, toelichting_a):
    """Even if a superuser linked a beheerder's account to an SWV, it writes nothing for it."""
    SwvMedewerker.objects.create(user=bea).swvs.set([swv_a])
    assert not may_write_for_swv(bea, swv_a.pk)
    client_for(client, bea)
    url = f"/beheer/uploads/toelichting/{toelichting_a.pk}/change/"
    response = client.post(url, {"concept": "Van de beheerder", "_publiceren": "1"})
    assert response.status_code in (302, 403)
    toelichting_a.refresh_from_db()
    assert toelichting_a.concept == "Concept **A**" and toelichting_a.gepubliceerd == "Oud A"


def test_linked_staff_cannot_become_beheerder(client, bea, personas):
    from django.contrib.auth.models import Group

    anna = personas["staff_a"]
    client_for(client, bea)
    data = form_data(client.get(f"{USER_URL}{anna.pk}/change/"))
    data["groups"] = [str(Group.objects.get(name=BEHEERDER).pk), str(Group.objects.get(name=SWV_MEDEWERKER).pk)]
    response = client.post(f"{USER_URL}{anna.pk}/change/", data)
    assert response.status_code == 200
    assert "beheerder kan niet ook medewerker" in response.content.decode()
    assert not anna.groups.filter(name=BEHEERDER).exists()


def test_beheerder_cannot_change_its_own_roles(client, bea):
    client_for(client, bea)
    form = client.get(f"{USER_URL}{bea.pk}/change/").context["adminform"].form
    assert "groups" not in form.fields and "is_staff" not in form.fields


def test_role_changes_are_logged(client, bea, personas, caplog):
    from django.contrib.auth.models import Group

    ingrid = personas["inspectie"]
    client_for(client, bea)
    data = form_data(client.get(f"{USER_URL}{ingrid.pk}/change/"))
    data["groups"] = [str(Group.objects.get(name=SWV_MEDEWERKER).pk)]
    with caplog.at_level(logging.INFO, logger="uploads.staff"):
        response = client.post(f"{USER_URL}{ingrid.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = LogEntry.objects.filter(object_id=str(ingrid.pk), user=bea, change_message__contains="Rollen").get()
    assert INSPECTIE in entry.change_message and SWV_MEDEWERKER in entry.change_message
    assert any("roles changed" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("target", ["staff_a", "inspectie"])
def test_beheerder_sets_passwords_of_staff_and_inspectie_with_a_trail(client, bea, personas, target, caplog):
    user = personas[target]
    client_for(client, bea)
    with caplog.at_level(logging.WARNING, logger="uploads.staff"):
        response = client.post(f"{USER_URL}{user.pk}/password/", {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert LogEntry.objects.filter(object_id=str(user.pk), user=bea).exists(), "in the admin log"
    assert any("password set" in r.getMessage() and str(bea.pk) in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("target", ["ben", "bea"])
def test_beheerder_cannot_set_another_beheerders_or_its_own_password(client, bea, ben, target):
    user = {"ben": ben, "bea": bea}[target]
    client_for(client, bea)
    assert client.get(f"{USER_URL}{user.pk}/password/").status_code == 403
    response = client.post(f"{USER_URL}{user.pk}/password/", {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
