"""The first view of a newly published page against warm views (issue #16: within 2×).

This file is also a script, run in a Django process of its own with the benchmark's
environment: it publishes the Carrière Wellington's virtual visit with new copies of its
panoramas — no rendition exists for them, as after an editor's upload — and prints the
visit's path. The benchmark then times the first anonymous view (the publication emptied
the page cache) against warm views of the same page (session cookie: the cache bypassed),
twice: once after the task worker made the renditions in the background
(`db_worker --batch`, what compose's `worker` does as tasks arrive), once before it ran, to
show what the first visitor waited for without it.
"""

import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import load
from output import verdict
from server import fetch
from services import run_script, run_tasks

WARM_VIEWS = 5


# In the benchmark's process -----------------------------------------------------------


def publish(env):
    return run_script(__file__, env)["path"]


def timed(port, path, headers=None):
    started = time.perf_counter()
    status, _body = fetch(port, path, headers)
    if status != 200:
        raise SystemExit(f"{path}: HTTP {status}")
    return (time.perf_counter() - started) * 1000


def report(port, env, session_cookie):
    bypass = {"Cookie": f"{session_cookie}=bench"}
    for worker_first in (True, False):
        path = publish(env)
        worker = f"worker {run_tasks(env):.1f} s, then " if worker_first else "no worker yet: "
        time.sleep(1.5)  # the app servers read the new cache generation within a second
        first = timed(port, path)
        warm = load.uncached_latency(port, path, WARM_VIEWS, bypass)[0]  # the median
        ratio = first / warm
        target = f"target ≤ 2×: {verdict(ratio <= 2)}" if worker_first else "(before)"
        print(
            f"   {path}: {worker}first view {first:.0f} ms, warm {warm:.0f} ms"
            f" (median of {WARM_VIEWS}): {ratio:.1f}× {target}"
        )
    run_tasks(env)  # the tasks of the second publication: nothing left waiting


# In Django's process ------------------------------------------------------------------


def main():
    """Publish the visit with new copies of its panoramas; print its path as JSON."""
    import django

    django.setup()
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    from museum_pages.models import VirtualVisitPage

    image_model = get_image_model()
    visit = VirtualVisitPage.objects.live().get(
        locale__language_code="fr", url_path__contains="/carriere-wellington/"
    )
    scenes = visit.scenes.raw_data
    for scene in scenes:
        original = image_model.objects.get(pk=scene["value"]["image"])
        with original.open_file() as file:
            data = file.read()
        copy = image_model.objects.create(
            title=original.title,
            collection=original.collection,
            file=ContentFile(data, name=Path(original.file.name).name),
        )
        scene["value"]["image"] = copy.pk
    visit.scenes = scenes
    visit.save_revision().publish()
    print(json.dumps({"path": urlsplit(visit.get_url()).path}))


if __name__ == "__main__":
    main()
