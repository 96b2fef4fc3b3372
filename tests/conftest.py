"""Shared fixtures. When the session collected a test marked `realdata`, the test database is filled once
with the real open data in DATA_DIR (and DATA_NEW_DIR) plus the fictional figures of demo_figures;
otherwise it starts empty and tests build their rows with tests/factories.py. Every test runs in a
transaction that is rolled back.

Browser tests talk to a separate server process on the same (committed) test database, so do not use
pytest-django's live_server or transactional_db: they flush the session data.
"""

import inspect
import os
import re
import socket
import subprocess
import time
from pathlib import Path
from urllib.request import urlopen

import pytest
from django.core.management import call_command

from swv.caching.versions import source_data_changed
from verantwoording.gunicorn_conf import local_command

ROOT = Path(__file__).resolve().parent.parent
# Playwright's sync API runs an event loop in the test thread; Django would then refuse ORM calls made
# by the test itself (fixtures, assertions) as if they came from async code. They do not.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
DEFAULT_DATA_DIR = ROOT.parent / "shared" / "data"
DEFAULT_DATA_NEW_DIR = ROOT.parent / "shared" / "data-new"


def data_dir() -> Path | None:
    raw = os.environ.get("DATA_DIR")
    path = Path(raw) if raw else DEFAULT_DATA_DIR
    return path if path.is_dir() else None


def data_new_dir() -> Path | None:
    """The second open-data folder (DUO pupils, accounts, funding; ../shared/data-new), loaded with DATA_DIR."""
    raw = os.environ.get("DATA_NEW_DIR")
    path = Path(raw) if raw else DEFAULT_DATA_NEW_DIR
    return path if path.is_dir() else None


def _required(path: Path | None, setting: str) -> Path:
    """A folder of files a test reads; in CI a missing folder fails the run instead of skipping tests."""
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{setting} is not set to its folder (../shared/...) in CI")
        pytest.skip(f"folder not available (set {setting})")
    return path


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    """The open-data folder (../shared/data, or DATA_DIR)."""
    return _required(data_dir(), "DATA_DIR")


@pytest.fixture(scope="session")
def real_data_new_dir(real_data_dir) -> Path:
    """The second open-data folder (../shared/data-new, or DATA_NEW_DIR), loaded with the first."""
    return _required(data_new_dir(), "DATA_NEW_DIR")


@pytest.fixture(scope="session")
def standards_dir() -> Path:
    """The published standards' rule files (../shared/standards, or STANDARDS_DIR)."""
    raw = os.environ.get("STANDARDS_DIR")
    path = Path(raw) if raw else ROOT.parent / "shared" / "standards"
    return _required(path if path.is_dir() else None, "STANDARDS_DIR")


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    if not any(item.get_closest_marker("realdata") for item in request.session.items):
        return  # no real-data test in this session: the others build what they need (tests/factories.py)
    path, new = data_dir(), data_new_dir()
    if (path is None or new is None) and os.environ.get("CI"):
        pytest.fail("DATA_DIR and DATA_NEW_DIR are not set to the open-data folders (../shared/data, -new) in CI")
    folders = [str(path), *([str(new)] if new else [])] if path else [str(ROOT / "fixtures" / "demo")]
    with django_db_blocker.unblock():
        call_command("load_all", *folders, stdout=open(os.devnull, "w"))
        call_command("demo_figures", stdout=open(os.devnull, "w"))


@pytest.fixture(autouse=True)
def _fresh_cached_figures(request):
    """Tests change rows inside rolled-back transactions; bumping the data version keeps figures
    cached by one test from reaching the next. Tests without the database (tests/unit) cache nothing."""
    if request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames):
        source_data_changed()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_process(process: subprocess.Popen, *, timeout: float = 10) -> None:
    """Stop a server a test started: SIGTERM, and SIGKILL if it has not exited within `timeout` seconds
    (a worker stuck on a hung Redis or database must not keep the session waiting)."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start_site(**env) -> tuple[str, subprocess.Popen]:
    """A real server process (gunicorn, 2 workers) on the session's test database; `env` added to its environment."""
    from django.db import connection

    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "verantwoording.settings_test",
        "DATABASE_URL": database_url(connection.settings_dict),
        **env,
    }
    server = subprocess.Popen(
        local_command(port=port, workers=2, options=("--access-logfile", "-", "--log-level", "warning")),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urlopen(url + "/", timeout=2)
            return url, server
        except Exception:
            if server.poll() is not None or time.monotonic() > deadline:
                stop_process(server, timeout=0)
                raise RuntimeError(f"test server did not start: {server.stderr.read().decode()[-2000:]}") from None
            time.sleep(0.3)


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """A real server process (gunicorn) on the session's test database, for browser tests."""
    url, server = start_site()
    yield url
    stop_process(server)


def database_url(settings: dict) -> str:
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or "postgres"
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=BROWSER_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page) -> list:
    """WCAG 2.0, 2.1 and 2.2 A/AA violations axe finds on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return results.response["violations"]


# An SWV code of the open data (PO 20-01 ... VO 30-10); the factories use 99xx, tests of unknown codes 0xxx/99xx.
REAL_SWV_CODE = re.compile(r"\b[PV]O[23]\d{3}\b")


def _names_a_real_swv(item) -> bool:
    """Whether a database test names an SWV of the open data in its own source or its parameters."""
    if not (item.get_closest_marker("django_db") or {"db", "client", "admin_client"} & set(item.fixturenames)):
        return False
    params = getattr(item, "callspec", None)
    text = inspect.getsource(item.function) + (repr(params.params) if params else "")
    return bool(REAL_SWV_CODE.search(text))


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items):
    """A test that reads the open-data files, or a database test that names one of their SWV's, is a
    real-data test (`-m realdata` / `-m "not realdata"`): the session then loads the open data."""
    for item in items:
        if "real_data_dir" in getattr(item, "fixturenames", ()) or (
            isinstance(item, pytest.Function) and _names_a_real_swv(item)
        ):
            item.add_marker(pytest.mark.realdata)
