"""Demo virtual visits: three scenes per museum, each a 2:1 equirectangular panorama drawn
by Pillow at load time (demo/placeholders.py): the museum's motif ahead, at the viewer's
yaw 0, a landscape (or a quarry's gallery) all around, and no text.
"""

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail_localize.models import TranslationSource

from core import languages
from core.translation import text_pairs, translate
from demo.audio import SpeechUnavailable
from demo.data import in_language, network
from demo.factories import ImageFactory, VirtualVisitPageFactory
from demo.placeholders import draw_panorama, motif_of

PANORAMA_SIZE = (2048, 1024)

# Where the hotspots sit (degrees): within the first view, so a visitor sees them at once.
INFO_AT = (-35.0, -12.0)
NEXT_AT = (35.0, 0.0)
PREVIOUS_AT = (-90.0, 0.0)
PAGE_AT = (90.0, 0.0)


def scene_values(scenes, words, museum_page=None, images=None):
    """The StreamField value of the visit and its texts, in the same order in every language."""
    count = len(scenes)
    values, texts = [], []
    for number, scene in enumerate(scenes, start=1):
        alt = words["scene_image_alt"].format(title=scene["title"])
        texts.extend([scene["title"], alt, scene["text"], scene["transcript"]])
        hotspots = [hotspot("info", INFO_AT, words["information_label"], words["information_text"])]
        if number < count:
            label = words["go_to_scene_label"].format(title=scenes[number]["title"])
            hotspots.append(hotspot("scene", NEXT_AT, label, target=number + 1))
        if number > 1:
            label = words["go_to_scene_label"].format(title=scenes[number - 2]["title"])
            hotspots.append(hotspot("scene", PREVIOUS_AT, label, target=number - 1))
        if number == count:
            label, text = words["museum_page_label"], words["museum_page_text"]
            hotspots.append(hotspot("page", PAGE_AT, label, text, page=museum_page))
        for entry in hotspots:
            texts.extend([entry["label"], entry["text"]])
        values.append(
            (
                "scene",
                {
                    "title": scene["title"],
                    "kind": "panorama",
                    "image": images[number - 1] if images else None,
                    "image_alt": alt,
                    "text": scene["text"],
                    "audio": None,  # spoken by ensure_commentaries(), when it can
                    "transcript": scene["transcript"],
                    "hotspots": hotspots,
                },
            )
        )
    return values, texts


def hotspot(kind, position, label, text="", target=None, page=None):
    return {
        "kind": kind,
        "horizontal": position[0],
        "vertical": position[1],
        "label": label,
        "text": text,
        "target_scene": target,
        "page": page,
    }


def visit_words(code):
    """The words around the scenes of every visit (network.json), in one language."""
    return {
        name: in_language(text, code) for name, text in network()["virtual_visit_words"].items()
    }


def visit_in_language(museum, code):
    """The museum's visit title, intro and scenes (title, text, transcript) in one language."""
    visit = museum["virtual_visit"]
    scenes = [
        {"title": in_language(scene["title"], code), "text": in_language(scene["text"], code)}
        for scene in visit["scenes"]
    ]
    intro = in_language(visit["intro"], code)
    words = visit_words(code)  # network.json, read once for all the scenes
    for number, scene in enumerate(scenes, start=1):
        scene["transcript"] = commentary(intro, scenes, number, words)
    return {"title": in_language(visit["title"], code), "intro": intro, "scenes": scenes}


def commentary(intro, scenes, number, words):
    """What the audio commentary of scene `number` says (its transcript, word for word): the
    scene, the visit's intro on the first, the scene's text, then the way on
    (network.json's `commentary_*` words) — 20 to 40 seconds read aloud."""
    scene, count = scenes[number - 1], len(scenes)
    opening = words["commentary_opening"].format(number=number, count=count, title=scene["title"])
    if number < count:
        ending = words["commentary_next"].format(title=scenes[number]["title"])
    else:
        ending = words["commentary_end"]
    parts = [opening, intro if number == 1 else "", scene["text"], ending]
    return " ".join(part for part in parts if part)


def visit_slugs():
    """{language: the slug of every museum's virtual visit} (network.json)."""
    return network()["page_slugs"]["virtual_visit"]


def visit_texts(museum, code):
    visit = visit_in_language(museum, code)
    _values, scene_texts = scene_values(visit["scenes"], visit_words(code))
    return [
        visit["title"],
        visit["intro"],
        in_language(museum["museum_page"]["title"], code),
        *scene_texts,
        visit_slugs()[code],
    ]


