"""Where each page stands in each language: what the dashboards show (teams/to_translate.py).

A page waits for a language's translators when its translation (wagtail-localize's, kept
up to date by teams/translation_sync.py) is a draft, or has strings without a person's
translation (machine drafts included: teams/translation_guard.py). Three queries per
language, whatever the number of pages: the translations, their pages, the strings
missing.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail_localize.models import Translation

from teams.translation_guard import missing_segments

MUSEUM_DEPTH = 3  # root, network home, museum (or a common page of the network)


@dataclass
class Status:
    """One page in one language."""

    page_id: int
    title: str
    path: str
    live: bool
    changed_at: object  # when the French source last changed
    strings: int = 0  # strings without a person's translation
    words: int = 0

    @property
    def waiting(self):
        return bool(self.strings) or not self.live

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])

    @property
    def top_path(self):
        return self.path[: Page.steplen * MUSEUM_DEPTH]


def statuses(locale, translation_keys=None):
    """{translation key: Status} of the pages translated into `locale` through
    wagtail-localize (optionally only those of `translation_keys`)."""
    translations = Translation.objects.filter(target_locale=locale, enabled=True)
    if translation_keys is not None:
        translations = translations.filter(source__object_id__in=translation_keys)
    sources = {
        key: (source_id, changed_at)
        for source_id, key, changed_at in translations.values_list(
            "source_id", "source__object_id", "source__last_updated_at"
        )
    }
    pages = Page.objects.filter(locale=locale, translation_key__in=list(sources)).values_list(
        "pk", "translation_key", "title", "path", "live"
    )
    found, by_source = {}, {}
    for pk, key, title, path, live in pages:
        source_id, changed_at = sources[key]
        found[key] = by_source[source_id] = Status(pk, title, path, live, changed_at)
    missing = (
        missing_segments(locale.pk)
        .filter(source_id__in=list(by_source))
        .values_list("source_id", "string__data")
    )
    for source_id, text in missing:
        status = by_source[source_id]
        status.strings += 1
        status.words += len(strip_tags(text).split())
    return found


def waiting_pages(locale):
    """[Status] of the pages waiting for `locale`'s translators, oldest French change first."""
    waiting = [status for status in statuses(locale).values() if status.waiting]
    return sorted(waiting, key=lambda status: (status.changed_at, status.path))
