"""On a phone, in a museum: a visitor types the number they see next to an object, lands on
its track, sets the playback speed, plays it with the keyboard and opens its transcript —
and nothing of any recording is downloaded before they press play."""

import re

import pytest

from tests.browser.helpers import PHONE, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser

GUIDE = "/fr/musee-somme-1916/audioguide/"

# Recordings for the first two tracks of the French guide (the demo has none yet), in the
# museum's collection; RESTORE puts the guide back as the demo made it.
ATTACH = """
from pathlib import Path
from django.core.files.base import ContentFile
from wagtailmedia.models import Media
from museum_pages.models import AudioGuidePage
from teams.permissions import museum_team
guide = AudioGuidePage.objects.get(url_path__endswith="/musee-somme-1916/audioguide/",
                                   locale__language_code="fr")
collection = museum_team(guide.get_parent()).collection
data = Path("tests/files/bonjour.mp3").read_bytes()
for block in list(guide.tracks)[:2]:
    block.value["audio"] = Media.objects.create(
        title=f"Audioguide (navigateur) {block.value['number']}", type="audio", duration=2.48,
        collection=collection, file=ContentFile(data, name="audioguide-navigateur.mp3"))
guide.save_revision().publish()
print(guide.tracks[1].value["title"])
"""
RESTORE = """
from wagtailmedia.models import Media
from museum_pages.models import AudioGuidePage
guide = AudioGuidePage.objects.get(url_path__endswith="/musee-somme-1916/audioguide/",
                                   locale__language_code="fr")
for block in guide.tracks:
    block.value["audio"] = None
guide.save_revision().publish()
Media.objects.filter(title__startswith="Audioguide (navigateur)").delete()
"""


def press_tab_until(page, script, limit=20):
    """Presses Tab until `script` (a function of document.activeElement) says yes."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({script})(document.activeElement)"):
            return
    pytest.fail(f"Tab never reached {script}")


def test_a_visitor_finds_a_track_by_its_number_and_plays_it_with_the_keyboard(page_at, live_site):
    second_title = live_site.manage("shell", "-c", ATTACH).strip().splitlines()[-1]
    try:
        page = page_at("/healthz", viewport=PHONE)
        audio_requests = []
        page.on(
            "request",
            lambda request: (
                audio_requests.append(request.url) if "/media/media/" in request.url else None
            ),
        )
        page.goto(live_site.url + GUIDE)
        page.wait_for_load_state("networkidle")
        players = page.locator("audio")
        assert players.count() == 2
        for index in range(2):
            assert players.nth(index).get_attribute("preload") == "none"
            assert players.nth(index).get_attribute("autoplay") is None
        assert audio_requests == []  # nothing of the recordings before play
        assert re.fullmatch(r"3 pistes, \d+\xa0ko", page.inner_text(".audio-guide__summary"))
        # The third track has no recording: it says so and shows its transcript.
        assert "Pas d'enregistrement dans cette langue" in page.inner_text("#piste-3")
        assert page.locator("#piste-3 details").get_attribute("open") is not None
        assert serious_accessibility_violations(page) == []
        screenshot(page, "audio-guide-390x844")

        # The number seen on site, then Enter: the track, without reloading the page.
        page.fill("#audio-guide-number", "2")
        page.press("#audio-guide-number", "Enter")
        page.wait_for_function("() => location.hash === '#piste-2'")
        assert page.evaluate("() => document.activeElement.id") == "piste-2"
        assert second_title in page.inner_text("#piste-2 h2")

        # The speed, for every track, remembered for the next visit.
        assert page.locator("#audio-guide-rate").is_visible()
        page.select_option("#audio-guide-rate", "1.5")
        assert page.evaluate(
            "() => [...document.querySelectorAll('audio')].map(a => a.playbackRate)"
        ) == [
            1.5,
            1.5,
        ]

        # Play with the keyboard: Tab from the track to its player, then Space.
        page.focus("#piste-2")
        press_tab_until(page, "element => element.matches('#piste-2 audio')")
        assert audio_requests == []
        page.evaluate(
            "() => document.addEventListener('play', event => (window.played ||= []).push("
            "[event.target.closest('section').id, event.target.playbackRate]), true)"
        )
        with page.expect_request(lambda request: "/media/media/" in request.url):
            page.keyboard.press("Space")
        page.wait_for_function("() => window.played && window.played.length")
        assert page.evaluate("() => window.played") == [["piste-2", 1.5]]
        # The lock screen shows the track and the guide.
        metadata = page.evaluate(
            "() => { const m = navigator.mediaSession.metadata;"
            " return m && [m.title, m.album, m.artwork.length]; }"
        )
        assert metadata[0] == f"2. {second_title}" and metadata[1] == "Audioguide"
        assert metadata[2] == 1

        # One track at a time: starting the first pauses the second.
        page.evaluate(
            "() => { const second = document.querySelector('#piste-2 audio');"
            " second.loop = true; return second.play().catch(() => null); }"
        )
        page.wait_for_function("() => !document.querySelector('#piste-2 audio').paused")
        page.evaluate("() => document.querySelector('#piste-1 audio').play().catch(() => null)")
        page.wait_for_function("() => document.querySelector('#piste-2 audio').paused")
        assert page.evaluate("() => document.querySelector('#piste-1 audio').paused") is False

        # The transcript, opened with the keyboard.
        assert page.locator("#piste-2 details").get_attribute("open") is None
        press_tab_until(page, "element => element.matches('#piste-2 summary')")
        page.keyboard.press("Enter")
        assert page.locator("#piste-2 details").get_attribute("open") is not None
        assert page.locator("#piste-2 details p").is_visible()
        screenshot(page, "audio-guide-track-2-390x844")

        # A number the guide does not have: the page says so.
        page.fill("#audio-guide-number", "42")
        page.press("#audio-guide-number", "Enter")
        page.wait_for_url(re.compile(r"\?piste=42$"))
        assert "Ce guide n'a pas de piste 42." in page.inner_text("#audio-guide-message")
        assert page.evaluate("() => document.querySelector('#audio-guide-rate').value") == "1.5"
    finally:
        live_site.manage("shell", "-c", RESTORE)
