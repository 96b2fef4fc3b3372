"""gunicorn's part (installed by gunicorn_conf.py): the requests gunicorn refuses itself, before Django sees
them, get the site's Dutch error page instead of gunicorn's English one.

Those are requests no browser sends, or sends only by mistake: a raw non-ASCII byte or a space in the
address, an address longer than limit_request_line, a header gunicorn cannot parse, a body that breaks off
(the worker times out). gunicorn writes them with `gunicorn.util.write_error`, which every worker calls
through the module; that function is replaced here by one that writes the same status with the page of
verantwoording.errors, marked no-store so no proxy or CDN keeps it.
"""

import gunicorn.util

from verantwoording.errors import standalone_page
from verantwoording.security import build_policy

_pages: dict[int, bytes] = {}  # rendered once per status and process: a flood of broken requests costs no renders


def _page(status: int) -> bytes:
    if status not in _pages:
        _pages[status] = standalone_page(status).encode("utf-8")
    return _pages[status]


def write_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn.util.write_error's signature; gunicorn's own message (English, with the refused input) goes to
    its log, not to the visitor."""
    body = _page(status_int)
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\n"
        "Connection: close\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Cache-Control: no-store\r\n"
        f"Content-Security-Policy: {build_policy()}\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "X-Frame-Options: DENY\r\n"
        "\r\n"
    )
    gunicorn.util.write_nonblock(sock, head.encode("latin-1") + body)


def install(worker) -> None:
    """gunicorn's post_worker_init hook: Django is loaded in the worker by now (the page needs its templates)."""
    gunicorn.util.write_error = write_error
