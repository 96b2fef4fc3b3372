"""Redis is never a requirement for serving: a site on its own Redis keeps answering while that Redis is
stopped or hung, and uses the cache again once it is back, without a restart.

The shared Redis is never touched: the test starts its own redis-server on a free port (63xx).
"""

import re
import signal
import socket
import subprocess
import time
import uuid

import pytest
import redis
import requests

from tests.conftest import start_site, stop_process
from tests.staff_fixtures import PASSWORD

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/landelijk/",
    "/landelijk/?sector=vo",
    "/swv/PO3009/",
    "/kaart/",
    "/kaart/po.geojson",
    "/zoeken/?q=Eindhoven",
    "/vergelijk/?swv=PO3009&swv=VO3001",
    "/documenten/",
    "/klopt-dit-niet/",
    "/feeds/nieuw.atom",
    "/feeds/swv/PO3009.atom",
    "/downloads/swv/PO3009.csv",
    "/downloads/landelijk.json",
    "/downloads/waarden.csv?swv=PO3009",
    "/downloads/vergelijking.csv?swv=PO3009&swv=PO3008",
    "/afdrukken.css?pagina=/landelijk/",
    "/api/",
    "/api/v1",
    "/api/v1/waarden?swv=PO3009",
    "/api/v1/samenwerkingsverbanden",
    "/api/v1/samenwerkingsverbanden/PO3009/cijfers",
    "/api/v1/gemeenten?swv=PO3009",
    "/api/v1/openapi.json",
]


def _free_port_in(first: int, last: int) -> int:
    for port in range(first, last + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port for the test's own Redis")


class OwnRedis:
    """A redis-server of this test alone (no persistence), which it may stop, hang and restart."""

    def __init__(self):
        self.port = _free_port_in(6300, 6399)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("the test's own Redis did not start")

    def stop(self):
        stop_process(self.process, timeout=5)

    def keys(self) -> int:
        return redis.Redis.from_url(self.url, socket_timeout=1).dbsize()


@pytest.fixture(scope="module")
def own_redis():
    server = OwnRedis()
    server.start()
    yield server
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGCONT)
        server.stop()


@pytest.fixture(scope="module")
def site(own_redis, django_db_setup, django_db_blocker):
    url, process = start_site(REDIS_URL=own_redis.url, PAGE_CACHE="1", REDIS_TIMEOUT="0.1")
    yield url
    stop_process(process)


@pytest.fixture(scope="module")
def staff(django_db_blocker, django_db_setup):
    """An SWV-medewerker committed to the session database (the server is another process); removed after."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from swv.models import Samenwerkingsverband
    from uploads.models import SwvMedewerker, Toelichting
    from uploads.staff.roles import SWV_MEDEWERKER

    with django_db_blocker.unblock():
        swv = Samenwerkingsverband.objects.filter(sector="VO").order_by("-code")[2]
        user = get_user_model().objects.create_user(
            username=f"redis-outage-{uuid.uuid4().hex[:8]}", password=PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=SWV_MEDEWERKER))
        SwvMedewerker.objects.create(user=user).swvs.set([swv])
    yield user, swv
    with django_db_blocker.unblock():
        Toelichting.objects.filter(swv=swv).delete()
        user.delete()


def _visit_all(site, rounds: int = 1) -> dict[str, float]:
    """Every public URL type answers without a server error; returns the shortest time each took (more
    rounds: both workers have what they keep in memory, so the times differ only by waiting for Redis)."""
    took = {}
    for _ in range(rounds):
        for path in PUBLIC_URLS:
            started = time.monotonic()
            response = requests.get(site + path, timeout=30)
            took[path] = min(took.get(path, 60.0), time.monotonic() - started)
            assert response.status_code < 500, (path, response.status_code)
            assert response.status_code == 200, (path, response.status_code)
    return took


def _hidden_inputs(html: str) -> dict[str, str]:
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        if 'type="hidden"' in tag:
            name = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if name:
                fields[name.group(1)] = value.group(1) if value else ""
    return fields


def _log_in_and_save_a_toelichting(site, staff, thema: str, text: str) -> float:
    """The admin login and a published toelichting save; returns how long they took."""
    user, swv = staff
    started = time.monotonic()
    browser = requests.Session()
    login = browser.get(site + "/beheer/login/", timeout=30)
    assert login.status_code == 200
    answer = browser.post(
        site + "/beheer/login/?next=/beheer/",
        data={**_hidden_inputs(login.text), "username": user.username, "password": PASSWORD},
        headers={"Referer": site + "/beheer/login/"},
        timeout=30,
    )
    assert answer.status_code == 200 and answer.url.endswith("/beheer/"), (answer.status_code, answer.url)
    add_url = site + "/beheer/uploads/toelichting/add/"
    form = browser.get(add_url, timeout=30)
    assert form.status_code == 200
    saved = browser.post(
        add_url,
        data={**_hidden_inputs(form.text), "swv": swv.pk, "thema": thema, "concept": text, "_publiceren": "1"},
        headers={"Referer": add_url},
        timeout=30,
    )
    errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', saved.text, re.S)
    assert saved.status_code == 200 and "/change/" in saved.url, (saved.status_code, saved.url, errors)
    browser.post(site + "/beheer/logout/", data=_hidden_inputs(saved.text), headers={"Referer": saved.url})
    return time.monotonic() - started


def _cache_in_use(site, own_redis, path: str) -> bool:
    """A page not asked for before is stored in the test's Redis (the breaker waits a second to retry)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        before = own_redis.keys()
        requests.get(site + path, timeout=30)
        if own_redis.keys() > before:
            return True
        time.sleep(0.3)
    return False


@pytest.mark.realdata
def test_the_site_serves_through_a_redis_outage_and_a_hung_redis(site, own_redis, staff):
    _visit_all(site)
    assert _cache_in_use(site, own_redis, "/zoeken/?q=Tilburg")
    _visit_all(site)

    own_redis.stop()  # down: connection refused
    down = _visit_all(site, rounds=3)
    _log_in_and_save_a_toelichting(site, staff, "organisatie", "Geschreven terwijl Redis uit stond.")
    page = requests.get(site + staff[1].get_absolute_url(), timeout=30)
    assert "Geschreven terwijl Redis uit stond." in page.text  # the save shows, although Redis is away

    own_redis.start()  # back, empty: caching resumes without a restart
    _visit_all(site)
    assert _cache_in_use(site, own_redis, "/zoeken/?q=Breda")

    own_redis.process.send_signal(signal.SIGSTOP)  # hung: accepts connections, never answers
    try:
        hung = _visit_all(site, rounds=3)
        _log_in_and_save_a_toelichting(site, staff, "financien", "Geschreven terwijl Redis hing.")
    finally:
        own_redis.process.send_signal(signal.SIGCONT)
    extra = [hung[path] - down[path] for path in PUBLIC_URLS]
    # At most one timeout (0.1 s) per worker per second: no request waits for a hung Redis much longer.
    assert max(extra) < 0.3, dict(zip(PUBLIC_URLS, extra, strict=True))
    assert sum(extra) / len(extra) < 0.15

    assert _cache_in_use(site, own_redis, "/zoeken/?q=Zwolle")
    page = requests.get(site + staff[1].get_absolute_url(), timeout=30)
    assert "Geschreven terwijl Redis hing." in page.text
