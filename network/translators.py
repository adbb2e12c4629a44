"""Translator groups: one per target language, with rights on that language's tree only.

Each language has its own page tree (its network home and everything below), so page
permissions granted on the German home reach every German page and no French one.
Translators may add, edit and publish translations; they may not delete pages, and the
French source stays out of their reach. Snippet rights are per model in Wagtail, so they
may also edit the translatable snippets (themes).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page

LANGUAGE_NAMES = dict(settings.LANGUAGES)
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("network", "change_theme"),
]


def translator_group_name(language_code):
    return f"Traducteurs — {LANGUAGE_NAMES[language_code]}"


def ensure_translator_group(language_code):
    """The translators' group of a target language, created or brought up to date."""
    locale = Locale.objects.get(language_code=language_code)
    home = Page.objects.get(depth=2, locale=locale)
    group, _created = Group.objects.get_or_create(name=translator_group_name(language_code))
    group.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in MODEL_PERMISSIONS
        )
    )
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group
