"""bench/nginx.conf, the production example of a caching proxy: tracking parameters share one copy.

nginx runs with the repository's config in front of a tiny upstream that counts what reaches it; the
upstream answers like the site's public pages (Cache-Control: public, s-maxage=60)."""

import shutil
import socket
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import urlopen

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx", path="/usr/sbin:/usr/bin:/sbin:/bin")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Upstream(BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):
        self.seen.append(self.path)
        body = self.path.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=0, s-maxage=60")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    # Not pytest's tmp_path: its parents are closed to nginx's workers, which run as another user as root.
    tmp_path = Path(tempfile.mkdtemp(prefix="test-nginx-"))
    _Upstream.seen = []
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    tmp_path.chmod(0o755)
    port = _free_port()
    config = (ROOT / "bench" / "nginx.conf").read_text()
    for marker, value in {
        "@@DIR@@": str(tmp_path),
        "@@UPSTREAM@@": f"127.0.0.1:{upstream.server_address[1]}",
        "@@LISTEN@@": f"127.0.0.1:{port}",
    }.items():
        config = config.replace(marker, value)
    (tmp_path / "nginx.conf").write_text(config)
    nginx = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if nginx.poll() is not None or time.monotonic() > deadline:
                nginx.kill()
                pytest.fail(f"nginx did not start: {nginx.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    nginx.terminate()
    nginx.wait(10)
    upstream.shutdown()
    shutil.rmtree(tmp_path, ignore_errors=True)


def _get(url: str) -> tuple[str, str]:
    with urlopen(url, timeout=5) as response:
        return response.headers["X-Cache"], response.read().decode()


def test_tracking_parameters_hit_the_same_copy(proxy):
    assert _get(proxy + "/swv/PO3009/?sector=po")[0] == "MISS"
    for query in [
        "sector=po&utm_source=nieuwsbrief",
        "utm_medium=mail&sector=po&fbclid=abc",
        "sector=po&r=123456&gclid=x&utm_campaign=y",
        "UTM_Source=a&sector=po",
    ]:
        status, body = _get(f"{proxy}/swv/PO3009/?{query}")
        assert status == "HIT", query
        assert body == "/swv/PO3009/?sector=po"  # the copy of the first request
    assert _Upstream.seen == ["/swv/PO3009/?sector=po"]


def test_parameters_the_app_reads_are_copies_of_their_own(proxy):
    for query in ["sector=po", "sector=vo", "swv=PO3009&swv=VO3001", "swv=PO3009&swv=VO3002", "r2=1", "for=1"]:
        assert _get(f"{proxy}/vergelijk/?{query}&utm_source=x")[0] == "MISS", query
    assert len(_Upstream.seen) == 6
    # The app still gets the whole address, tracking parameters included.
    assert _Upstream.seen[0] == "/vergelijk/?sector=po&utm_source=x"
