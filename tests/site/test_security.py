"""Hardening: deploy checks, Content Security Policy, login throttling, CSRF and audit logging."""

import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.staff_fixtures import *  # noqa: F403 (fixtures)
from tests.staff_fixtures import PASSWORD, client_for, pdf_upload
from verantwoording.security import build_policy, tiles_source

ROOT = Path(__file__).resolve().parents[2]


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


# --- login lockout (django-axes) ------------------------------------------------------------------


def login(client, username, password, ip="10.0.0.1"):
    return client.post("/beheer/login/?next=/beheer/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def assert_locked_out(response):
    assert response.status_code == 429
    body = response.content.decode()
    assert "Te veel mislukte inlogpogingen" in body and '<html lang="nl">' in body


@pytest.mark.django_db
def test_account_is_locked_across_addresses(personas, settings):
    """Guessing one account's password from many addresses locks that account, wherever the next try comes from."""
    settings.AXES_FAILURE_LIMIT = 5
    anna = personas["staff_a"]
    for n in range(4):
        assert login(Client(), anna.username, "fout-wachtwoord", ip=f"203.0.113.{n}").status_code == 200
    assert_locked_out(login(Client(), anna.username, "fout-wachtwoord", ip="203.0.113.4"))  # the fifth locks
    client = Client()
    assert_locked_out(login(client, anna.username, PASSWORD, ip="198.51.100.7"))
    assert "_auth_user_id" not in client.session
    # Another account is not locked by it.
    assert login(Client(), personas["staff_b"].username, PASSWORD, ip="198.51.100.7").status_code == 302


@pytest.mark.django_db
def test_address_is_locked_across_accounts(personas, settings):
    """Guessing many accounts from one address locks that address, also for a right password."""
    settings.AXES_FAILURE_LIMIT = 5
    for n in range(5):
        login(Client(), f"geraden-{n}", "fout", ip="192.0.2.66")
    assert_locked_out(login(Client(), personas["staff_b"].username, PASSWORD, ip="192.0.2.66"))
    assert login(Client(), personas["staff_b"].username, PASSWORD, ip="192.0.2.67").status_code == 302


@pytest.mark.django_db
def test_successful_login_resets_the_count(client, personas, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = personas["staff_a"]
    login(client, user.username, "fout")
    login(client, user.username, "fout")
    assert login(client, user.username, PASSWORD).status_code == 302
    client.logout()
    login(client, user.username, "fout")
    login(client, user.username, "fout")
    assert login(client, user.username, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_attempts_are_visible_to_the_beheerder_who_can_lift_a_lockout(client, personas, settings):
    from axes.models import AccessAttempt, AccessFailureLog

    settings.AXES_FAILURE_LIMIT = 3
    anna = personas["staff_a"]
    for n in range(3):
        login(Client(), anna.username, "fout", ip=f"203.0.113.{n}")
    assert AccessFailureLog.objects.filter(username=anna.username).count() == 3
    client_for(client, personas["beheerder"])
    listing = client.get("/beheer/axes/accessattempt/")
    assert listing.status_code == 200 and anna.username in listing.content.decode()
    assert client.get("/beheer/axes/accessfailurelog/").status_code == 200
    attempts = list(AccessAttempt.objects.filter(username=anna.username).values_list("pk", flat=True))
    client.post(
        "/beheer/axes/accessattempt/", {"action": "delete_selected", "_selected_action": attempts, "post": "yes"}
    )
    assert login(Client(), anna.username, PASSWORD, ip="198.51.100.9").status_code == 302, "lockout lifted"
    # SWV staff do not see the attempts.
    assert Client().get("/beheer/axes/accessattempt/").status_code == 302
    staff = client_for(Client(), personas["staff_b"])
    assert staff.get("/beheer/axes/accessattempt/").status_code == 403


def test_lockout_is_counted_in_the_database(settings):
    """Login protection must not depend on Redis: axes keeps its counts in the database."""
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert "axes.backends.AxesStandaloneBackend" in settings.AUTHENTICATION_BACKENDS


@pytest.mark.django_db
def test_proxy_without_trusted_proxy_count_is_warned_once(settings, caplog):
    settings.TRUSTED_PROXY_COUNT = 0
    client = Client()
    with caplog.at_level(logging.WARNING, logger="verantwoording.security"):
        client.get("/api/v1", HTTP_X_FORWARDED_FOR="203.0.113.5")
        client.get("/api/v1", HTTP_X_FORWARDED_FOR="203.0.113.6")
    warnings = [r for r in caplog.records if "TRUSTED_PROXY_COUNT" in r.getMessage()]
    assert len(warnings) == 1
    settings.TRUSTED_PROXY_COUNT = 1
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="verantwoording.security"):
        Client().get("/api/v1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert not [r for r in caplog.records if "TRUSTED_PROXY_COUNT" in r.getMessage()]


@pytest.mark.parametrize(
    "key",
    ["x", "kort-maar-niet-lang-genoeg", "a" * 60, "abab" * 20, "django-insecure-" + "q1w2e3r4t5y6u7i8o9p0" * 3],
)
def test_weak_secret_key_is_refused_in_production(key):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=production_env(SECRET_KEY=key),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "SECRET_KEY is too weak" in result.stderr


def test_hsts_subdomains_and_preload_are_opt_in():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )

    def run(**extra):
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=production_env(**extra),
            capture_output=True,
            text=True,
            timeout=60,
        )
        return result.stdout.split()

    assert run() == ["False", "False"]
    assert run(SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1") == ["True", "True"]


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
