"""At desktop size, in the German admin: the German translator uploads a German MP3 into
the German recordings collection, chooses it as the German recording of a scene of the
Mimoyecques visit (a visit no other browser test reads), publishes, and the German visit
offers that file while the French one keeps the French recording. Undone at the end."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.helpers import fill_login_form, screenshot

pytestmark = pytest.mark.browser

FRENCH_MP3 = Path(__file__).resolve().parents[1] / "files" / "bonjour.mp3"
VISIT = "forteresse-mimoyecques/visite-virtuelle/"  # the French visit
GERMAN_VISIT = "forteresse-mimoyecques/virtueller-rundgang/"
TITLE = "Kommentar Mimoyecques (Browser)"
FRENCH_TITLE = "Commentaire Mimoyecques (navigateur)"

# The French scene gets a French recording and the German translation of its transcript, as
# the museum's team and the translator's earlier work would have left them. Prints the German
# visit's id and the live revisions to publish again at the end.
SETUP = """
from django.core.files.base import ContentFile
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtailmedia.models import Media
from museum_pages.models import VirtualVisitPage
from teams.permissions import museum_team
french = VirtualVisitPage.objects.get(url_path__endswith="/VISIT", locale__language_code="fr")
german = french.get_translation(Locale.objects.get(language_code="de"))
revisions = [french.live_revision_id, german.live_revision_id]
collection = museum_team(french.get_parent()).collection
data = open("FRENCH_MP3", "rb").read()
file = ContentFile(data, name="commentaire-mimoyecques.mp3")
media = Media.objects.create(title="FRENCH_TITLE", type="audio", duration=2.48,
                             collection=collection, file=file)
scene = french.scenes[0]
scene.value["audio"], scene.value["transcript"] = media, "Bonjour."
french.save_revision().publish()
source, _created = TranslationSource.update_or_create_from_instance(french)
path = "scenes." + scene.id + ".transcript"
segment = StringSegment.objects.get(source=source, context__path=path)
StringTranslation.objects.update_or_create(
    translation_of=segment.string, locale=Locale.objects.get(language_code="de"),
    context=segment.context, defaults={"data": "Guten Tag.", "translation_type": "manual"})
print(german.pk, *revisions)
"""

CLEANUP = """
from wagtail.models import Revision
from wagtail_localize.models import SegmentOverride, TranslationSource
from wagtailmedia.models import Media
from museum_pages.models import VirtualVisitPage
for revision in Revision.objects.filter(pk__in=[REVISIONS]):
    revision.publish()
french = VirtualVisitPage.objects.get(url_path__endswith="/VISIT", locale__language_code="fr")
SegmentOverride.objects.filter(context__object_id=french.translation_key).delete()
TranslationSource.update_or_create_from_instance(french)
Media.objects.filter(title__in=["FRENCH_TITLE", "TITLE"]).delete()
"""


def script(text, **values):
    for name, value in values.items():
        text = text.replace(name, str(value))
    return text


def german_mp3(tmp_path):
    """A German sentence spoken by espeak-ng, encoded by ffmpeg; the committed French MP3
    when they are missing."""
    espeak, ffmpeg = shutil.which("espeak-ng"), shutil.which("ffmpeg")
    mp3 = tmp_path / "kommentar-mimoyecques.mp3"
    if not (espeak and ffmpeg):
        shutil.copy(FRENCH_MP3, mp3)
        return mp3
    wav = tmp_path / "kommentar.wav"
    subprocess.run(  # noqa: S603
        [espeak, "-v", "de", "-w", str(wav), "Willkommen in der Festung von Mimoyecques."],
        check=True,
        capture_output=True,
    )
    subprocess.run(  # noqa: S603
        [ffmpeg, "-nostdin", "-loglevel", "error", "-y", "-i", str(wav)]
        + ["-ac", "1", "-b:a", "32k", str(mp3)],
        check=True,
        capture_output=True,
    )
    return mp3


def test_german_translator_records_a_scene_in_the_german_admin(page_at, live_site, tmp_path):
    mp3 = german_mp3(tmp_path)
    setup = script(SETUP, VISIT=VISIT, FRENCH_MP3=FRENCH_MP3, FRENCH_TITLE=FRENCH_TITLE)
    german_id, *revisions = live_site.manage("shell", "-c", setup).strip().splitlines()[-1].split()
    try:
        page = page_at("/admin/login/", locale="de-DE")
        fill_login_form(page, "translator-de")
        page.keyboard.press("Enter")
        page.wait_for_url("**/admin/")
        assert page.locator("html").get_attribute("lang") == "de"

        # Medien → Audio hinzufügen: into the German recordings collection.
        page.get_by_role("link", name="Medien").first.click()
        page.wait_for_url(re.compile(r"/admin/media/$"))
        page.get_by_role("link", name="Audio hinzufügen").click()
        page.wait_for_url(re.compile(r"/admin/media/audio/add/$"))
        page.fill("#id_title", TITLE)
        page.set_input_files("#id_file", str(mp3))
        page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
        page.wait_for_url(re.compile(r"/admin/media/$"))
        assert TITLE in page.inner_text("main")

        # The translation editor says where the recordings are chosen.
        page.goto(f"{live_site.url}/admin/pages/{german_id}/edit/")
        page.get_by_role("link", name="Aufnahmen auswählen").click()
        page.wait_for_url(re.compile(r"/recordings/$"))
        assert page.locator("h1").first.inner_text().startswith("Aufnahmen: Deutsch")
        choice = page.locator("select").first
        choice.select_option(label=TITLE)
        screenshot(page, "translator-de-recordings")
        page.get_by_role("button", name="Diese Auswahl speichern").click()
        page.wait_for_url(re.compile(rf"/admin/pages/{german_id}/edit/$"))
        assert "Aufnahmen ausgewählt" in page.inner_text("body")
        page.get_by_role("button", name="Veröffentlichen in Deutsch").click()
        page.wait_for_load_state()

        # The German visit offers the German file; the French one keeps the French file.
        visitor = page_at(f"/de/{GERMAN_VISIT}?from=recordings-test", locale="de-DE")
        sources = visitor.locator("#scene-1 audio source")
        urls = [sources.nth(n).get_attribute("src") for n in range(sources.count())]
        assert urls and all("kommentar-mimoyecques" in url for url in urls), urls
        visitor.goto(f"{live_site.url}/fr/{VISIT}?from=recordings-test")
        french = visitor.locator("#scene-1 audio source").first.get_attribute("src")
        assert "commentaire-mimoyecques" in french
    finally:
        cleanup = script(
            CLEANUP,
            REVISIONS=",".join(revisions),
            VISIT=VISIT,
            FRENCH_TITLE=FRENCH_TITLE,
            TITLE=TITLE,
        )
        live_site.manage("shell", "-c", cleanup)
