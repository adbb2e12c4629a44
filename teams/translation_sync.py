"""Translation work arrives by itself: a French publication opens the translators' drafts.

When a French page is published (new or changed), one background task (django-tasks: the
database worker in production, at once in development and tests) is enqueued once the
publication commits. It brings the page's TranslationSource up to date, then for each
target language:

- no page in that language → a draft translation is created (never live), for the
  translators of that language to find on their dashboard (teams/to_translate.py);
- a draft (not live) → rebuilt from the new source and the translations made so far;
- a live page → left as it is. Its editor shows the new and changed strings, and the page
  changes when a translator of that language publishes (teams/translation_guard.py).
  wagtail-localize's `save_target()` is never called on a live page: even with
  `publish=False` it saves the French text of every untranslated string into the live row
  (`create_or_update_translation` calls `translation.save()` before the revision), so
  French would show under /de/ at once (STYLE.md, trap 12).

Stopped translations (`Translation.enabled = False`) and pages made by hand in a language
(no Translation) are left alone. Idempotent: a source whose content has not changed
(bookkeeping fields aside: revisions, publication dates…) changes nothing, so one French
publication makes one update however often the task runs.

A changed French string is offered the previous translation of its place, as a draft to
review (`offer_previous_translations`): one sentence added to a paragraph does not empty
the paragraph's translation.

Commands that write their own translations (load_network, setup_network) run inside
`paused()`.
"""

import contextlib
import json
import threading

from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef
from django_tasks import task
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core import languages

# Fields of a page that change with each save or publication, not with its content.
BOOKKEEPING = {
    "pk",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
    "go_live_at",
    "expire_at",
    "expired",
    "owner",
    "comments",
}

_state = threading.local()


@contextlib.contextmanager
def paused():
    """No automatic synchronisation inside the block (commands that translate themselves)."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def is_paused():
    return getattr(_state, "paused", False)


def content_of(content_json):
    data = json.loads(content_json) if isinstance(content_json, str) else content_json
    return {key: value for key, value in data.items() if key not in BOOKKEEPING}


def update_source(page):
    """(TranslationSource of the French `page`, whether its content changed)."""
    page = page.specific
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is not None and content_of(source.content_json) == content_of(page.to_json()):
        return source, False
    source, _created = TranslationSource.update_or_create_from_instance(page)
    return source, True


def sync_page(page, live_facts=False):
    """Bring the translations of the published French `page` up to date (see the module's
    docstring). With `live_facts` (museum_import: the network's file of facts), a live
    translation whose every string a person has translated is published again, so its
    synchronised facts follow at once with no French and no machine text.
    Returns {language code: what was done} for the report and the tests."""
    from teams.translation_guard import missing_strings

    page = Page.objects.get(pk=page.pk).specific  # as published, with its inlines
    source, changed = update_source(page)
    done = {}
    for locale in Locale.objects.filter(language_code__in=languages.TARGETS):
        if changed:
            offer_previous_translations(source, locale)
        target = (
            Page.objects.filter(translation_key=page.translation_key, locale=locale)
            .only("pk", "live")
            .first()
        )
        translation = Translation.objects.filter(source=source, target_locale=locale).first()
        if target is not None and translation is None:
            done[locale.language_code] = "hand-made"
            continue
        if translation is not None and not translation.enabled:
            done[locale.language_code] = "stopped"
            continue
        if target is not None and not changed:
            done[locale.language_code] = "unchanged"
            continue
        if translation is None:
            translation = Translation.objects.create(source=source, target_locale=locale)
        if target is None:
            translation.save_target(publish=False)
            done[locale.language_code] = "created"
        elif not target.live:
            translation.save_target(publish=False)
            done[locale.language_code] = "rebuilt"
        elif live_facts and not missing_strings(translation):
            translation.save_target(publish=True)
            done[locale.language_code] = "republished"
        else:
            done[locale.language_code] = "live"
    return done


PREVIOUS_TRANSLATION = "Mem'Histo (previous translation)"


def offer_previous_translations(source, locale):
    """Small changes keep their translation: a changed French string (a segment whose
    context — field, StreamField block, inline row — had a person's translation of its old
    text) is offered that translation as a draft to review. It is stored as a machine
    translation, so the editor shows it and the guard (teams/translation_guard.py) counts it
    as missing until a translator saves it. Only where the context holds one string, so
    the offer is never that of another sentence. Returns the number of strings offered."""
    segments = StringSegment.objects.filter(source=source).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale=locale,
            )
        )
    )
    single = {
        context_id: string_id
        for context_id, string_id, count in segments.order_by()
        .values("context_id")
        .annotate(count=Count("pk"), string_id=Max("string_id"))
        .values_list("context_id", "string_id", "count")
        if count == 1
    }
    if not single:
        return 0
    previous = {}
    for translation in (
        StringTranslation.objects.filter(
            context_id__in=list(single),
            locale=locale,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            has_error=False,
        )
        .exclude(translation_of_id__in=list(single.values()))
        .order_by("updated_at")
    ):
        previous[translation.context_id] = translation  # the latest one wins
    StringTranslation.objects.bulk_create(
        [
            StringTranslation(
                translation_of_id=single[context_id],
                context_id=context_id,
                locale=locale,
                data=translation.data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=PREVIOUS_TRANSLATION,
            )
            for context_id, translation in previous.items()
        ],
        ignore_conflicts=True,
    )
    return len(previous)


@task()
def sync_translations(page_id):
    """The task enqueued by a French publication (pages deleted or moved since are skipped)."""
    page = Page.objects.filter(pk=page_id, locale__language_code=languages.SOURCE).first()
    if page is None or not page.live:
        return {}
    with transaction.atomic():
        return sync_page(page)


def page_published(sender, instance, **kwargs):
    """wagtail's page_published signal: one task per French publication, on commit."""
    if is_paused() or instance.depth <= 1:
        return
    if not Locale.objects.filter(pk=instance.locale_id, language_code=languages.SOURCE).exists():
        return
    page_id = instance.pk
    transaction.on_commit(lambda: sync_translations.enqueue(page_id))
