"""What the benchmark prints: headings, PASS/FAIL verdicts, shortened paths, phase timings.

Each phase's wall-clock time is printed with its CPU steal, read from /proc/stat: figures
measured while the hypervisor gives the machine's CPU to others are not worth comparing.
"""

import contextlib
import time
from pathlib import Path


def heading(text):
    print(f"\n== {text}", flush=True)


def verdict(ok):
    return "PASS" if ok else "FAIL"


def short(path, width=44):
    return f"{path[: width - 1]}…" if len(path) > width else f"{path:{width}}"


def cpu_times():
    """(steal, total) CPU ticks of the machine so far, from /proc/stat (Linux)."""
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().split()[1:9]]
    except (OSError, ValueError):
        return (0, 0)
    return (fields[7], sum(fields))


def steal_share(before, after):
    """The share of CPU time the hypervisor gave to other machines between two readings:
    on a shared host, figures measured while it is high are not worth comparing."""
    total = after[1] - before[1]
    return (after[0] - before[0]) / total if total else 0.0


class Phases:
    """Wall-clock time and CPU steal of each phase, printed as it ends and summed up."""

    def __init__(self):
        self.times = []

    @contextlib.contextmanager
    def __call__(self, name):
        heading(name)
        started, cpu = time.perf_counter(), cpu_times()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            steal = steal_share(cpu, cpu_times())
            self.times.append((name, elapsed, steal))
            print(f"   ({name}: {elapsed:.1f} s, CPU steal {steal:.0%})", flush=True)

    def summary(self):
        heading("Phase timings (CPU steal: time the hypervisor gave to other machines)")
        width = max(len(name) for name, _elapsed, _steal in self.times)
        for name, elapsed, steal in self.times:
            print(f"   {name:{width}} {elapsed:7.1f} s  steal {steal:4.0%}")
        print(f"   {'total':{width}} {sum(t for _n, t, _s in self.times):7.1f} s")
