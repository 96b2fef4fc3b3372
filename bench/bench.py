"""make bench: the site against its physical limit (serving the same page as a static file).

Starts gunicorn on PostgreSQL with the real data plus fictional figures and its own Redis (bounded,
allkeys-lru, as production should run it), measures with wrk on 127.0.0.1 only (bounded in time), and
prints requests/s, p50/p95/p99 and errors per URL at 1, 8 and 32 connections, with 1 and 2 workers; the
dynamic/static ratio; the cached page next to cache-busting traffic; the page while Redis hangs and is
restarted; the page through nginx's cache (bench/nginx.conf), also with every app server stopped;
load_all against pandas; and the peak memory of importing a 50 MB region file (bench/import_memory.py).

    python bench/bench.py                 # everything (make bench)
    python bench/bench.py --only import   # only the import of the 50 MB region file
"""

import argparse
import atexit
import gzip
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.request import Request, urlopen

import import_memory  # bench/, next to this script

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, for how it starts gunicorn
from verantwoording.gunicorn_conf import local_command  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
DURATION = os.environ.get("BENCH_SECONDS", "4")
CONNECTIONS = (1, 8, 32)
DB_NAME = "verantwoording_bench"
DB_EMPTY = "verantwoording_bench_leeg"  # migrated, no data: the template of every timed load
PROCESS_SECONDS = 1.1  # each app process keeps a page it served for PAGE_CACHE_PROCESS_SECONDS (1)
LOAD_RUNS = int(os.environ.get("BENCH_LOAD_RUNS", "5"))
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class OwnRedis:
    """The benchmark's own redis-server, configured as production should be: bounded memory, the least
    recently used keys evicted, no persistence. The benchmark may hang and restart it."""

    ARGS = ("--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru", "--save", "", "--appendonly", "no")

    def __init__(self):
        # BENCH_REDIS_PORT: a port of one's own on a machine shared with others; else the first free one.
        wanted = os.environ.get("BENCH_REDIS_PORT")
        candidates = [int(wanted)] if wanted else range(6380, 6400)
        self.port = next(port for port in candidates if not ping(port) and port_free(port))
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", *self.ARGS], stdout=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while not ping(self.port):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(10)

    def keys(self) -> int:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
            sock.sendall(b"DBSIZE\r\n")
            return int(sock.recv(64).strip().lstrip(b":"))


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


REDIS = OwnRedis() if shutil.which("redis-server") else None
if REDIS:
    atexit.register(REDIS.stop)


def environment(static_root: Path) -> dict:
    cache = {"REDIS_URL": REDIS.url, "CACHE_KEY_PREFIX": f"bench-{uuid.uuid4().hex[:12]}"} if REDIS else {}
    return {
        **os.environ,
        **cache,
        "DJANGO_SETTINGS_MODULE": "verantwoording.settings",
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "ERROR",
    }


def manage(env: dict, *args: str) -> tuple[float, str]:
    """Wall time of the whole command (interpreter and Django start-up included) and its output."""
    started = time.perf_counter()
    done = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return time.perf_counter() - started, done.stdout


def server_sql(*statements: str) -> None:
    """Statements on the server's maintenance database (CREATE/DROP DATABASE need autocommit)."""
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def reset_database(template: str | None = None) -> None:
    server_sql(
        f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)",
        f"CREATE DATABASE {DB_NAME}" + (f" TEMPLATE {template}" if template else ""),
    )


