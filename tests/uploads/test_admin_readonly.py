"""Nobody changes an imported figure through the web, not even a superuser."""

import pytest
from django.contrib.auth import get_user_model

from swv.models import Waarde

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    admin = get_user_model().objects.create_superuser("opperbeheer", "beheer@example.org", "een-lang-wachtwoord-123")
    client.force_login(admin)
    return client


def test_imported_tables_are_listed_but_not_changeable(superuser_client):
    waarde = Waarde.objects.filter(swv__isnull=False).first()
    assert superuser_client.get("/beheer/swv/waarde/").status_code == 200
    assert superuser_client.get("/beheer/swv/waarde/add/").status_code == 403
    response = superuser_client.post(f"/beheer/swv/waarde/{waarde.pk}/change/", {"getal": "1"})
    assert response.status_code == 403
    waarde.refresh_from_db()
    for model in ("samenwerkingsverband", "gemeente", "vestiging", "postcodegebied", "indicator", "importrun"):
        assert superuser_client.get(f"/beheer/swv/{model}/").status_code == 200


def test_beheer_page_lists_templates_with_downloads(superuser_client, client):
    response = superuser_client.get("/beheer/bronnen/")
    assert response.status_code == 200
    assert "Verzuim en vrijstellingen per gemeente" in response.content.decode()
    download = superuser_client.get("/beheer/bronnen/verzuim.xlsx")
    assert download.status_code == 200 and download["Content-Disposition"].endswith('verzuim-sjabloon.xlsx"')


def test_beheer_page_needs_a_login(client):
    response = client.get("/beheer/bronnen/")
    assert response.status_code == 302


def test_beheer_page_is_for_beheerders_only(client):
    from django.contrib.auth.models import Group

    from uploads.staff.roles import BEHEERDER, SWV_MEDEWERKER

    staff = get_user_model().objects.create_user("medewerker-x", password="een-lang-wachtwoord-123", is_staff=True)
    staff.groups.add(Group.objects.get(name=SWV_MEDEWERKER))
    client.force_login(staff)
    assert client.get("/beheer/bronnen/").status_code == 302
    staff.groups.add(Group.objects.get(name=BEHEERDER))
    assert client.get("/beheer/bronnen/").status_code == 200


def test_admin_index_links_to_the_sources_page(superuser_client):
    assert "/beheer/bronnen/" in superuser_client.get("/beheer/").content.decode()
