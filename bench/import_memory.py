"""Peak memory and time of importing a large region file (regio_pc4), as its own process.

The published PC4 bijlage is 125 KB; files of 50 MB happen when a spreadsheet export repeats its rows
(a pasted block, a join gone wrong). The file is the real bijlage's rows repeated until it reaches the
size asked for, so every row after the first 4,046 repeats an earlier one. The database first gets the
files of DATA_DIR the PC4 importer reads (gemeente boundaries, school addresses: its `after`), so the
big file is a real first import of the indeling, not a re-import that changes nothing.

    python bench/import_memory.py [--mb 50]     # DATABASE_URL: the database to (re)create and use

Peak memory is the import process' own maximum resident set (ru_maxrss), next to what the same process
used before the import (Python, Django, the models): the import's share is the difference.
"""

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PC4_FILE = "swv_pc4_indeling_2015-04-23.csv"


def build_region_file(source: Path, target: Path, *, megabytes: float) -> int:
    """`source`'s rows repeated below its header until the file has `megabytes`; returns its size."""
    header, *rows = source.read_text(encoding="utf-8").splitlines(keepends=True)
    block = "".join(rows).encode()
    wanted = int(megabytes * 1024 * 1024)
    with target.open("wb") as out:
        out.write(header.encode())
        written = len(header)
        while written < wanted:
            out.write(block)
            written += len(block)
    return target.stat().st_size


def manage(env: dict, *args: str) -> str:
    done = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return done.stdout


def reset_database(url: str) -> None:
    import psycopg  # only the parent process resets the database

    server, _, name = url.rpartition("/")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _django() -> None:
    import django  # in the child processes only: the parent does not set Django up

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verantwoording.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()


def prepare_child(data_dir: Path) -> dict:
    """In a child: import the files of `data_dir` that regio_pc4 reads (its `after` sources)."""
    _django()
    from swv.importing.registry import SOURCES, detect_source  # after django.setup()
    from swv.importing.run import run_import

    needed = set(SOURCES["regio_pc4"].after)
    done = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.suffix.lower() in {".csv", ".geojson", ".xlsx"}:
            source = detect_source(path).source
            if source is not None and source.key in needed:
                done.append((list(SOURCES).index(source.key), path))
    for _, path in sorted(done):
        run_import(source_key=detect_source(path).source.key, path=path, progress=False)
    return {"prepared": [path.name for _, path in sorted(done)]}


def measure_child(path: Path) -> dict:
    """In a child: set Django up, note the resident set, import `path` as regio_pc4, note the peak."""
    _django()
    from swv.importing.problems import ImportRefused  # after django.setup(): the models must be ready
    from swv.importing.run import run_import

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.perf_counter()
    try:
        run = run_import(source_key="regio_pc4", path=path, progress=False)
        outcome = {"status": run.status, "changes": run.wijzigingen, "notices": run.meldingen}
    except ImportRefused as refused:
        outcome = {"status": "geweigerd", "changes": 0, "notices": [str(p) for p in refused.problems[:3]]}
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    notice_bytes = len(json.dumps(outcome["notices"], ensure_ascii=False).encode())
    return {"seconds": seconds, "before": before, "peak": peak, "notice_bytes": notice_bytes, **outcome}


def run_child(env: dict, *args: str) -> dict:
    done = subprocess.run(
        [PY, str(Path(__file__).resolve()), *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(*, data_dir: Path, database_url: str, megabytes: float) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "verantwoording.settings",
        # Not DEBUG: Django would keep every SQL statement in memory, which is not the import's own.
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("REDIS_URL", None)  # the import itself, not the shared cache
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        reset_database(database_url)
        manage(env, "migrate", "--noinput")
        run_child(env, "--prepare", str(data_dir))
        big = work / PC4_FILE
        size = build_region_file(next(data_dir.rglob(PC4_FILE)), big, megabytes=megabytes)
        result = run_child(env, "--child", str(big))
        return {"file_bytes": size, **result}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(result: dict) -> str:
    mb = 1024 * 1024
    size, peak, before = result["file_bytes"], result["peak"], result["before"]
    return (
        f"Import regio_pc4 van {size / mb:.0f} MB (de echte bijlage herhaald): {result['seconds']:.1f} s, "
        f"piekgeheugen {peak / mb:.0f} MB = {peak / size:.1f}x het bestand "
        f"(het proces voor de import {before / mb:.0f} MB, de import zelf {(peak - before) / mb:.0f} MB "
        f"= {(peak - before) / size:.1f}x); {result['status']}, {result['changes']} wijzigingen, "
        f"meldingen {result['notice_bytes'] / 1024:.1f} KB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50, help="size of the generated region file (50)")
    parser.add_argument("--json", action="store_true", help="print the measurement as JSON")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child or args.prepare:
        print(json.dumps(measure_child(args.child) if args.child else prepare_child(args.prepare)))
        return
    data_dir = Path(os.environ.get("DATA_DIR") or ROOT.parent / "shared" / "data")
    database_url = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/verantwoording_bench_import"
    if not re.search(r"/[\w-]+$", database_url):
        parser.error("DATABASE_URL must name a database")
    result = measure(data_dir=data_dir, database_url=database_url, megabytes=args.mb)
    print(json.dumps(result) if args.json else report(result))


if __name__ == "__main__":
    main()
