"""Demo audio guides: one per museum, three numbered tracks with their transcripts, in the
four languages (demo/audio_guides.json), each track read in each language by the demo's
speech (demo/audio.py) when it speaks; without it, the page says in each language that it
has no recording and shows the transcript."""

from core import languages
from demo.data import audio_guides, in_language
from demo.factories import AudioGuidePageFactory
from demo.visits import ensure_spoken


def track_values(tracks, code):
    """The StreamField value of the guide and its texts, in the same order in every language."""
    values, texts = [], []
    for track in tracks:
        title = in_language(track["title"], code)
        transcript = in_language(track["transcript"], code)
        texts.extend([title, transcript])
        value = {"number": track["number"], "title": title, "audio": None}
        values.append(("track", {**value, "transcript": transcript}))
    return values, texts


def guide_texts(guide, tracks, museum_title, code):
    _values, track_texts = track_values(tracks, code)
    return [
        in_language(guide["title"], code),
        in_language(guide["intro"], code),
        museum_title[code],  # the hero image's alt text: the museum's picture
        *track_texts,
        guide["slug"][code],
    ]


def ensure_audio_guide(command, museum, data):
    """The museum's audio guide in the four languages; idempotent. `museum` is the French
    museum page, `data` the museum's demo data. None for a museum without tracks."""
    everything = audio_guides()
    guide, tracks = everything["guide"], everything["museums"].get(data["slug"])
    if not tracks:
        return None
    museum_title = data["museum_page"]["title"]
    texts = {code: guide_texts(guide, tracks, museum_title, code) for code in languages.CODES}
    slug = guide["slug"][languages.SOURCE]
    page = museum.get_children().filter(slug=slug, locale=command.source_locale).first()
    if page is not None:
        command.ensure_translations(page.specific, texts)
        return spoken(command, page.specific, tracks, texts)
    values, _texts = track_values(tracks, languages.SOURCE)
    page = AudioGuidePageFactory(
        parent=museum,
        slug=slug,
        locale=command.source_locale,
        title=in_language(guide["title"], languages.SOURCE),
        intro=in_language(guide["intro"], languages.SOURCE),
        hero_image=museum.hero_image,
        hero_image_alt=museum_title[languages.SOURCE],
        tracks=values,
    )
    command.created += 1
    command.ensure_translations(page, texts)
    return spoken(command, page, tracks, texts)


def spoken(command, page, tracks, texts):
    items = {
        code: [
            {"title": in_language(track["title"], code), "transcript": track_text}
            for track, track_text in zip(
                tracks, [in_language(track["transcript"], code) for track in tracks], strict=True
            )
        ]
        for code in languages.CODES
    }
    ensure_spoken(command, page, "tracks", items, texts)
    return page
