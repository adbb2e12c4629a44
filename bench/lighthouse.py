"""Lighthouse on the running server: category scores, bytes, JavaScript gzipped, failed requests.

Lighthouse is pinned in bench/package.json and bench/package-lock.json, installed with
`npm ci --prefix bench` (`make bench` does it); it drives Debian's Chromium
(`apt-get install chromium`). Neither is installed from here: `missing()` says what is.
"""

import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from output import short, verdict
from server import HTTPS, fetch
from services import BENCH

BINARY = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def chromium():
    return shutil.which("chromium") or shutil.which("/usr/bin/chromium")


def missing():
    """What Lighthouse needs and this machine lacks, each with the command that installs it."""
    needs = []
    if not chromium():
        needs.append("chromium (Debian's, for Lighthouse): apt-get install chromium")
    if not BINARY.exists():
        needs.append("Lighthouse (bench/package-lock.json): npm ci --prefix bench")
    return needs


# The phase ----------------------------------------------------------------------------


def audit_pages(port, pages, directory):
    """Lighthouse on each {kind: path} page, every figure beside its target."""
    for kind, path in pages.items():
        result = lighthouse(port, path, directory)
        if result is None:
            print(f"   {kind:8} {short(path)} Lighthouse failed three times")
            continue
        scores, total, js_gzip, scripts, failed = lighthouse_figures(port, result)
        perf, a11y = scores["performance"], scores["accessibility"]
        practices, seo = scores["best-practices"], scores["seo"]
        ok = perf >= 95 and a11y == 100 and practices >= 95 and seo == 100
        print(
            f"   {kind:8} {short(path)} performance {perf:3}  accessibility {a11y:3}"
            f"  best practices {practices:3}  SEO {seo:3}  target: {verdict(ok)}"
        )
        weight = f"   {'':8} transferred {total / 1024:6.1f} KB"
        if kind == "home":
            weight += f" (target ≤ 400 KB: {verdict(total <= 400 * 1024)})"
        js_ok = kind in ("home", "visit") or js_gzip <= 50 * 1024
        weight += f"  JavaScript {js_gzip / 1024:5.1f} KB gzipped"
        if kind not in ("home", "visit"):
            weight += f" (target ≤ 50 KB outside map and viewer: {verdict(js_ok)})"
        print(weight)
        for url in scripts:
            print(f"   {'':8}   script {url}")
        if lost := lost_points(result):
            print(f"   {'':8}   points lost in {lost}")
        for url, count in summarise(failed, port).items():
            print(f"   {'':8}   failed request {url}" + (f" ×{count}" * (count > 1)))


# One report ---------------------------------------------------------------------------


def lighthouse(port, path, directory):
    report = Path(directory) / f"lighthouse-{path.strip('/').replace('/', '-') or 'root'}.json"
    env = {**os.environ, "CHROME_PATH": chromium()}
    command = [
        str(BINARY),
        f"http://127.0.0.1:{port}{path}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--extra-headers={json.dumps(HTTPS)}",
    ]
    for attempt in range(1, 4):  # Chromium sometimes fails to record a trace: try again
        run = subprocess.run(command, env=env, timeout=300, capture_output=True, text=True)
        if run.returncode == 0:
            return json.loads(report.read_text())
        print(f"   (Lighthouse on {path}, attempt {attempt}: {run.stderr.strip()[-200:]})")
    return None


def lighthouse_figures(port, result):
    # A category whose audits could not run has no score: shown as 0, never as a pass.
    categories = {k: round((v["score"] or 0) * 100) for k, v in result["categories"].items()}
    items = result["audits"]["network-requests"]["details"]["items"]
    total = sum(item.get("transferSize", 0) for item in items)
    scripts = [i for i in items if i.get("resourceType") == "Script"]
    script_gzip = 0
    for item in scripts:
        url = item["url"]
        if url.startswith(f"http://127.0.0.1:{port}/"):
            _status, body = fetch(port, url.split(str(port), 1)[1], {"Accept-Encoding": "identity"})
            script_gzip += len(gzip.compress(body, 9))
        else:
            script_gzip += item.get("transferSize", 0)
    failed = [i["url"] for i in items if not 200 <= i.get("statusCode", 200) < 400]
    return categories, total, script_gzip, [i["url"] for i in scripts], failed


def summarise(urls, port):
    """Our failed URLs one by one; other sites' (map tiles) counted per host."""
    counted = {}
    for url in urls:
        key = url if url.startswith(f"http://127.0.0.1:{port}/") else urlsplit(url).netloc
        counted[key] = counted.get(key, 0) + 1
    return counted


def lost_points(result):
    """The audits that cost points, per category: what to look at to reach the targets."""
    lost = {}
    for name, category in result["categories"].items():
        for ref in category["auditRefs"]:
            score = result["audits"][ref["id"]]["score"]
            if ref["weight"] and score is not None and score < 1:
                lost.setdefault(name, []).append(f"{ref['id']} ({score:.2f})")
    return "; ".join(f"{name}: {', '.join(audits)}" for name, audits in lost.items())
