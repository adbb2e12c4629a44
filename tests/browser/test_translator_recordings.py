"""At desktop size, in the translator's own admin language (en, de, nl): the translator
uploads an MP3 spoken in their language into their language's recordings collection,
chooses it as the recording of a scene of the Mimoyecques visit (a visit no other browser
test reads) in their translation, publishes, and the visit in their language offers that
file while the French one keeps the French recording. Undone at the end."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.helpers import fill_login_form, screenshot

pytestmark = pytest.mark.browser

FRENCH_MP3 = Path(__file__).resolve().parents[1] / "files" / "bonjour.mp3"
VISIT = "forteresse-mimoyecques/visite-virtuelle/"  # the French visit
FRENCH_TITLE = "Commentaire Mimoyecques (navigateur)"

# What each translator meets, in their admin's words (Wagtail's, wagtailmedia's and ours),
# and what they record: a sentence spoken by espeak-ng in that language.
TRANSLATORS = {
    "en": {
        "language": "English",
        "visit": "forteresse-mimoyecques/virtual-tour/",
        "title": "Mimoyecques commentary (browser)",
        "file": "commentary-mimoyecques",
        "spoken": "Welcome to the Mimoyecques fortress.",
        "transcript": "Hello.",
        "media": "Media",
        "add_audio": "Add audio",
        "choose": "Choose the recordings",
        "heading": "Recordings: English",
        "save": "Save these choices",
        "saved": "Recordings chosen",
        "publish": "Publish in English",
    },
    "de": {
        "language": "Deutsch",
        "visit": "forteresse-mimoyecques/virtueller-rundgang/",
        "title": "Kommentar Mimoyecques (Browser)",
        "file": "kommentar-mimoyecques",
        "spoken": "Willkommen in der Festung von Mimoyecques.",
        "transcript": "Guten Tag.",
        "media": "Medien",
        "add_audio": "Audio hinzufügen",
        "choose": "Aufnahmen auswählen",
        "heading": "Aufnahmen: Deutsch",
        "save": "Diese Auswahl speichern",
        "saved": "Aufnahmen ausgewählt",
        "publish": "Veröffentlichen in Deutsch",
    },
    "nl": {
        "language": "Nederlands",
        "visit": "forteresse-mimoyecques/virtuele-rondleiding/",
        "title": "Commentaar Mimoyecques (browser)",
        "file": "commentaar-mimoyecques",
        "spoken": "Welkom in het fort van Mimoyecques.",
        "transcript": "Goedendag.",
        "media": "Media",
        "add_audio": "Audio toevoegen",
        "choose": "Opnamen kiezen",
        "heading": "Opnamen: Nederlands",
        "save": "Deze keuzes opslaan",
        "saved": "Opnamen gekozen",
        "publish": "Publiceer in Nederlands",
    },
}

# The French scene gets a French recording and the translation of its transcript, as the
# museum's team and the translator's earlier work would have left them. Prints the
# translated visit's id and the live revisions to publish again at the end.
SETUP = """
from django.core.files.base import ContentFile
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtailmedia.models import Media
from museum_pages.models import VirtualVisitPage
from teams.permissions import museum_team
french = VirtualVisitPage.objects.get(url_path__endswith="/VISIT", locale__language_code="fr")
translated = french.get_translation(Locale.objects.get(language_code="LANGUAGE"))
revisions = [french.live_revision_id, translated.live_revision_id]
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
    translation_of=segment.string, locale=Locale.objects.get(language_code="LANGUAGE"),
    context=segment.context, defaults={"data": "TRANSCRIPT", "translation_type": "manual"})
print(translated.pk, *revisions)
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


def spoken_mp3(tmp_path, language, words):
    """A sentence in `language` spoken by espeak-ng, encoded by ffmpeg; the committed French
    MP3 when they are missing."""
    espeak, ffmpeg = shutil.which("espeak-ng"), shutil.which("ffmpeg")
    mp3 = tmp_path / f"{words['file']}.mp3"
    if not (espeak and ffmpeg):
        shutil.copy(FRENCH_MP3, mp3)
        return mp3
    wav = tmp_path / "spoken.wav"
    subprocess.run(  # noqa: S603
        [espeak, "-v", language, "-w", str(wav), words["spoken"]],
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


@pytest.mark.parametrize("language", TRANSLATORS)
def test_translator_records_a_scene_in_their_admin_language(page_at, live_site, tmp_path, language):
    words = TRANSLATORS[language]
    mp3 = spoken_mp3(tmp_path, language, words)
    setup = script(
        SETUP,
        VISIT=VISIT,
        FRENCH_MP3=FRENCH_MP3,
        FRENCH_TITLE=FRENCH_TITLE,
        LANGUAGE=language,
        TRANSCRIPT=words["transcript"],
    )
    translated_id, *revisions = (
        live_site.manage("shell", "-c", setup).strip().splitlines()[-1].split()
    )
    try:
        page = page_at("/admin/login/", locale=language)
        fill_login_form(page, f"translator-{language}")
        page.keyboard.press("Enter")
        page.wait_for_url("**/admin/")
        assert page.locator("html").get_attribute("lang") == language

        # Media → Add audio: into the recordings collection of the translator's language.
        page.get_by_role("link", name=words["media"], exact=True).first.click()
        page.wait_for_url(re.compile(r"/admin/media/$"))
        page.get_by_role("link", name=words["add_audio"], exact=True).click()
        page.wait_for_url(re.compile(r"/admin/media/audio/add/$"))
        page.fill("#id_title", words["title"])
        page.set_input_files("#id_file", str(mp3))
        page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
        page.wait_for_url(re.compile(r"/admin/media/$"))
        assert words["title"] in page.inner_text("main")

        # The translation editor says where the recordings are chosen.
        page.goto(f"{live_site.url}/admin/pages/{translated_id}/edit/")
        page.get_by_role("link", name=words["choose"]).click()
        page.wait_for_url(re.compile(r"/recordings/$"))
        assert page.locator("h1").first.inner_text().startswith(words["heading"])
        choice = page.locator("select").first
        choice.select_option(label=words["title"])
        screenshot(page, f"translator-{language}-recordings")
        page.get_by_role("button", name=words["save"]).click()
        page.wait_for_url(re.compile(rf"/admin/pages/{translated_id}/edit/$"))
        assert words["saved"] in page.inner_text("body")
        page.get_by_role("button", name=words["publish"]).click()
        page.wait_for_load_state()

        # The visit in the translator's language offers their file; the French one keeps
        # the French file.
        visitor = page_at(f"/{language}/{words['visit']}?from=recordings-test", locale=language)
        sources = visitor.locator("#scene-1 audio source")
        urls = [sources.nth(n).get_attribute("src") for n in range(sources.count())]
        assert urls and all(words["file"] in url for url in urls), urls
        visitor.goto(f"{live_site.url}/fr/{VISIT}?from=recordings-test")
        french = visitor.locator("#scene-1 audio source").first.get_attribute("src")
        assert "commentaire-mimoyecques" in french
    finally:
        cleanup = script(
            CLEANUP,
            REVISIONS=",".join(revisions),
            VISIT=VISIT,
            FRENCH_TITLE=FRENCH_TITLE,
            TITLE=words["title"],
        )
        live_site.manage("shell", "-c", cleanup)