def ensure_visit(command, museum, data):
    """The museum's virtual visit with its scenes, in the four languages; idempotent.

    `museum` is the French museum page, `data` the museum's demo data."""
    source = visit_in_language(data, languages.SOURCE)
    texts = {code: visit_texts(data, code) for code in languages.CODES}
    slug = visit_slugs()[languages.SOURCE]
    visit = museum.get_children().filter(slug=slug, locale=command.source_locale).first()
    if visit is not None and len(visit.specific.scenes):
        command.ensure_translations(visit.specific, texts)
        ensure_commentaries(command, visit.specific, data)
        return visit.specific
    colour = museum.themes.first().colour
    collection = command.museum_collection(museum.title)
    images = [
        ImageFactory(
            title=f"{museum.title} – {scene['title']}",
            collection=collection,
            file=ContentFile(
                draw_panorama(scene["title"], colour, PANORAMA_SIZE, motif_of(data)),
                name=f"{slugify(scene['title'])[:40] or 'scene'}-360.jpg",
            ),
        )
        for scene in source["scenes"]
    ]
    scenes, _texts = scene_values(source["scenes"], visit_words(languages.SOURCE), museum, images)
    if visit is None:
        visit = VirtualVisitPageFactory(
            parent=museum,
            slug=slug,
            locale=command.source_locale,
            title=source["title"],
            intro=source["intro"],
            hero_image=museum.hero_image,
            hero_image_alt=museum.title,
            scenes=scenes,
        )
        command.created += 1
        command.ensure_translations(visit, texts)
    else:  # a visit built before scenes existed: give it its scenes
        visit = visit.specific
        visit.scenes, visit.body = scenes, []
        visit.save_revision().publish()
        command.created += 1
        command.ensure_translations(visit, texts, update=True)
    ensure_commentaries(command, visit, data)
    return visit


def ensure_commentaries(command, visit, data):
    """Each scene's transcript in each language and its recording: see ensure_spoken."""
    scenes = {code: visit_in_language(data, code)["scenes"] for code in languages.CODES}
    texts = {code: visit_texts(data, code) for code in languages.CODES}
    ensure_spoken(command, visit, "scenes", scenes, texts)


def ensure_spoken(command, page, field, items, texts):
    """The transcript of each block of `page.<field>` (a visit's scenes, a guide's tracks)
    in each language and, when the demo speaks (`command.speaker`, demo/audio.py), its own
    recording of it in that language: the French recording in the French page, each
    translation's as the translator's replacement of it (a segment override), so no
    language plays another's. `items` is {language: [{"title", "transcript"}…]}, `texts`
    {language: the page's texts} for translate(). Idempotent: what is already in place is
    left as it is (a second run speaks nothing either)."""
    recordings = speak_items(command, page, items)
    changed = False
    for block, item, recording in zip(
        getattr(page, field), items[languages.SOURCE], recordings[languages.SOURCE], strict=True
    ):
        if block.value["transcript"] != item["transcript"]:
            block.value["transcript"], changed = item["transcript"], True
        if recording is not None and block.value["audio"] != recording:
            block.value["audio"], changed = recording, True
    if changed:
        page.save_revision().publish()
        TranslationSource.update_or_create_from_instance(page)
        command.created += 1
    for code in languages.TARGETS:
        locale = command.locales[code]
        translated = page.get_translation(locale).specific
        wanted = list(zip(getattr(translated, field), items[code], recordings[code], strict=True))
        if not changed and all(
            block.value["transcript"] == item["transcript"]
            and (recording is None or block.value["audio"] == recording)
            for block, item, recording in wanted
        ):
            continue
        overrides = {
            f"{field}.{block.id}.audio": recording.pk
            for block, _item, recording in wanted
            if recording is not None
        }
        translate(
            page,
            locale,
            text_pairs(texts[languages.SOURCE], texts[code]),
            overrides=overrides,
        )
        command.created += 1


def speak_items(command, page, items):
    """{language: [the audio item of each item's transcript, or None]}."""
    recordings = {code: [None] * len(items[code]) for code in languages.CODES}
    speaker = command.speaker
    if speaker is None:
        return recordings
    museum = page.get_parent().title
    collection = command.museum_collection(museum)
    try:
        for code in languages.CODES:
            for index, item in enumerate(items[code]):
                title = f"{item['title']} – {museum} ({code})"
                recordings[code][index] = speaker.speak(item["transcript"], code, collection, title)
    except SpeechUnavailable as error:
        command.speech_failed(error)
        return {code: [None] * len(items[code]) for code in languages.CODES}
    return recordings
