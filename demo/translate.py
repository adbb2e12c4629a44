"""Translating demo pages and snippets through wagtail-localize's own API.

The texts are written for the demo in each language (demo.data). They are entered as
translations of the French source's segments, exactly where a translator's work would be
stored, so that the translation editor shows them and keeps them in step.
"""

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings


class MissingDemoText(Exception):
    pass


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


def translate(instance, locale, pairs, tool_name="Mem'Histo demo"):
    """Create or update the `locale` translation of `instance` from French→target pairs.

    Returns the translated instance. Raises MissingDemoText when a segment has no text, so
    that the demo never publishes French under another language.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = pairs.get(segment.string.data)
        if text is None:
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
        raise MissingDemoText(f"{instance} → {locale.language_code}: no text for {missing!r}")
    translation.save_target(publish=True)
    return instance.get_translation(locale)