def timed_loads(env: dict, data_dir: Path) -> dict:
    """load_all into a freshly migrated database, LOAD_RUNS times (the machine's noise is large next to
    a few seconds), each followed at once by pandas reading the same files; the medians of each, and the
    median of the ratios of those pairs, which drifting noise on a shared host disturbs least."""
    reset_database()
    manage(env, "migrate", "--noinput")
    server_sql(f"DROP DATABASE IF EXISTS {DB_EMPTY}", f"ALTER DATABASE {DB_NAME} RENAME TO {DB_EMPTY}")
    runs, pandas_runs = [], []
    # Without the shared cache load_all does not prepare the pages' data afterwards: what is timed here
    # is the import itself. The preparation is timed apart, after demo_figures (see main()).
    import_env = {k: v for k, v in env.items() if k not in ("REDIS_URL", "CACHE_KEY_PREFIX")}
    for _ in range(LOAD_RUNS):
        reset_database(template=DB_EMPTY)
        process_seconds, output = manage(import_env, "load_all", str(data_dir))
        # The command's own time excludes starting Python and Django; the process time includes them.
        own_seconds = float(re.search(r"load_all klaar in ([0-9.]+) s", output).group(1))
        runs.append((process_seconds, own_seconds))
        pandas_runs.append(pandas_read(data_dir))
    server_sql(f"DROP DATABASE {DB_EMPTY}")
    return {
        "process": statistics.median(r[0] for r in runs),
        "own": statistics.median(r[1] for r in runs),
        "pandas": {key: statistics.median(p[key] for p in pandas_runs) for key in ("process", "import", "read")},
        "ratio": statistics.median(r[0] / p["process"] for r, p in zip(runs, pandas_runs, strict=True)),
    }


def pandas_read(data_dir: Path) -> dict:
    """bench/pandas_read.py in its own process: its wall time and its own import and read times."""
    started = time.perf_counter()
    done = subprocess.run(
        [PY, str(ROOT / "bench" / "pandas_read.py"), str(data_dir)], check=True, capture_output=True, text=True
    )
    return {"process": time.perf_counter() - started, **json.loads(done.stdout)}


