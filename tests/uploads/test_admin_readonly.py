"""Nobody changes an imported figure through the web, not even a superuser."""

import pytest

from tests.factories import UserFactory, WaardeFactory
from uploads.staff.roles import BEHEERDER, SWV_MEDEWERKER

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


def test_imported_tables_are_listed_but_not_changeable(superuser_client):
    waarde = WaardeFactory()
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

    staff = UserFactory(role=SWV_MEDEWERKER)
    client.force_login(staff)
    assert client.get("/beheer/bronnen/").status_code == 302
    staff.groups.add(Group.objects.get(name=BEHEERDER))
    assert client.get("/beheer/bronnen/").status_code == 200


def test_admin_index_links_to_the_sources_page(superuser_client):
    assert "/beheer/bronnen/" in superuser_client.get("/beheer/").content.decode()
