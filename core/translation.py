"""Locales, and translations made through wagtail-localize's API from texts written per language.

Used by setup_network (the network's skeleton pages) and the demo (demo.data). The texts
are entered as translations of the French source's segments, exactly where a translator's
work would be stored, so that the translation editor shows them and keeps them in step.
"""

import json

from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, extract_strings

from core import languages


def ensure_locales():
    """The site's locales, created when missing: ({code: Locale}, how many were created)."""
    locales, created = {}, 0
    for code in languages.CODES:
        locales[code], new = Locale.objects.get_or_create(language_code=code)
        created += new
    return locales, created


# The segment of a page's slug: the one that may stay untranslated, the page then keeping
# its French slug, a valid address (teams.translation_guard).
SLUG_PATH = "slug"


class MissingText(Exception):
    """A segment of the source has no text in the target language."""


# German writes an umlaut as its vowel and an e where the letter cannot be used.
GERMAN_SPELLING = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def slug_of(text, code, length=60):
    """The ASCII slug of a title in language `code`, at most `length` characters:
    "Dünkirchen, 1940–1944" gives "duenkirchen-1940-1944" in German."""
    if code == "de":
        text = text.translate(GERMAN_SPELLING)
    for dash in "–—/":
        text = text.replace(dash, "-")
    return slugify(text)[:length].strip("-")


def source_slug(slug):
    """The French slug of a page's data: a synchronised slug is one string (a museum, the
    home), a translated one is {language: slug}."""
    return slug[languages.SOURCE] if isinstance(slug, dict) else slug


def with_slug(texts, slug):
    """{language: a page's texts} followed by its slug in each language when the slug is
    translated ({language: slug}): the slug is one more segment to translate."""
    if not isinstance(slug, dict):
        return texts
    return {code: [*page_texts, slug[code]] for code, page_texts in texts.items()}


def text_pairs(source_texts, target_texts):
    """Map each French segment text to its translation; plain and rich text alike."""
    pairs = {}
    for source, target in zip(source_texts, target_texts, strict=True):
        if not source:
            continue
        if source.lstrip().startswith("<"):
            _template, source_strings = extract_strings(source)
            _template, target_strings = extract_strings(target)
            for (source_string, _a), (target_string, _b) in zip(
                source_strings, target_strings, strict=True
            ):
                pairs[source_string.data] = target_string.data
        else:
            pairs[StringValue.from_plaintext(source).data] = StringValue.from_plaintext(target).data
    return pairs


def translate(instance, locale, pairs, tool_name="Mem'Histo", overrides=None):
    """Create or update the `locale` translation of `instance` from French→target pairs.

    `overrides` maps the path of an overridable segment (a chooser: "scenes.<block id>.audio")
    to this language's value (an id), where a translator's replaced recording is stored.
    Returns the translated instance. Raises MissingText when a segment has no text, so
    that French is never published under another language; a slug without one stays French.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for path, value in (overrides or {}).items():
        segment = OverridableSegment.objects.select_related("context").get(
            source=source, context__path=path
        )
        SegmentOverride.objects.update_or_create(
            locale=locale, context=segment.context, defaults={"data_json": json.dumps(value)}
        )
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = pairs.get(segment.string.data)
        if text is None:
            if segment.context.path != SLUG_PATH:
                missing.append(segment.string.data)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": tool_name,
            },
        )
    if missing:
        raise MissingText(f"{instance} → {locale.language_code}: no text for {missing!r}")
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return instance.get_translation(locale)
    # wagtail-localize publishes a page when the transaction commits, from the page as it was
    # then: a child added in between (setup_network's common pages under the translated
    # homes) would be forgotten by its parent (numchild), and the next child would collide.
    translation.save_target(publish=False)
    instance.get_translation(locale).get_latest_revision().publish()
    return instance.get_translation(locale)  # as published (live, its URL)
