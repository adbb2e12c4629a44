"""The "À traduire" dashboard panel.

- A translator sees the pages waiting in their language (teams/translation_status.py),
  grouped by museum, the museum whose French changed longest ago first, each with the
  number of strings and words to translate and a link straight into the translation editor.
- The network team sees how many pages wait in each language.

Museum teams see their museum's pages in each language in "Mon musée" (teams/dashboard.py).
Queries: four per language shown, whatever the number of pages waiting.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from core import languages
from teams.rights import rights_of
from teams.translation_status import MUSEUM_DEPTH, waiting_pages


@dataclass
class Group:
    title: str
    pages: list = field(default_factory=list)


@dataclass
class LanguageWork:
    name: str
    groups: list = field(default_factory=list)
    count: int = 0

    @property
    def summary(self):
        return ngettext(
            "%(language)s : %(count)s page attend",
            "%(language)s : %(count)s pages attendent",
            self.count,
        ) % {"language": self.name, "count": self.count}


def language_work(locale, grouped=True):
    pages = waiting_pages(locale)
    work = LanguageWork(languages.NAMES[locale.language_code], count=len(pages))
    if not grouped or not pages:
        return work
    tops = dict(Page.objects.filter(locale=locale, depth=MUSEUM_DEPTH).values_list("path", "title"))
    groups = {}
    for page in pages:  # oldest first: a museum comes where its oldest page comes
        top = page.top_path
        title = tops.get(top, _("Réseau")) if page.path != top else page.title
        groups.setdefault(top, Group(title)).pages.append(page)
    work.groups = list(groups.values())
    return work


class ToTranslatePanel(Component):
    name = "to_translate"
    order = 40
    template_name = "teams/admin/to_translate_panel.html"

    def __init__(self, codes, per_page):
        self.codes, self.per_page = codes, per_page

    def get_context_data(self, parent_context):
        locales = Locale.objects.filter(language_code__in=self.codes)
        order = {code: index for index, code in enumerate(languages.CODES)}
        work = [
            language_work(locale, grouped=self.per_page)
            for locale in sorted(locales, key=lambda locale: order[locale.language_code])
        ]
        return {"work": work, "per_page": self.per_page}


def panel_for(user):
    """The panel for `user`: their languages' pages, or every language's counts."""
    rights = rights_of(user)
    if rights.everything:
        return ToTranslatePanel(languages.TARGETS, per_page=False)
    codes = sorted(set(rights.translator_groups.values()))
    if codes:
        return ToTranslatePanel(codes, per_page=True)
    return None