class Server:
    def __init__(self, env: dict, workers: int, timeout: int = 30):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            local_command(
                port=self.port, workers=workers, options=("--log-level", "warning", "--timeout", str(timeout))
            ),
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                urlopen(self.url + "/", timeout=5)
                return
            except Exception:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.process.kill()
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.3)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def wrk(url: str, connections: int, *, script: str = "report.lua", seconds: str = DURATION) -> dict:
    # One wrk thread drives tens of thousands of requests a second; a second would take a core from the
    # server (and from Redis) on a two-core machine.
    threads = "1"
    result = subprocess.run(
        [
            "wrk",
            "-t",
            threads,
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "5s",
            "-H",
            "Accept-Encoding: gzip",
            "-s",
            str(ROOT / "bench" / script),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=int(seconds) + 30,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    data = json.loads(line[6:])
    data["rps"] = data["requests"] / data["seconds"]
    return data


def pick_urls(base: str) -> dict[str, str]:
    from urllib.error import HTTPError

    def status(path: str) -> int:
        try:
            return urlopen(Request(base + path), timeout=5).status
        except HTTPError as exc:
            return exc.code

    swv_path = "/swv/PO3009/"
    try:
        swv_path = urlopen(base + swv_path, timeout=5).geturl().removeprefix(base)
    except Exception:
        pass
    urls = {"home": "/", "landelijk": "/landelijk/", "swv-pagina": swv_path, "zoeken": "/zoeken/?q=5504"}
    for candidate in ("/kaart/po.geojson", "/kaart/geojson/po/", "/kaart/PO.geojson"):
        if status(candidate) == 200:
            urls["kaart-geojson"] = candidate
            break
    return urls


def large_import(data_dir: Path) -> str:
    """The 50 MB region file imported in its own process: time and peak memory (bench/import_memory.py)."""
    log("import van een regiobestand van 50 MB ...")
    result = import_memory.measure(data_dir=data_dir, database_url=f"{PG}/{DB_NAME}_import", megabytes=50)
    server_sql(f"DROP DATABASE IF EXISTS {DB_NAME}_import WITH (FORCE)")
    return import_memory.report(result)


def main() -> None:
    parser = argparse.ArgumentParser(description="make bench")
    parser.add_argument("--only", choices=["import"], help="run one measurement only")
    args = parser.parse_args()
    data_dir = Path(os.environ.get("DATA_DIR") or ROOT.parent / "shared" / "data")
    if args.only == "import":
        print(large_import(data_dir))
        return
    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = environment(static_root)
    log(f"database migreren, load_all {data_dir} en pandas, {LOAD_RUNS} keer ...")
    loads = timed_loads(env, data_dir)
    _, output = manage(env, "demo_figures")
    prepared = re.search(r"voorbereid in ([0-9.]+) s", output)
    loads["prepare"] = float(prepared.group(1)) if prepared else None
    manage(env, "collectstatic", "--noinput")

    server = Server(env, workers=1)
    urls = pick_urls(server.url)
    html = urlopen(server.url + urls["swv-pagina"], timeout=10).read()
    server.stop()
    (static_root / "bench").mkdir(exist_ok=True)
    (static_root / "bench" / "swv.html").write_bytes(html)
    # whitenoise serves the .gz beside a file to clients that accept gzip, as the dynamic page is.
    (static_root / "bench" / "swv.html.gz").write_bytes(gzip.compress(html, 6))
    urls["statisch-bestand"] = "/static/bench/swv.html"

    rows, cold, after_import, extra = [], {}, {}, {}
    for workers in (1, 2):
        server = Server(env, workers=workers)
        try:
            for name, path in urls.items():
                cold[(workers, name)] = first_request_ms(server.url + path, workers)
                for connections in CONNECTIONS:
                    result = wrk(server.url + path, connections)
                    rows.append({"workers": workers, "url": name, "connections": connections, **result})
                    log(f"{workers}w {name:<17} c={connections:<3} {result['rps']:8.0f}/s p95 {result['p95']:.1f} ms")
            if workers == 1:
                after_import = first_requests_after_an_import(env, server, urls)
            else:
                swv_url = server.url + urls["swv-pagina"]
                extra = {"noise": with_cache_busting(swv_url), "redis": redis_fault(swv_url)}
                extra["nginx"] = through_nginx(server, urls["swv-pagina"])
        finally:
            server.stop()
    growth_results = growth(env, data_dir, urls["swv-pagina"])
    shutil.rmtree(static_root, ignore_errors=True)
    if REDIS:
        REDIS.stop()
    imported = large_import(data_dir)
    print_report(rows, cold, urls, loads, after_import)
    if extra:
        print_extra(extra, rows)
    print(imported)
    print_growth(growth_results)


# --- Growth: the same site with 10 and 40 yearly periods of every figure ------------------------------

SCALES = tuple(int(n) for n in os.environ.get("BENCH_SCALES", "1,10,40").split(","))
# Synthetic, labelled fictief, and only in the benchmark's own copies of its database: every unit's latest
# value of every per-SWV and per-gemeente indicator again for each of the n-1 years before it (the same
# value, the period and date shifted; a period that exists already is left as it is).
GROW_SQL = """
INSERT INTO swv_waarde (indicator_id, swv_id, gemeente_id, periode, peildatum, getal, tekst, status,
                        ondergrens, bovengrens, fictief, import_run_id)
SELECT w.indicator_id, w.swv_id, w.gemeente_id,
  CASE WHEN w.periode ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
         THEN to_char(w.peildatum - make_interval(years => k), 'YYYY-MM-DD')
       WHEN w.periode ~ '^[0-9]{4}-[0-9]{4}$'
         THEN (left(w.periode, 4)::int - k) || '-' || (right(w.periode, 4)::int - k)
       WHEN w.periode ~ '^[0-9]{4}$' THEN (w.periode::int - k)::text
       ELSE w.periode || '-' || k END,
  (w.peildatum - make_interval(years => k))::date, w.getal, w.tekst, w.status, w.ondergrens, w.bovengrens, true, NULL
FROM (
  SELECT DISTINCT ON (w.indicator_id, w.swv_id, w.gemeente_id) w.*
  FROM swv_waarde w JOIN swv_indicator i ON i.id = w.indicator_id
  WHERE i.niveau IN ('swv', 'gemeente')
  ORDER BY w.indicator_id, w.swv_id, w.gemeente_id, w.peildatum DESC
) w CROSS JOIN generate_series(1, %(years)s - 1) AS k
ON CONFLICT DO NOTHING
"""
# The import timed at every scale: one real file, with the preparation every import command does.
GROWTH_IMPORT = ("duo_vsv", Path("duo-vsv-per-swv") / "vsv-per-swv-2015.csv")


def _median_ms(url: str, times: int = 7) -> float:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        urlopen(Request(url, headers={"Accept-Encoding": "gzip"}), timeout=120).read()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _once_ms(url: str) -> float:
    started = time.perf_counter()
    urlopen(Request(url, headers={"Accept-Encoding": "gzip"}), timeout=900).read()
    return (time.perf_counter() - started) * 1000


def growth(env: dict, data_dir: Path, swv_path: str) -> list[dict]:
    """Per scale (1x = the loaded data): values stored, the import with its preparation, and per page the
    first request after that import (prepared data, empty page cache, the server's own copies stale), a
    cold render (page cache emptied as a publish does, prepared data in place: median of 5), the cached
    page; an API page of 100 values (warm, each page asked once: median of 15), and waarden.csv."""
    import psycopg

    results = []
    for scale in SCALES:
        name = DB_NAME if scale == 1 else f"{DB_NAME}_{scale}x"
        scaled = {
            **env,
            "DATABASE_URL": f"{PG}/{name}",
            "CACHE_KEY_PREFIX": f"bench-{scale}x-{uuid.uuid4().hex[:8]}",
            # Times of renders and of the shared cache: no process copies (whose second would hide a change
            # made by the import or publish commands this measurement runs in other processes).
            "PAGE_CACHE_PROCESS_SECONDS": "0",
        }
        if scale != 1:
            log(f"groei: {scale} perioden, database {name} ...")
            server_sql(
                # A copy needs its template without connections: a stopped server's may linger a moment.
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{DB_NAME}'",
                f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
                f"CREATE DATABASE {name} TEMPLATE {DB_NAME}",
            )
            with psycopg.connect(f"{PG}/{name}", autocommit=True) as conn:
                conn.execute(GROW_SQL, {"years": scale})
                conn.execute("ANALYZE swv_waarde")
        with psycopg.connect(f"{PG}/{name}") as conn:
            values = conn.execute("SELECT count(*) FROM swv_waarde").fetchone()[0]
        # At 40x the first request computes every figure and the CSV of every value: minutes on a busy machine.
        server = Server(scaled, workers=1, timeout=900)
        try:
            base = server.url
            pages = {"landelijk": "/landelijk/", "swv-pagina": swv_path}
            for path in pages.values():
                _once_ms(base + path)
            source, relative = GROWTH_IMPORT
            import_seconds, output = manage(scaled, "import_data", source, str(data_dir / relative))
            prepared = re.search(r"voorbereid in ([0-9.]+) s", output)
            row = {
                "scale": scale,
                "values": values,
                "import": import_seconds,
                "prepare": float(prepared.group(1)) if prepared else None,
            }
            for label, path in pages.items():
                row[f"{label}:na-import"] = _once_ms(base + path)
                cold = []
                for _ in range(5):
                    manage(scaled, "shell", "-c", "from swv.caching.versions import pages_changed; pages_changed()")
                    cold.append(_once_ms(base + path))
                row[f"{label}:koud"] = statistics.median(cold)
                row[f"{label}:warm"] = _median_ms(base + path, 15)
            api = [_once_ms(f"{base}/api/v1/waarden?pagina={page}&perPagina=100") for page in range(3, 48, 3)]
            row["api"] = statistics.median(api)
            row["api-gefilterd"] = statistics.median(
                _once_ms(f"{base}/api/v1/waarden?indicator=leerlingen_totaal&pagina={page}&perPagina=100")
                for page in (1, 2, 3)
            )
            row["api-cijfers-swv"] = _once_ms(f"{base}/api/v1/samenwerkingsverbanden/PO3009/cijfers")
            row["csv-koud"] = _once_ms(base + "/downloads/waarden.csv")
            row["csv-warm"] = _once_ms(base + "/downloads/waarden.csv")
            results.append(row)
            log(f"groei {scale}x: {row}")
        finally:
            server.stop()
        if scale != 1:
            server_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return results


def print_growth(results: list[dict]) -> None:
    if not results:
        return
    print(
        "\nGroei (synthetische extra perioden, fictief, alleen in kopieën van de benchmarkdatabase): tijden in ms, "
        "1 worker; koud = lege paginacache met voorbereide gegevens (mediaan van 5), na import = eerste aanvraag "
        "na import_data (voorbereid), warm = uit de paginacache"
    )
    print(
        f"{'perioden':>8} {'waarden':>8} {'import s':>9} {'voorb. s':>9} {'landelijk koud':>15} {'na import':>10} "
        f"{'warm':>6} {'SWV koud':>9} {'na import':>10} {'warm':>6} {'API 100':>8} {'API filter':>10} "
        f"{'API cijfers':>11} {'csv koud':>9} {'csv warm':>9}"
    )
    for r in results:
        print(
            f"{r['scale']:>7}x {r['values']:>8} {r['import']:>9.1f} {r['prepare'] or 0:>9.1f} "
            f"{r['landelijk:koud']:>15.0f} {r['landelijk:na-import']:>10.0f} {r['landelijk:warm']:>6.1f} "
            f"{r['swv-pagina:koud']:>9.0f} {r['swv-pagina:na-import']:>10.0f} {r['swv-pagina:warm']:>6.1f} "
            f"{r['api']:>8.1f} {r['api-gefilterd']:>10.1f} {r['api-cijfers-swv']:>11.0f} {r['csv-koud']:>9.0f} "
            f"{r['csv-warm']:>9.0f}"
        )
    first = results[0]
    for r in results[1:]:
        print(
            f"{r['scale']}x tegen {first['scale']}x: "
            f"landelijk koud {r['landelijk:koud'] / first['landelijk:koud']:.2f}x, "
            f"SWV koud {r['swv-pagina:koud'] / first['swv-pagina:koud']:.2f}x, API {r['api'] / first['api']:.2f}x"
        )


def with_cache_busting(url: str) -> dict:
    """32 connections asking the cached page next to 16 asking it with random utm_*/fbclid/?r= parameters."""
    keys_before = REDIS.keys() if REDIS else None
    noise: dict = {}
    thread = threading.Thread(target=lambda: noise.update(wrk(url, 16, script="noise.lua")))
    thread.start()
    normal = wrk(url, 32)
    thread.join()
    keys_after = REDIS.keys() if REDIS else None
    return {"normal": normal, "noise": noise, "keys": (keys_before, keys_after)}


def redis_fault(url: str) -> dict:
    """The cached page at 32 connections while Redis hangs (SIGSTOP) for 2 s, then is stopped and
    started again (empty); errors counted by wrk."""
    if not REDIS:
        return {}
    seconds = max(int(DURATION), 4) + 4

    def fault():
        time.sleep(1)
        REDIS.process.send_signal(signal.SIGSTOP)
        time.sleep(2)
        REDIS.process.send_signal(signal.SIGCONT)
        time.sleep(0.5)
        REDIS.stop()
        time.sleep(1.5)
        REDIS.start()

    thread = threading.Thread(target=fault)
    thread.start()
    result = wrk(url, 32, seconds=str(seconds))
    thread.join()
    time.sleep(1.5)  # the breaker lets commands through again after a second
    after = wrk(url, 32)
    return {"during": result, "after": after, "seconds": seconds}


def through_nginx(server: "Server", path: str) -> dict:
    """The SWV page through nginx's cache (bench/nginx.conf), then with the app server stopped."""
    nginx_binary = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    if not nginx_binary:
        return {}
    directory = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    directory.chmod(0o755)  # nginx's workers run as another user when the bench runs as root
    port = int(os.environ.get("BENCH_NGINX_PORT") or free_port())
    config = (ROOT / "bench" / "nginx.conf").read_text()
    for marker, value in {"@@DIR@@": str(directory), "@@UPSTREAM@@": f"127.0.0.1:{server.port}"}.items():
        config = config.replace(marker, value)
    config = config.replace("@@LISTEN@@", f"127.0.0.1:{port}")
    (directory / "nginx.conf").write_text(config)
    nginx = subprocess.Popen(
        [nginx_binary, "-p", str(directory), "-c", str(directory / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}{path}"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                first_request_ms(url, workers=1)
                break
            except Exception:
                if time.monotonic() > deadline or nginx.poll() is not None:
                    return {}
                time.sleep(0.2)
        status = urlopen(Request(url, headers={"Accept-Encoding": "gzip"}), timeout=5).headers.get("X-Cache")
        cached = wrk(url, 32)
        # The same next to 16 connections with random utm_*/fbclid/?r=: nginx keys without them.
        entries_before = _nginx_entries(directory)
        noise: dict = {}
        thread = threading.Thread(target=lambda: noise.update(wrk(url, 16, script="noise.lua")))
        thread.start()
        normal = wrk(url, 32)
        thread.join()
        entries = (entries_before, _nginx_entries(directory))
        server.stop()
        down = wrk(url, 32)
        return {"cached": cached, "down": down, "x-cache": status, "noise": (normal, noise), "entries": entries}
    finally:
        nginx.terminate()
        nginx.wait(10)
        shutil.rmtree(directory, ignore_errors=True)


def _nginx_entries(directory: Path) -> int:
    return sum(1 for path in (directory / "cache").rglob("*") if path.is_file())


def print_extra(extra: dict, rows: list) -> None:
    alone = next(r for r in rows if r["workers"] == 2 and r["url"] == "swv-pagina" and r["connections"] == 32)
    noise = extra["noise"]
    combined = noise["normal"]["rps"] + noise["noise"].get("rps", 0)
    before, after = noise["keys"]
    print(
        f"\n2 workers, SWV-pagina 32 verbindingen + 16 met willekeurige utm_*/fbclid/?r=: samen {combined:.0f} req/s "
        f"= {combined / alone['rps']:.2f} x de pagina alleen ({alone['rps']:.0f}); fouten "
        f"{noise['normal']['errors'] + noise['noise'].get('errors', 0)}; Redis-sleutels voor/na: {before} / {after}"
    )
    redis = extra["redis"]
    if redis:
        during, after_fault = redis["during"], redis["after"]
        print(
            f"Redis hangt 2 s (SIGSTOP), wordt gestopt en herstart, tijdens {redis['seconds']} s wrk op de SWV-pagina: "
            f"{during['rps']:.0f} req/s, p99 {during['p99']:.1f} ms, fouten {during['errors']} "
            f"(niet-2xx {during['non2xx']}); daarna {after_fault['rps']:.0f} req/s, fouten {after_fault['errors']}"
        )
    nginx = extra["nginx"]
    if nginx:
        print(
            f"Via nginx (proxy_cache, bench/nginx.conf; X-Cache {nginx['x-cache']}): "
            f"{nginx['cached']['rps']:.0f} req/s, p99 {nginx['cached']['p99']:.1f} ms, "
            f"fouten {nginx['cached']['errors']}; "
            f"met de app-server gestopt: {nginx['down']['rps']:.0f} req/s, fouten {nginx['down']['errors']} "
            f"(niet-2xx {nginx['down']['non2xx']})"
        )
        normal, noise = nginx["noise"]
        combined = normal["rps"] + noise.get("rps", 0)
        print(
            f"Via nginx, 32 verbindingen + 16 met willekeurige utm_*/fbclid/?r=: samen {combined:.0f} req/s "
            f"= {combined / nginx['cached']['rps']:.2f} x de pagina alleen; fouten "
            f"{normal['errors'] + noise.get('errors', 0)}; nginx-cachebestanden voor/na: "
            f"{nginx['entries'][0]} / {nginx['entries'][1]}"
        )
    else:
        print("nginx niet gevonden: meting via nginx overgeslagen")


# What an import does to the caches (new source-data version), with and without preparing the pages' data.
_IMPORTED = "from swv.caching.versions import source_data_changed; source_data_changed()"
_PREPARED = (
    _IMPORTED + "; import sys; from swv.management.commands.import_data import prepare_pages; "
    "prepare_pages(sys.stdout, sys.stderr)"
)


def first_requests_after_an_import(env: dict, server: "Server", urls: dict) -> dict:
    """The first visitor's wait per URL on a warm server right after an import, as the command-line
    import leaves it (pages' data prepared) and as it would be without that preparation."""
    waits = {}
    for name, path in urls.items():
        if name == "statisch-bestand":
            continue
        for label, code in (("onvoorbereid", _IMPORTED), ("voorbereid", _PREPARED)):
            manage(env, "shell", "-c", code)
            time.sleep(PROCESS_SECONDS)  # the server's own copy of the page (it changed elsewhere) has expired
            waits[(label, name)] = first_request_ms(server.url + path, workers=0)
    return waits


def first_request_ms(url: str, workers: int) -> float:
    """The first request fills the page cache; every worker warms up before wrk measures steady state.

    Warmed as wrk asks (gzip: its own cache entry), or wrk's first request is the cold one, and wrk's
    correction for coordinated omission turns that one stall into hundreds of slow samples.
    """
    gzip_request = Request(url, headers={"Accept-Encoding": "gzip"})
    started = time.perf_counter()
    urlopen(gzip_request, timeout=30).read()
    cold = (time.perf_counter() - started) * 1000
    for _ in range(workers * 3):
        urlopen(gzip_request, timeout=30).read()
    return cold


def print_report(rows, cold, urls, loads, after_import) -> None:
    cache = "eigen Redis (256 MB, allkeys-lru)" if REDIS else "procesgeheugen (geen redis-server)"
    print(f"\nPassend onderwijs in beeld — benchmark (wrk, 127.0.0.1, {DURATION}s per meting, cache: {cache})\n")
    print(
        f"{'workers':>7} {'url':<17} {'verb.':>5} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'fouten':>7}"
    )
    for r in rows:
        errors = r["errors"]
        print(
            f"{r['workers']:>7} {r['url']:<17} {r['connections']:>5} {r['rps']:>9.0f} {r['p50']:>8.1f} "
            f"{r['p95']:>8.1f} {r['p99']:>8.1f} {errors:>7}"
        )
    print()
    print(
        "Eerste (koude) aanvraag na het starten, in ms: " + ", ".join(f"{name} {cold[(1, name)]:.0f}" for name in urls)
    )
    for label in ("onvoorbereid", "voorbereid"):
        waits = ", ".join(f"{name} {ms:.0f}" for (kind, name), ms in after_import.items() if kind == label)
        print(f"Eerste aanvraag na een import ({label}), in ms: {waits}")
    print()
    for workers in (1, 2):
        at32 = {r["url"]: r for r in rows if r["workers"] == workers and r["connections"] == 32}
        ratio = at32["swv-pagina"]["rps"] / at32["statisch-bestand"]["rps"]
        print(
            f"{workers} worker(s), 32 verbindingen: SWV-pagina dynamisch/statisch = {ratio:.2f} "
            f"({at32['swv-pagina']['rps']:.0f} / {at32['statisch-bestand']['rps']:.0f} req/s), "
            f"p95 SWV-pagina {at32['swv-pagina']['p95']:.1f} ms"
        )
    pandas, process, own = loads["pandas"], loads["process"], loads["own"]
    print(
        f"load_all als proces {process:.2f} s, pandas als proces (zelfde bestanden lezen) "
        f"{pandas['process']:.2f} s (medianen van {LOAD_RUNS}): verhouding {loads['ratio']:.1f}x "
        f"(mediaan van {LOAD_RUNS} paren, elk direct na elkaar gemeten)"
    )
    print(
        f"  zonder opstarten: load_all {own:.2f} s, pandas alleen lezen {pandas['read']:.2f} s "
        f"(+ {pandas['import']:.2f} s pandas/geopandas laden): verhouding {own / pandas['read']:.1f}x, "
        f"met laden {own / (pandas['read'] + pandas['import']):.1f}x"
    )
    if loads["prepare"] is not None:
        print(
            f"  daarna de gegevens voor de pagina's voorbereiden (cijfers, regio's, namen; gedeelde cache): "
            f"{loads['prepare']:.2f} s, zodat de eerste bezoekers na een import niet wachten"
        )
    print(f"URL's: {', '.join(f'{k}={v}' for k, v in urls.items())}")


if __name__ == "__main__":
    main()
