"""What a museum team sees first in the admin: "my museum"."""

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page, WorkflowState

from core import languages
from museum_pages.models import EventPage
from teams.permissions import user_museum_teams
from teams.translation_status import statuses

LIST_LENGTH = 10


@dataclass
class MuseumSummary:
    museum: Page
    explore_url: str
    waiting: list = field(default_factory=list)
    outdated_translations: list = field(default_factory=list)
    events_without_image: list = field(default_factory=list)
    languages: list = field(default_factory=list)  # names of the target languages
    translations: list = field(default_factory=list)  # [TranslationRow]

    @property
    def heading(self):
        return _("Mon musée : %(title)s") % {"title": self.museum.title}

    @property
    def panel_id(self):
        return f"my-museum-{self.museum.pk}"


@dataclass
class TranslationCell:
    state: str  # "missing", "draft", "waiting", "done"
    label: str
    url: str = ""


@dataclass
class TranslationRow:
    title: str
    url: str
    cells: list


def translation_cell(status):
    if status is None:
        return TranslationCell("missing", _("pas encore de traduction"))
    if status.strings:
        label = ngettext(
            "%(count)s texte à traduire", "%(count)s textes à traduire", status.strings
        ) % {"count": status.strings}
        return TranslationCell("waiting", label, status.edit_url)
    if not status.live:
        return TranslationCell("draft", _("traduite, à publier"), status.edit_url)
    return TranslationCell("done", _("à jour"), status.edit_url)


def translation_table(museum):
    """The museum's French pages × target languages: where each translation stands
    (one query for the pages, three per language)."""
    pages = list(
        Page.objects.filter(path__startswith=museum.path, locale_id=museum.locale_id)
        .order_by("path")
        .values_list("pk", "translation_key", "title")
    )
    keys = [key for _pk, key, _title in pages]
    by_language = [
        statuses(locale, keys)
        for locale in sorted(
            Locale.objects.filter(language_code__in=languages.TARGETS),
            key=lambda locale: languages.TARGETS.index(locale.language_code),
        )
    ]
    return [
        TranslationRow(
            title,
            reverse("wagtailadmin_pages:edit", args=[pk]),
            [translation_cell(found.get(key)) for found in by_language],
        )
        for pk, key, title in pages
    ]


def user_museums(user):
    """The museums (French pages) whose team `user` belongs to."""
    keys = user_museum_teams(user).values("museum_key")
    return list(
        Page.objects.filter(
            translation_key__in=keys, locale__language_code=languages.SOURCE
        ).order_by("title")
    )


def subtree(museum):
    """The museum's pages in every language."""
    museums = Page.objects.filter(translation_key=museum.translation_key, depth=museum.depth)
    paths = Q()
    for path in museums.values_list("path", flat=True):
        paths |= Q(path__startswith=path)
    return Page.objects.filter(paths) if paths else Page.objects.none()


def museum_summary(museum):
    pages = subtree(museum)
    waiting_ids = WorkflowState.objects.active().filter(
        base_content_type__model="page",
        base_content_type__app_label="wagtailcore",
        object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
    )
    waiting = (
        pages.filter(pk__in=[int(pk) for pk in waiting_ids.values_list("object_id", flat=True)])
        .select_related("locale")
        .order_by("-latest_revision_created_at")[:LIST_LENGTH]
    )
    source_published = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=languages.SOURCE,
    ).values("last_published_at")[:1]
    outdated = (
        pages.exclude(locale__language_code=languages.SOURCE)
        .annotate(source_published_at=Subquery(source_published))
        .filter(source_published_at__gt=F("latest_revision_created_at"))
        .select_related("locale")
        .order_by("path")[:LIST_LENGTH]
    )
    events = (
        EventPage.objects.filter(
            path__startswith=museum.path, hero_image__isnull=True, start_at__gte=timezone.now()
        )
        .select_related("locale")
        .order_by("start_at")[:LIST_LENGTH]
    )
    return MuseumSummary(
        museum=museum,
        explore_url=reverse("wagtailadmin_explore", args=[museum.pk]),
        waiting=list(waiting),
        outdated_translations=list(outdated),
        events_without_image=list(events),
        languages=[languages.NAMES[code] for code in languages.TARGETS],
        translations=translation_table(museum),
    )


def museum_start_url(user):
    """Where a museum editor starts in the admin: their museum's pages; None otherwise."""
    if user.is_superuser:
        return None
    museums = user_museums(user)
    if len(museums) != 1:
        return None
    return reverse("wagtailadmin_explore", args=[museums[0].pk])
