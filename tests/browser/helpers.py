"""What the browser test modules share: viewport sizes, the demo accounts' password,
screenshots, signing in, axe-core's accessibility check, starting the 360° viewer and the
web server of compose.yaml.
Fixtures (the live site, the browser, `page_at`) are in conftest.py."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / ".artifacts" / "screenshots"
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
DEMO_PASSWORD = "browser-tests-password"  # noqa: S105


def fill_login_form(page, username):
    """Type a demo account's username and password into the admin's login form."""
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)


def screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def load_axe(page):
    """axe-core (an npm development dependency) in the page, served by the test itself.

    The site never serves it: the browser context answers this one address from
    node_modules. A file of the page's own origin, because the content security policy
    refuses inline scripts, which is what add_script_tag(path=...) would insert.
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    url = f"{origin}/test-tools/{AXE_SCRIPT.name}"
    page.route(url, lambda route: route.fulfill(path=str(AXE_SCRIPT)))
    page.add_script_tag(url=url)


def serious_accessibility_violations(page):
    """axe-core on the page; returns serious and critical violations."""
    load_axe(page)
    results = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def wait_for_viewer(page):
    """The visitor presses the start button on the poster; the viewer loads and starts."""
    page.get_by_role("button", name="Commencer la visite à 360°").click()
    page.wait_for_selector('[data-visit-viewer][data-state="ready"]', timeout=30_000)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url, process, seconds, what):
    """Polls `url`/healthz until it answers; fails the test when `process` ends first or
    `seconds` pass."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=5)  # noqa: S310
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"{what} did not start")
            time.sleep(0.2)


def start_nginx(workdir, upstreams, files):
    """Debian's nginx with deploy/nginx.conf, its upstream set to `upstreams` (URLs of app
    servers), its port to a free one and its file root to `files` (holding media/ and
    static/); returns (its URL, its process). Skips (fails in CI) without nginx."""
    executable = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if executable is None:
        if os.environ.get("MEMHISTO_REQUIRE_BROWSER"):
            pytest.fail("nginx is required in CI (apt-get install nginx-light)")
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    port = free_port()
    server = (ROOT / "deploy" / "nginx.conf").read_text()
    servers = " ".join(f"server {url.removeprefix('http://')};" for url in upstreams)
    for marked, value in [
        ("server app:8000;", servers),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("root /srv;", f"root {files};"),
    ]:
        assert server.count(marked) == 1, marked
        server = server.replace(marked, value)
    (workdir / "default.conf").write_text(server)
    (workdir / "nginx.conf").write_text(
        f"""user root;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    include {workdir}/default.conf;
}}
"""
    )
    process = subprocess.Popen(  # noqa: S603
        [executable, "-c", str(workdir / "nginx.conf"), "-p", str(workdir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url, process, 20, f"nginx (its log: {workdir}/error.log)")
    return url, process
