"""Load on the running server: wrk throughput against the ceiling, uncached latency, rotating load.

`wrk` is a Debian package (`apt-get install wrk`); production.py checks that it is there.
"""

import json
import subprocess
import time
from pathlib import Path

from output import short, verdict
from server import HTTPS, fetch

# The phases ---------------------------------------------------------------------------


def cached_pages(port, pages, static_path, duration):
    """(a, b) Throughput of each {kind: path} page as a share of the static-file ceiling."""
    # On a shared machine the ceiling itself moves by ±10 % from one run to the
    # next: each page is measured in rounds that alternate with the ceiling — the
    # static file WhiteNoise serves — and compared with the ceiling of its own rounds.
    ceilings = []
    for kind, path in pages.items():
        for _ in range(3):
            fetch(port, path)
        page, ceiling = alternating(port, path, static_path, duration)
        ceilings.append(ceiling)
        ratio = page["rps"] / ceiling["rps"] if ceiling["rps"] else 0
        note = " (search is never cached)" if kind == "search" else ""
        print(
            f"   {kind:8} {short(path)} {page['rps']:9.0f} req/s"
            f"  {ratio:6.1%} of ceiling  errors {page['errors']}"
            f"  target ≥ 90 %: {verdict(ratio >= 0.9)}{note}"
        )
    runs = " / ".join(str(round(ceiling["rps"])) for ceiling in ceilings)
    errors = sum(ceiling["errors"] for ceiling in ceilings)
    print(f"   ceiling {short(static_path, 45)} {runs} req/s  errors {errors}")


def uncached_pages(port, pages, requests, session_cookie):
    """(c) p50 and p95 of each {kind: path} page, its page cache bypassed by a session cookie."""
    bypass = {"Cookie": f"{session_cookie}=bench"}
    for kind, path in pages.items():
        p50, p95 = uncached_latency(port, path, requests, bypass)
        target = f"  target p50 ≤ 40 ms: {verdict(p50 <= 40)}" if kind == "museum" else ""
        print(f"   {kind:8} {short(path)} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms{target}")


def rotating_load(port, paths, duration, directory):
    """(d) wrk -t2 -c32 rotating over all `paths` for `duration` seconds: errors must be 0."""
    started = time.perf_counter()
    for path in paths:  # first visits render renditions and fill the page cache
        fetch(port, path)
    print(f"   first visit of the {len(paths)} URLs: {time.perf_counter() - started:.1f} s")
    script = rotation_script(paths, directory)
    load = wrk(port, "/", duration, script=script)
    print(
        f"   {len(paths)} URLs (all page types, four languages)  "
        f"{load['requests']} requests  {load['rps']:.0f} req/s  errors {load['errors']} "
        f"(socket {load['socket_errors']}, non-2xx/3xx {load['non_2xx_3xx']})"
        f"  target 0 errors: {verdict(load['errors'] == 0)}"
    )


# wrk ----------------------------------------------------------------------------------


def wrk(port, path, duration, connections=32, threads=2, script=None, headers=None):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"]
    for name, value in {**HTTPS, **(headers or {})}.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    command.append(f"http://127.0.0.1:{port}{path}")
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return parse_wrk(output)


def alternating(port, path, static_path, duration, rounds=2):
    """wrk on `path` and on the ceiling's static file in alternating rounds, `duration`
    seconds in all for each: ({rps, errors} of the page, {rps, errors} of the ceiling)."""
    runs = {path: [], static_path: []}
    seconds = max(1, round(duration / rounds))  # wrk takes whole seconds
    for _ in range(rounds):
        for target in (static_path, path):
            runs[target].append(wrk(port, target, seconds))
    return tuple(
        {
            "rps": sum(run["rps"] for run in runs[target]) / rounds,
            "errors": sum(run["errors"] for run in runs[target]),
        }
        for target in (path, static_path)
    )


def parse_wrk(output):
    result = {"requests": 0, "rps": 0.0, "errors": 0, "non_2xx_3xx": 0, "socket_errors": 0}
    for line in output.splitlines():
        words = line.split()
        if "requests in" in line:
            result["requests"] = int(words[0])
        elif line.startswith("Requests/sec:"):
            result["rps"] = float(words[1])
        elif line.strip().startswith("Non-2xx or 3xx responses:"):
            result["non_2xx_3xx"] = int(words[-1])
        elif line.strip().startswith("Socket errors:"):
            # Socket errors: connect 0, read 0, write 0, timeout 0
            result["socket_errors"] = sum(int(w.strip(",")) for w in words[3::2])
    result["errors"] = result["non_2xx_3xx"] + result["socket_errors"]
    return result


def rotation_script(paths, directory):
    script = Path(directory) / "rotate.lua"
    listed = ", ".join(json.dumps(p) for p in paths)
    script.write_text(
        f"local paths = {{{listed}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\n"
        "end\n"
    )
    return script


# Latency ------------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def uncached_latency(port, path, requests, bypass):
    """Sequential requests with a session cookie (so the page cache is bypassed), in ms."""
    fetch(port, path, bypass)
    durations = []
    for _ in range(requests):
        started = time.perf_counter()
        status, _body = fetch(port, path, bypass)
        durations.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status} (uncached)")
    return percentile(durations, 0.5), percentile(durations, 0.95)
