"""Virtual visits: scenes and hotspots, rendered with and without JavaScript, in four languages."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.models import Collection
from wagtail.test.utils import WagtailTestUtils
from wagtail_localize.models import OverridableSegment, TranslationSource
from wagtailmedia.models import Media

from demo.data import museum as demo_museum
from demo.data import museums
from demo.factories import ImageFactory
from demo.visits import visit_in_language, visit_words
from museum_pages.models import MuseumPage, VirtualVisitPage
from tests.helpers import LANGUAGES, image_bytes, png_bytes, queries_for

# A player without autoplay nor preloading; its first source (the upload, when it has no
# speech-sized copies: core.transcoding is off in the test settings).
PLAYER = r'<audio controls preload="none"[^>]*><source src="'


def visit_of(museum, locale):
    return VirtualVisitPage.objects.get(
        translation_key=museum.get_children().type(VirtualVisitPage).get().translation_key,
        locale=locale,
    )


def viewer_config(content):
    match = re.search(r'<script id="visit-config" type="application/json">(.*?)</script>', content)
    assert match, "the viewer configuration is embedded with json_script"
    return json.loads(match.group(1))


def scene(title="Une scène", image=None, hotspots=(), kind="panorama", audio=None, transcript=""):
    return (
        "scene",
        {
            "title": title,
            "kind": kind,
            "image": image,
            "image_alt": f"Vue de {title}",
            "text": f"Le texte de {title}.",
            "audio": audio,
            "transcript": transcript,
            "hotspots": list(hotspots),
        },
    )


def hotspot(kind="info", label="Un point", target=None, page=None, at=(10.0, 5.0)):
    return {
        "kind": kind,
        "horizontal": at[0],
        "vertical": at[1],
        "label": label,
        "text": f"Le texte de {label}.",
        "target_scene": target,
        "page": page,
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_demo_museum_has_a_visit_of_three_linked_scenes(locales, code):
    visits = VirtualVisitPage.objects.live().filter(locale=locales[code])
    assert visits.count() == len(museums())
    for visit in visits:
        assert len(visit.scenes) >= 3
        kinds = [h["kind"] for block in visit.scenes for h in block.value["hotspots"]]
        assert "scene" in kinds and "info" in kinds
        for block in visit.scenes:
            assert block.value["image"].width == 2 * block.value["image"].height  # 2:1


@pytest.mark.parametrize("code", LANGUAGES)
def test_visit_renders_scenes_texts_and_hotspots_in_each_language(client, museum, locales, code):
    visit = visit_of(museum, locales[code])
    content = client.get(visit.url).content.decode()
    texts = visit_in_language(demo_museum(museum.slug), code)["scenes"]
    for number, entry in enumerate(texts, start=1):
        title = entry["title"].replace("'", "&#x27;")
        assert f'<section class="visit-scene" id="scene-{number}"' in content
        assert title in content
        assert entry["text"].replace("'", "&#x27;") in content
    words = visit_words(code)
    assert words["information_label"] in content
    label = words["go_to_scene_label"].format(title=texts[1]["title"])
    assert label.replace("'", "&#x27;") in content
    if code != "fr":
        french = visit_in_language(demo_museum(museum.slug), "fr")["scenes"]
        assert french[0]["text"] not in content


def test_without_javascript_the_visit_is_a_readable_linear_page(client, museum):
    visit = visit_of(museum, museum.locale)
    content = client.get(visit.url).content.decode()
    # Each scene: a responsive rendition with its alt text, its text, its hotspots as a list.
    assert content.count('<figure class="visit-scene__media">') == 3
    soup = BeautifulSoup(content, "html.parser")
    images = soup.select(".visit-scene__media picture img")
    assert len(images) == 3
    for img in images:
        assert ".width-640." in img["src"] and " 1280w" in img["srcset"]
        assert img["alt"].startswith("Vue à 360° dessinée de la scène")
    assert content.count('<ul class="visit-scene__hotspots">') == 3
    assert '<a href="#scene-2">' in content and '<a href="#scene-1">' in content
    # The link hotspot of the last scene goes to the museum page, in the page's language.
    assert f'<a href="{museum.url}">' in content
    # The 360° view is hidden when scripts do not run.
    assert re.search(r'<noscript><link rel="stylesheet" href="[^"]*visit-noscript', content)
    assert ">360°</span>" in content


def test_viewer_config_is_json_whose_scene_links_point_to_existing_scenes(client, locales):
    for visit in VirtualVisitPage.objects.live().filter(locale=locales["de"]):
        config = viewer_config(client.get(visit.url).content.decode())
        ids = [entry["id"] for entry in config["scenes"]]
        assert len(ids) == len(set(ids)) >= 3
        assert config["preview"] is False
        for entry in config["scenes"]:
            assert entry["kind"] == "panorama"
            # Renditions, never the original upload; at most 4096 px for phones.
            assert "/media/images/" in entry["image"]["small"]
            assert ".width-4096." in entry["image"]["small"]
            assert ".width-8192." in entry["image"]["large"]
            assert entry["size"][0] <= 4096
            for spot in entry["hotspots"]:
                assert spot["label"]
                if spot["kind"] == "scene":
                    assert spot["target"] in ids
                    assert spot["target"] != entry["id"]
                if spot["kind"] == "page":
                    assert spot["url"].startswith("/de/")


def test_only_virtual_visit_pages_load_the_viewer(client, museum):
    visit = visit_of(museum, museum.locale)
    assert "vendor/pannellum/pannellum.js" in client.get(visit.url).content.decode()
    for url in ("/fr/", museum.url):
        content = client.get(url).content.decode()
        assert "pannellum" not in content
        assert "virtual-visit.js" not in content


def test_scene_texts_hotspots_and_positions_are_translated_or_synchronised(museum, locales):
    french = visit_of(museum, locales["fr"])
    dutch = visit_of(museum, locales["nl"])
    for fr_block, nl_block in zip(french.scenes, dutch.scenes, strict=True):
        assert fr_block.value["title"] != nl_block.value["title"]
        assert fr_block.value["image"] == nl_block.value["image"]
        for fr_spot, nl_spot in zip(
            fr_block.value["hotspots"], nl_block.value["hotspots"], strict=True
        ):
            assert (fr_spot["horizontal"], fr_spot["vertical"], fr_spot["kind"]) == (
                nl_spot["horizontal"],
                nl_spot["vertical"],
                nl_spot["kind"],
            )
            assert fr_spot["label"] != nl_spot["label"]


@pytest.fixture
def audio():
    return Media.objects.create(
        title="Commentaire",
        type="audio",
        file=ContentFile(b"ID3" + b"\0" * 64, name="commentaire.mp3"),
    )


def test_audio_commentary_is_played_with_controls_and_transcribed(client, museum, audio):
    visit = visit_of(museum, museum.locale)
    image = visit.scenes[0].value["image"]
    visit.scenes = [scene("Avec audio", image, audio=audio, transcript="Bonjour <b>à tous</b>.")]
    visit.save_revision().publish()
    content = client.get(visit.url).content.decode()
    assert re.search(PLAYER + r'[^"]*commentaire[^"]*\.mp3"', content)
    assert "Bonjour &lt;b&gt;à tous&lt;/b&gt;." in content  # escaped, in the HTML


def test_each_language_may_replace_the_audio_commentary(museum, audio):
    visit = visit_of(museum, museum.locale)
    image = visit.scenes[0].value["image"]
    visit.scenes = [scene("Avec audio", image, audio=audio, transcript="Bonjour.")]
    visit.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(visit)
    overridable = OverridableSegment.objects.filter(source=source)
    assert any(segment.data_json == json.dumps(audio.pk) for segment in overridable)


def test_same_number_of_queries_for_3_and_30_scenes(client, uncached, museum):
    visit = visit_of(museum, museum.locale)

    with_3 = queries_for(client, visit.url)
    images = [ImageFactory(title=f"Panorama {n}", size=(400, 200)) for n in range(30)]
    visit.scenes = [
        scene(
            f"Scène {n}",
            images[n],
            transcript=f"Commentaire de la scène {n}.",  # as the demo's scenes have
            hotspots=[
                hotspot(),
                hotspot("scene", "Suivante", target=(n + 1) % 30 + 1),
                hotspot("page", "Le musée", page=museum),
            ],
        )
        for n in range(30)
    ]
    visit.save_revision().publish()
    with_30 = queries_for(client, visit.url)
    assert with_30 == with_3
    assert with_3 <= 20


def test_a_hotspot_to_a_missing_scene_is_refused_and_never_breaks_the_page(client, museum):
    visit = visit_of(museum, museum.locale)
    image = visit.scenes[0].value["image"]
    visit.scenes = [scene("Seule", image, hotspots=[hotspot("scene", "Nulle part", target=9)])]
    with pytest.raises(ValidationError):
        visit.full_clean()
    visit.save(clean=False)  # as if a scene had been deleted since
    response = client.get(visit.url)
    assert response.status_code == 200
    assert "Nulle part" not in response.content.decode()
    assert viewer_config(response.content.decode())["scenes"][0]["hotspots"] == []


def test_hotspot_positions_outside_the_image_are_refused(db):
    from museum_pages.visit_blocks import SceneBlock

    block = SceneBlock()
    image = ImageFactory(size=(400, 200))
    value = block.to_python(
        {**scene("Hors champ", image.pk)[1], "hotspots": [hotspot(at=(200.0, 0.0))]}
    )
    with pytest.raises(ValidationError):
        block.clean(value)
    photo = block.to_python(
        {**scene("Photo", image.pk, kind="photo")[1], "hotspots": [hotspot(at=(50.0, 120.0))]}
    )
    with pytest.raises(ValidationError):
        block.clean(photo)


def test_a_visit_without_scenes_still_renders(client, museum):
    visit = visit_of(museum, museum.locale)
    visit.scenes = []
    visit.save_revision().publish()
    content = client.get(visit.url).content.decode()
    assert "visit-config" not in content and "pannellum" not in content


def test_editor_preview_shows_the_position_under_the_pointer(museum):
    visit = visit_of(museum, museum.locale)
    response = visit.make_preview_request()
    content = response.content.decode()
    assert viewer_config(content)["preview"] is True
    assert "data-visit-coords" in content


def test_visit_pages_only_under_a_museum():
    from home.models import NetworkHomePage

    assert VirtualVisitPage.can_create_at(MuseumPage()) is True
    assert VirtualVisitPage.can_create_at(NetworkHomePage()) is False
    assert VirtualVisitPage.allowed_subpage_models() == []


class TestUploadLimits(WagtailTestUtils):
    def post_image(self, client, data, name):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile(name, data, content_type="image/png")
        collection = Collection.get_first_root_node()
        return client.post(
            "/admin/images/add/",
            {"title": "Panorama", "file": upload, "collection": collection.pk},
        )

    def test_a_file_over_30_mb_is_refused_with_a_message(self, superuser_client):
        data = image_bytes((64, 32), colour="red") + b"\0" * (30 * 1024 * 1024)
        response = self.post_image(superuser_client, data, "huge.png")
        assert response.status_code == 200
        errors = response.context["form"].errors["file"]
        assert "30" in errors[0]
        assert errors[0] in response.content.decode().replace("&#x27;", "'")

    @pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
    def test_an_image_over_16384_by_8192_pixels_is_refused_with_a_message(self, superuser_client):
        small_file_too_many_pixels = png_bytes((16384 + 64, 8192), mode="1")
        response = self.post_image(superuser_client, small_file_too_many_pixels, "wide.png")
        assert response.status_code == 200
        errors = response.context["form"].errors["file"]
        assert "134217728" in errors[0].replace("\u202f", "").replace(" ", "")

    def test_a_panorama_at_the_limit_is_accepted(self, superuser_client):
        response = self.post_image(superuser_client, png_bytes((16384, 8192), "1"), "limit.png")
        assert response.status_code == 302, response.context["form"].errors
