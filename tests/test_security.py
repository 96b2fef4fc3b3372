"""Hardening: deploy checks, Content Security Policy, login throttling, CSRF and audit logging."""

import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import Client

from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import PASSWORD, client_for, pdf_upload
from verantwoording.security import build_policy, tiles_source

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def throttle_cache(settings):
    """Failed logins are counted in a private local-memory cache here (never clear the shared Redis)."""
    settings.CACHES = {
        **settings.CACHES,
        "login-throttle-test": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"},
    }
    settings.LOGIN_THROTTLE_CACHE = "login-throttle-test"
    caches["login-throttle-test"].clear()
    yield caches["login-throttle-test"]
    caches["login-throttle-test"].clear()


def production_env(**extra) -> dict:
    # The test process allows ORM calls beside Playwright; a production process never does.
    unset = ("DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DJANGO_SETTINGS_MODULE="verantwoording.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="passendonderwijsinbeeld.nl",
        DATABASE_URL="sqlite:////tmp/deploy-check-does-not-connect.sqlite3",
    )
    env.update(extra)
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_secure():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_HTTPONLY, s.X_FRAME_OPTIONS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=production_env(), capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["False", "True", "True", "True", "True", "True", "DENY"], result.stderr


def test_production_refuses_to_start_without_secret_key():
    env = production_env()
    env.pop("SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


# --- Content Security Policy ----------------------------------------------------------------------


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/documenten/", "/beheer/login/"])
def test_every_page_has_a_strict_csp(client, url):
    response = client.get(url)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]
    assert policy["img-src"][:2] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_pages_have_no_inline_scripts(client, personas):
    """script-src 'self' would block them: every script must be a file."""
    import re

    client_for(client, personas["staff_a"])
    for url in ["/", "/documenten/", "/beheer/", "/beheer/uploads/toelichting/add/", "/beheer/uploads/document/add/"]:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, (url, tag)
        assert not re.search(r"\son[a-z]+=", html), url


def test_style_src_never_allows_scripts(settings):
    settings.CSP_STYLE_UNSAFE_INLINE = False
    assert directives(build_policy())["style-src"] == ["'self'"]
    settings.CSP_STYLE_UNSAFE_INLINE = True
    policy = directives(build_policy())
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"] and policy["script-src"] == ["'self'"]


def test_map_tiles_host_is_allowed_for_images_only(settings):
    settings.MAP_TILES_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
    policy = directives(build_policy())
    assert policy["img-src"] == ["'self'", "data:", "https://*.tile.openstreetmap.org"]
    assert policy["script-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]
    assert tiles_source("https://tiles.example.nl:8443/{z}/{x}/{y}.png") == "https://tiles.example.nl:8443"
    assert tiles_source("javascript:alert(1)") is None and tiles_source("") is None


# --- login throttling -----------------------------------------------------------------------------


def login(client, username, password, ip="10.0.0.1"):
    return client.post("/beheer/login/?next=/beheer/", {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_login_is_locked_after_repeated_failures(client, personas, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    user = personas["staff_a"]
    for _ in range(5):
        response = login(client, user.username, "fout-wachtwoord")
        assert response.status_code == 200
    locked = login(client, user.username, PASSWORD)
    assert locked.status_code == 200, "the right password is refused while locked"
    assert "Te veel mislukte inlogpogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not locked out by someone guessing elsewhere.
    other = Client()
    assert login(other, user.username, PASSWORD, ip="10.0.0.2").status_code == 302


@pytest.mark.django_db
def test_successful_login_resets_the_count(client, personas, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    user = personas["staff_a"]
    login(client, user.username, "fout")
    login(client, user.username, "fout")
    assert login(client, user.username, PASSWORD).status_code == 302
    client.logout()
    login(client, user.username, "fout")
    login(client, user.username, "fout")
    assert login(client, user.username, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_failed_logins_are_logged(client, personas, caplog):
    with caplog.at_level(logging.WARNING, logger="verantwoording.security"):
        login(client, personas["staff_a"].username, "fout")
    assert any("failed login" in record.getMessage() for record in caplog.records)


# --- CSRF and logging -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_forms_require_csrf(personas, toelichting_a, swv_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas["staff_a"])
    change = client.post(f"/beheer/uploads/toelichting/{toelichting_a.pk}/change/", {"concept": "Zonder token"})
    versie_url = f"/beheer/uploads/toelichting/{toelichting_a.pk}/versies/1/herstel/"
    upload = client.post(
        "/beheer/uploads/document/add/",
        {"swv": swv_a.pk, "soort": "jaarplan", "titel": "x", "bestand": pdf_upload()},
    )
    assert change.status_code == 403 and upload.status_code == 403
    assert client.post(versie_url).status_code == 403
    assert client.post("/beheer/login/", {"username": "a", "password": "b"}).status_code == 403
    toelichting_a.refresh_from_db()
    assert toelichting_a.concept == "Concept **A**"


@pytest.mark.django_db
def test_uploads_and_admin_changes_are_logged(client, personas, swv_a, caplog):
    from django.contrib.admin.models import ADDITION, LogEntry

    with caplog.at_level(logging.INFO, logger="uploads"):
        response = client_for(client, personas["staff_a"]).post(
            "/beheer/uploads/document/add/",
            {"swv": swv_a.pk, "soort": "jaarplan", "titel": "Gelogd", "bestand": pdf_upload()},
        )
    assert response.status_code == 302
    messages = [record.getMessage() for record in caplog.records]
    assert any("document uploaded" in m and swv_a.code in m for m in messages)
    assert any("admin add uploads.Document" in m for m in messages)
    assert LogEntry.objects.filter(user=personas["staff_a"], action_flag=ADDITION, object_repr__contains="Gelogd")


def test_client_ip_behind_trusted_proxies(rf, settings):
    from verantwoording.security import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.9", "a forged header is ignored without a trusted proxy"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7", "the address the proxy saw, not what the client wrote"
