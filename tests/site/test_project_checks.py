"""The project's own checks belong to the suite, so CI enforces them."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def _run(*args, **env):
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env})


def test_ruff_is_clean():
    result = _run(str(VENV_BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = _run(str(VENV_BIN / "ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_django_check_and_migrations_are_clean():
    check = _run(sys.executable, "manage.py", "check", DEBUG="1")
    assert check.returncode == 0, check.stderr
    migrations = _run(sys.executable, "manage.py", "makemigrations", "--check", "--dry-run", DEBUG="1")
    assert migrations.returncode == 0, migrations.stdout + migrations.stderr


# Nothing listens on port 1: a unit test that reached for PostgreSQL or Redis would fail or wait here.
UNREACHABLE = {"DATABASE_URL": "postgres://postgres@127.0.0.1:1/none", "REDIS_URL": "redis://127.0.0.1:1/0"}


def test_the_unit_layer_needs_no_database_or_redis_and_runs_in_seconds():
    result = _run(sys.executable, "-m", "pytest", "tests/unit", "-q", "-p", "no:cacheprovider", **UNREACHABLE)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    seconds = float(re.search(r" in ([0-9.]+)s", result.stdout.splitlines()[-1]).group(1))
    assert seconds < 10, result.stdout.splitlines()[-1]


def test_leaflet_is_an_installed_app_without_geodjango_at_start():
    """django-leaflet serves Leaflet's files as an app; its admin module (GeoDjango, GDAL) is not loaded."""
    code = (
        "import sys, django; django.setup(); "
        "from django.contrib import admin; from django.contrib.staticfiles import finders; "
        "from swv.models import Samenwerkingsverband; "
        "print(bool(finders.find('leaflet/leaflet.js')), 'django.contrib.gis' in sys.modules, "
        "admin.site.is_registered(Samenwerkingsverband))"
    )
    result = _run(sys.executable, "-c", code, DEBUG="1", DJANGO_SETTINGS_MODULE="verantwoording.settings")
    assert result.stdout.split() == ["True", "False", "True"], result.stderr


PRIVATE_IMPORT = re.compile(r"^\s*from (?:swv|uploads|landelijk|verantwoording)\S* import .*\b_[a-z]\w*", re.MULTILINE)
PRIVATE_ATTRIBUTE = re.compile(r"[\w)\]]\._(?!meta\b)[a-z]\w*")  # Django's documented Model._meta is public


def test_no_test_reaches_into_private_names():
    """Tests go through what the code offers (its functions, pages and services), so it can change inside."""
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(ROOT)}: {m.group(0).strip()}" for m in PRIVATE_IMPORT.finditer(text)]
        found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in PRIVATE_ATTRIBUTE.finditer(text)]
    assert not found, "\n".join(found)
