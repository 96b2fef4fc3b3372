"""Cached pages stay correct: any import, publish or upload shows at once; repeat visits cost a 304."""

import pytest
from django.test import override_settings

from swv.models import Samenwerkingsverband
from swv.services.imports import run_import
from uploads.models import Toelichting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


def _swv_url():
    return Samenwerkingsverband.objects.get(code="PO3009").get_absolute_url()


def test_second_visit_is_served_from_cache_with_etag(client, django_assert_num_queries):
    url = _swv_url()
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not not_modified.content


def test_cached_page_changes_after_an_import(client, tmp_path):
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    url = swv.get_absolute_url()
    before = client.get(url).content.decode()
    path = tmp_path / "swv-adressen.csv"
    path.write_text("SAMENWERKINGSVERBANDNUMMER;NAAM\nPO3009;Samenwerkingsverband Cachetest Kempen\n")
    run_import(source_key="swv_adressen", path=path, progress=False)
    assert "Cachetest Kempen" not in before
    swv.refresh_from_db()
    after = client.get(swv.get_absolute_url(), follow=True).content.decode()
    assert "Cachetest Kempen" in after


def test_cached_page_changes_after_publishing_a_toelichting(client):
    swv = Samenwerkingsverband.objects.get(code="PO3009")
    url = swv.get_absolute_url()
    assert "Onze cachetesttekst" not in client.get(url).content.decode()
    toelichting = Toelichting(swv=swv, thema="ondersteuning", concept="Onze cachetesttekst.")
    toelichting.gepubliceerd = toelichting.concept
    toelichting.save()
    assert "Onze cachetesttekst" in client.get(url).content.decode()


def test_logged_in_staff_bypass_the_cache(admin_client):
    url = _swv_url()
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "ETag" not in response or response.get("Cache-Control") != "public, no-cache"
