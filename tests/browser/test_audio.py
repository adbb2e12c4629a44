"""On a phone: a museum editor uploads an MP3 through the admin's menu (Média → Ajouter un
son) into their museum's collection; a visitor's virtual visit offers it with
`preload="none"`, and nothing of it is downloaded before the visitor presses play."""

import re
from pathlib import Path

import pytest

from tests.browser.helpers import PHONE, fill_login_form, screenshot

pytestmark = pytest.mark.browser

MP3 = Path(__file__).resolve().parents[1] / "files" / "bonjour.mp3"
VISIT = "/fr/carriere-wellington/visite-virtuelle/"

ATTACH = """
from museum_pages.models import VirtualVisitPage
from wagtailmedia.models import Media
media = Media.objects.get(title="Bienvenue (navigateur)")
visit = VirtualVisitPage.objects.get(url_path__endswith="/carriere-wellington/visite-virtuelle/",
                                     locale__language_code="fr")
scene = visit.scenes[0].value
scene["audio"], scene["transcript"] = media, "Bonjour, bienvenue à la carrière Wellington."
visit.save_revision().publish()
print(media.collection.name, media.duration, media.file.name, sep="|")
"""


def test_an_editor_uploads_an_mp3_and_a_visitor_loads_it_only_on_play(page_at, live_site):
    page = page_at("/admin/login/?next=/admin/", viewport=PHONE)
    fill_login_form(page, "wellington-editor")
    page.click("button[type=submit]")
    page.wait_for_load_state()

    # The menu, as on a phone: open the sidebar, then Média.
    page.get_by_role("button", name="Afficher/masquer la barre latérale").first.click()
    page.get_by_role("link", name="Média").click()
    page.wait_for_url(re.compile(r"/admin/media/$"))
    page.get_by_role("link", name="Ajouter un son").click()
    page.wait_for_url(re.compile(r"/admin/media/audio/add/$"))
    page.fill("#id_title", "Bienvenue (navigateur)")
    page.set_input_files("#id_file", str(MP3))
    screenshot(page, "audio-upload-390x844")
    page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/media/$"))
    assert "Bienvenue (navigateur)" in page.inner_text("main")

    output = live_site.manage("shell", "-c", ATTACH).strip().splitlines()[-1]
    collection, duration, name = output.split("|")
    assert collection.startswith("Carrière Wellington")  # the museum's own collection
    assert 2.3 < float(duration) < 2.7
    assert name.startswith("media/") and name.endswith(".mp3")

    visitor = page_at("/healthz", viewport=PHONE)
    audio_requests = []
    visitor.on(
        "request",
        lambda request: audio_requests.append(request.url) if "/media/media/" in request.url else 0,
    )
    # A query string of its own: the server's page cache (in its process) has the page as it
    # was before the shell published the recording.
    visitor.goto(live_site.url + VISIT + "?from=audio-test")
    visitor.wait_for_load_state("networkidle")
    player = visitor.locator("#scene-1 audio")
    assert player.get_attribute("preload") == "none"
    assert player.get_attribute("autoplay") is None
    assert player.get_attribute("controls") is not None
    assert audio_requests == []
    screenshot(visitor, "audio-visit-before-play-390x844")

    player.scroll_into_view_if_needed()
    with visitor.expect_request(lambda request: "/media/media/" in request.url):
        player.evaluate("audio => audio.play().catch(() => null)")
    assert audio_requests and audio_requests[0].endswith(".mp3")
