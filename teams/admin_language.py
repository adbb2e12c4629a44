"""The admin in its user's language, where Wagtail, wagtail-localize and wagtailmedia write
English whatever the language (checked against Wagtail 8.0.1, wagtail-localize 1.14.5 and
wagtailmedia 0.19.1; tests/test_admin_language.py crawls a translator's pages for English):

- strings they mark for translation but their German or Dutch catalogues leave empty or
  fuzzy are translated in our catalogues (locale/), which Django reads first;
- two words of Wagtail's templates (in three places) have no translation tag:
  `TemplateLoader` gives them one as it reads those templates;
- Wagtail's login form leaves its password field without a label, so Django names it
  "Password": `LoginForm` gives it ours;
- wagtail-localize writes the date of a translated string with `strftime` ("am 2 December
  2026"): `install()` has it written in the admin's language ("am 2. Dezember 2026");
- its translation editor reads its JavaScript catalogue, whose Dutch translations lose
  spaces ("Publiceer inNederlands"): `JavaScriptCatalog` reads ours (djangojs.po) after it;
- its translation editor, a React app, writes "More actions" and "<source> to <target>
  translation" itself: js/translation-editor.js replaces them with `editor_words()`.
"""

import re

from django.conf import settings
from django.template.loaders import app_directories
from django.urls import path
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views import i18n
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

# Wagtail's templates that write a word without a translation tag: the text as it is
# there, and the same with a translation of ours.
SEARCH_BUTTON = ('value="Search"', 'value="{% translate "Rechercher" %}"')
UNTAGGED_STRINGS = {
    "wagtailadmin/shared/headers/_actions.html": [
        ('aria-label="Actions"', 'aria-label="{% translate "Actions" %}"'),
    ],
    "wagtailadmin/shared/header.html": [SEARCH_BUTTON],
    "wagtailadmin/home.html": [SEARCH_BUTTON],
}
EXTENDS = re.compile(r"\s*{% extends [^%]*%}")


class TemplateLoader(app_directories.Loader):
    """Django's loader of the apps' templates, which tags `UNTAGGED_STRINGS` for translation.
    Read once: the cached loader keeps what it returns."""

    def get_contents(self, origin):
        contents = super().get_contents(origin)
        replacements = UNTAGGED_STRINGS.get(origin.template_name)
        if not replacements:
            return contents
        for untagged, tagged in replacements:
            contents = contents.replace(untagged, tagged)
        extends = EXTENDS.match(contents)  # the tag that must come first
        start = extends.end() if extends else 0
        return contents[:start] + "{% load i18n %}" + contents[start:]


class LoginForm(WagtailLoginForm):
    """Wagtail's login form (WAGTAILADMIN_USER_LOGIN_FORM), its password field labelled."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mot de passe")


class JavaScriptCatalog(i18n.JavaScriptCatalog):
    """A JavaScript catalogue of apps' strings, with our corrections (locale/<language>/
    LC_MESSAGES/djangojs.po), which come after, and so first."""

    def get_paths(self, packages):
        return [*super().get_paths(packages), *map(str, settings.LOCALE_PATHS)]


def urlpatterns():
    """wagtail-localize's JavaScript catalogue, at its address, with our corrections."""
    catalogue = JavaScriptCatalog.as_view(packages=["wagtail_localize"])
    return [path("localize/jsi18n/", catalogue, name="memhisto_localize_javascript_catalog")]


def dated_in_language(get_comment):
    """wagtail-localize's comment on a translated string ("Translated manually on {date}"),
    its date in the admin's language and time zone."""
    from wagtail_localize.compat import DATE_FORMAT

    def get_comment_in_language(string_translation):
        comment = get_comment(string_translation)
        if not comment:
            return comment
        english = string_translation.updated_at.strftime(DATE_FORMAT)
        date = formats.date_format(timezone.localtime(string_translation.updated_at))
        return comment.replace(english, date)

    return get_comment_in_language


def install():
    """Called once, when the apps are ready."""
    from wagtail_localize.models import StringTranslation

    StringTranslation.get_comment = dated_in_language(StringTranslation.get_comment)


def editor_words():
    """What js/translation-editor.js writes in place of the editor's English."""
    return {
        "moreActions": _("Plus d’actions"),
        "heading": _("Traduction : %(source)s → %(target)s"),
    }
