"""Translator groups: one per target language, with rights on that language's tree only.

Each language has its own page tree (its network home and everything below), so page
permissions granted on the German home reach every German page and no French one.
Translators may add, edit and publish translations; they may not delete, move, copy or
unpublish pages (teams/rights.py), and the French source stays out of their reach. They
request translations into their own language only: wagtail-localize's `submit_translation`
permission (any page into any language) is the network team's. Snippet rights are per
model in Wagtail, so they may also edit the translatable snippets (themes).
"""

from wagtail.models import Locale, Page

from core import languages
from teams.permissions import (
    ADMIN_ACCESS,
    ensure_group,
    grant_page_permissions,
    model_permissions,
)

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MODEL_PERMISSIONS = [
    *ADMIN_ACCESS,
    "network.change_theme",
]
# Given to translators before teams/rights.py: taken back from groups made then.
NOT_FOR_TRANSLATORS = ["wagtail_localize.submit_translation"]


def translator_group_name(language_code):
    return f"Traducteurs — {languages.NAMES[language_code]}"


def ensure_translator_group(language_code):
    """The translators' group of a target language, created or brought up to date."""
    home = Page.objects.get(depth=2, locale=Locale.objects.get(language_code=language_code))
    group = ensure_group(translator_group_name(language_code), MODEL_PERMISSIONS)
    grant_page_permissions(group, [home], PAGE_PERMISSIONS)
    group.permissions.remove(*model_permissions(NOT_FOR_TRANSLATORS))
    return group
