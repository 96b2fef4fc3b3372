"""Shared by the browser tests: the session data comes before Playwright, ORM work runs outside its loop,
and the staff accounts the server process logs in with."""

import re
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from swv.models import Samenwerkingsverband
from tests.factories import PASSWORD, UserFactory
from uploads.models import Toelichting
from uploads.staff.roles import SWV_MEDEWERKER

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session", autouse=True)
def _database_before_browser(django_db_setup):
    """Autouse fixtures come first: load the session data before Playwright starts its event loop."""


def in_thread(function):
    """Run database work in another thread: Playwright's sync API runs an event loop in the test thread,
    where Django refuses ORM calls. The thread's connections are closed when it is done."""

    def run():
        try:
            return function()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


@pytest.fixture(scope="module")
def staff_world(site_url, django_db_blocker):
    """Two SWV-medewerkers (`a`, `b`) of two SWV's (`swv_a`, `swv_b`), committed so the server process sees
    them; removed afterwards with the toelichtingen they wrote."""
    suffix = uuid.uuid4().hex[:8]

    def create():
        # SWV's from the end of the list, so the rolled-back tests (which use the first ones) never meet them.
        swv_a, swv_b = Samenwerkingsverband.objects.filter(sector="PO").order_by("-code")[:2]
        world = {"swv_a": swv_a, "swv_b": swv_b}
        for key, swv in (("a", swv_a), ("b", swv_b)):
            world[key] = UserFactory(username=f"browser-{key}-{suffix}", role=SWV_MEDEWERKER, swvs=[swv])
        return world

    def remove():
        Toelichting.objects.filter(swv__in=[world["swv_a"], world["swv_b"]]).delete()
        get_user_model().objects.filter(pk__in=[world["a"].pk, world["b"].pk]).delete()

    with django_db_blocker.unblock():
        world = in_thread(create)
    yield world
    with django_db_blocker.unblock():
        in_thread(remove)


def log_in(page, username: str) -> None:
    page.goto("/beheer/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/beheer/$"))


@pytest.fixture
def phone(browser, site_url):
    """A page in a phone's browser (390 x 844, touch)."""
    context = browser.new_context(base_url=site_url, locale="nl-NL", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()
