"""A newcomer's first `make run`: a clone with no ../shared beside it loads the repository's own copy of the
open data (fixtures/opendata) and shows the real country. Runs the Makefile's data step itself, in the
clone, on a SQLite file as `make run` does without DATABASE_URL (this venv stands in for the one `make`
would create: no network in tests)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SHOW_PUPILS = """
from swv.models import Waarde
real = Waarde.objects.filter(fictief=False, swv__code="PO3009", indicator__code="leerlingen_sbo")
print(sorted((w.periode, int(w.getal)) for w in real))
"""


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    if shutil.which("git") is None or shutil.which("make") is None:
        pytest.fail("git and make are needed to test a fresh clone")
    target = tmp_path_factory.mktemp("fresh") / "checkout" / "verantwoording"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    assert not (target.parent.parent / "shared").exists()
    return target


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DATA_DIR", "DATA_NEW_DIR", "REDIS_URL"}}
    env["DJANGO_SETTINGS_MODULE"] = "verantwoording.settings"
    return env


def test_make_run_data_step_on_a_fresh_clone_loads_the_real_country(clone):
    venv = Path(sys.executable).parent.parent
    # `-o` treats the venv as up to date, so make runs migrate, load_all and demo_figures as `make run` does.
    done = subprocess.run(
        ["make", "data", f"VENV={venv}", "-o", f"{venv}/.installed"],
        cwd=clone,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "manage.py load_all fixtures/opendata" in done.stdout
    status = subprocess.run(
        [sys.executable, "manage.py", "datastatus", "--json"],
        cwd=clone,
        env={**_env(), "DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    counts = json.loads(status.stdout)["counts"]
    assert (counts["swv_po"], counts["swv_vo"]) == (76, 74)
    assert counts["vestigingen"] == 6268 + 1619
    pupils = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW_PUPILS],
        cwd=clone,
        env={**_env(), "DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    # Sbo pupils in PO3009's region on three teldata, from DUO's files in fixtures/opendata.
    assert pupils.stdout.strip().endswith("[('2015-10-01', 305), ('2016-10-01', 288), ('2019-10-01', 309)]")
