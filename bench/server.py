"""The site under gunicorn: started on a free local port, stopped at the end, and fetched from.

gunicorn serves `bench/media_wsgi.py` (the site plus /media/) with the production settings,
2 workers; every request says `X-Forwarded-Proto: https`, as the TLS proxy would.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from services import BENCH, PYTHON, ROOT

HTTPS = {"X-Forwarded-Proto": "https"}  # production redirects plain HTTP to HTTPS


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env, port, log_path):
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "media_wsgi:application",
        "--chdir",
        str(ROOT),
        "--pythonpath",
        f"{ROOT},{BENCH}",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--backlog",
        "2048",
        # gunicorn ≥ 25.1 opens a control socket at one fixed path in $HOME by default.
        "--no-control-socket",
    ]
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until_up(server, port, log_path)
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        print(f"   gunicorn stopped (log: {log_path})")


def wait_until_up(server, port, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with {server.returncode}:\n{Path(log_path).read_text()}")
        with contextlib.suppress(OSError):
            status, _ = fetch(port, "/fr/")
            if status:
                return
        time.sleep(0.5)
    sys.exit(f"gunicorn did not answer within 60 s:\n{Path(log_path).read_text()}")


def fetch(port, path, headers=None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={**HTTPS, **(headers or {})}
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
