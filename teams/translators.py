"""Translator groups: one per target language, with rights on that language's tree only.

Each language has its own page tree (its network home and everything below), so page
permissions granted on the German home reach every German page and no French one.
Translators may add, edit and publish translations; they may not delete, move, copy or
unpublish pages (teams/rights.py), and the French source stays out of their reach. They
request translations into their own language only: wagtail-localize's `submit_translation`
permission (any page into any language) is the network team's. Snippet rights are per
model in Wagtail, so they may also edit the translatable snippets (themes).

Each language also has its collection of recordings ("Enregistrements — Deutsch"), where its
translators add and change media: the recordings they give the pages of their language in
place of the French commentary (teams/translator_recordings.py). wagtailmedia has no
"choose" permission, so they choose from it and from nowhere else; they delete nothing.
"""

from wagtail.models import Locale, Page

from core import languages
from museum_pages.models import LanguageRecordings
from teams.permissions import (
    ADMIN_ACCESS,
    collection_named,
    ensure_group,
    grant_collection_permissions,
    grant_page_permissions,
    model_permissions,
)

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MODEL_PERMISSIONS = [
    *ADMIN_ACCESS,
    "network.change_theme",
]
RECORDINGS_PERMISSIONS = {"wagtailmedia": ["add_media", "change_media"]}
# Given to translators before teams/rights.py: taken back from groups made then.
NOT_FOR_TRANSLATORS = ["wagtail_localize.submit_translation"]


def translator_group_name(language_code):
    return f"Traducteurs — {languages.NAMES[language_code]}"


def recordings_collection_name(language_code):
    return f"Enregistrements — {languages.NAMES[language_code]}"


def ensure_recordings_collection(language_code):
    """The collection of a target language's recordings, created if missing (a name the
    network team gave it stays)."""
    recordings = (
        LanguageRecordings.objects.filter(language_code=language_code)
        .select_related("collection")
        .first()
    )
    if recordings is None:
        collection, _created = collection_named(recordings_collection_name(language_code))
        recordings = LanguageRecordings.objects.create(
            language_code=language_code, collection=collection
        )
    return recordings.collection


def ensure_translator_group(language_code):
    """The translators' group of a target language, created or brought up to date, with
    its rights on the language's pages and on its recordings."""
    home = Page.objects.get(depth=2, locale=Locale.objects.get(language_code=language_code))
    group = ensure_group(translator_group_name(language_code), MODEL_PERMISSIONS)
    grant_page_permissions(group, [home], PAGE_PERMISSIONS)
    grant_collection_permissions(
        group, ensure_recordings_collection(language_code), RECORDINGS_PERMISSIONS
    )
    group.permissions.remove(*model_permissions(NOT_FOR_TRANSLATORS))
    return group
