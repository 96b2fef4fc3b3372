"""gunicorn's settings for this site: `gunicorn -c python:verantwoording.gunicorn_conf verantwoording.wsgi` (as the
README's production command, the tests and the benchmark start it); options on its command line still win."""

import sys

# The longest request line gunicorn can read (its default is 4094): as long as what nginx passes by default
# (large_client_header_buffers 8k), so a long address is the site's to answer (a Dutch 404), not the server's.
limit_request_line = 8190


def post_worker_init(worker):
    """The requests gunicorn refuses itself get the site's Dutch page (verantwoording.server)."""
    from verantwoording import server  # here, not at the top: gunicorn reads this file before Django is set up

    server.install(worker)


def local_command(*, port: int, workers: int, options: tuple[str, ...] = ()) -> list[str]:
    """How the tests and the benchmark start the site with these settings on 127.0.0.1 (gunicorn reads only its
    own setting names from this module)."""
    return [
        *(sys.executable, "-m", "gunicorn", "-c", "python:verantwoording.gunicorn_conf", "verantwoording.wsgi"),
        *("-b", f"127.0.0.1:{port}", "-w", str(workers), *options),
    ]
