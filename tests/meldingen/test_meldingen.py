"""'Klopt dit niet?': a report about a figure, CSRF-protected, with a honeypot and a rate limit."""

import datetime as dt
import io
import uuid

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from swv.caching.versions import data_version
from swv.meldingen.services import LIMIT
from swv.models import Melding
from tests.factories import UserFactory, WaardeFactory
from uploads.staff.roles import BEHEERDER, INSPECTIE

pytestmark = pytest.mark.django_db

URL = "/klopt-dit-niet/"


@pytest.fixture
def client(client):
    """Each test reports from an address of its own, so the limit per visitor counts only its own reports."""
    client.defaults["REMOTE_ADDR"] = f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}"
    return client


@pytest.fixture
def subject():
    """An SWV with its pupil count on 1 October 2024: the figure the reports are about."""
    waarde = WaardeFactory(indicator__code="leerlingen_totaal", jaar=2024, getal=1200)
    return waarde.swv, waarde.indicator


def post(client, subject, **extra):
    swv, indicator = subject
    data = {
        "swv": swv.code,
        "indicator": indicator.code,
        "periode": "2024-10-01",
        "pagina": swv.get_absolute_url(),
        "omschrijving": "Volgens ons jaarverslag waren het er 200 meer.",
        "bron": "",
        "email": "",
        "website": "",
        **extra,
    }
    return client.post(URL, data)


def test_the_form_names_the_figure_swv_and_period(client, subject):
    swv, indicator = subject
    response = client.get(f"{URL}?swv={swv.code}&indicator={indicator.code}&periode=2024-10-01&pagina=/elders/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in html and indicator.label in html and swv.code_leesbaar in html
    assert f'value="{swv.code}"' in html and 'value="2024-10-01"' in html
    assert "no-store" in response["Cache-Control"]


def test_a_report_is_stored_with_what_the_site_showed_and_needs_no_personal_data(client, subject):
    version = data_version()
    response = post(client, subject)
    assert response.status_code == 302 and response["Location"].startswith("/klopt-dit-niet/bedankt/")
    melding = Melding.objects.get()
    swv, indicator = subject
    assert (melding.swv, melding.indicator, melding.periode, melding.email) == (swv, indicator, "2024-10-01", "")
    assert melding.getoonde_waarde and melding.pagina == swv.get_absolute_url()
    assert data_version() == version  # a report changes no public page: cached pages stay
    assert "Bedankt" in client.get(response["Location"]).content.decode()


def test_csrf_is_required(subject):
    response = post(Client(enforce_csrf_checks=True), subject)
    assert response.status_code == 403
    assert not Melding.objects.exists()


def test_honeypot_pretends_success_but_stores_nothing(client, subject):
    response = post(client, subject, website="http://spam.example")
    assert response.status_code == 302
    assert not Melding.objects.exists()


def test_rate_limit_per_visitor(client, subject):
    for _ in range(LIMIT):
        assert post(client, subject).status_code == 302
    response = post(client, subject)
    assert response.status_code == 429 and "Probeer het over een uur opnieuw" in response.content.decode()
    assert Melding.objects.count() == LIMIT


def test_an_empty_report_is_refused_with_a_dutch_message(client, subject):
    response = post(client, subject, omschrijving="")
    assert response.status_code == 400 and "Schrijf kort wat er volgens u niet klopt." in response.content.decode()
    assert not Melding.objects.exists()


def test_back_link_never_leaves_the_site(client, subject):
    response = post(client, subject, pagina="https://evil.example/")
    assert "evil.example" not in response["Location"]
    html = client.get("/klopt-dit-niet/bedankt/?terug=//evil.example").content.decode()
    assert "evil.example" not in html


def test_reports_are_read_only_in_the_admin_for_beheerders_only(client, subject):
    post(client, subject)
    melding = Melding.objects.get()
    beheerder = UserFactory(role=BEHEERDER)
    client.force_login(beheerder)
    assert client.get("/beheer/swv/melding/").status_code == 200
    detail = client.get(f"/beheer/swv/melding/{melding.pk}/change/")
    assert detail.status_code == 200 and "Volgens ons jaarverslag" in detail.content.decode()
    assert client.get("/beheer/swv/melding/add/").status_code == 403
    assert client.post(f"/beheer/swv/melding/{melding.pk}/change/", {"omschrijving": "x"}).status_code == 403
    client.force_login(UserFactory(role=INSPECTIE))
    assert client.get("/beheer/swv/melding/").status_code == 403
    assert client.post(f"/beheer/swv/melding/{melding.pk}/delete/", {"post": "yes"}).status_code == 403


def test_a_beheerder_removes_a_report_when_its_reporter_asks(client, subject):
    """The privacy statement's promise: on request a beheerder deletes the report in the admin."""
    post(client, subject)
    melding = Melding.objects.get()
    client.force_login(UserFactory(role=BEHEERDER))
    assert client.post(f"/beheer/swv/melding/{melding.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Melding.objects.exists()


def test_email_addresses_are_erased_after_the_retention_the_privacy_statement_names(client, settings, subject):
    settings.MELDING_EMAIL_BEWAARTERMIJN_MAANDEN = 12
    post(client, subject, email="melder@example.org")
    old = Melding.objects.get()
    assert old.email
    Melding.objects.filter(pk=old.pk).update(ontvangen_op=timezone.now() - dt.timedelta(days=366))
    recent = Melding.objects.create(omschrijving="Nog binnen de termijn", email="recent@example.org")
    call_command("meldingen_opschonen", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.email == "" and old.omschrijving and recent.email == "recent@example.org"
    html = client.get("/privacy").content.decode()
    assert "12 maanden" in html and "e-mailadres" in html


def test_every_figure_has_a_klopt_dit_niet_link_with_figure_swv_and_period(client, subject):
    import re

    swv, _ = subject
    html = client.get(swv.get_absolute_url()).content.decode()
    figures = re.findall(r'id="cijfer-([-a-z0-9_]+)"', html)
    links = re.findall(r'href="/klopt-dit-niet/\?swv=' + swv.code + r"&amp;indicator=([-a-z0-9_]+)&amp;periode=", html)
    assert figures and sorted(set(links)) == sorted(set(figures))
    landelijk = client.get("/landelijk/").content.decode()
    assert landelijk.count('href="/klopt-dit-niet/?indicator=') == landelijk.count('class="figure" id="cijfer-')
