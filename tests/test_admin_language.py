"""The admin speaks its translator's language (issue 15, point 6): the pages a German or
Dutch translator works in show no English interface word — ours, Wagtail's,
wagtail-localize's, wagtailmedia's, dates included — and the English admin no French
string of ours (our msgids are French). The same kind of check as the public pages' French
strings (tests/test_interface_strings.py), on the text a person sees or hears."""

import datetime
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import wagtail_localize
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtailmedia.models import Media

from demo.factories import ExhibitPageFactory
from museum_pages.models import ExhibitPage, VirtualVisitPage
from museum_pages.practical.opening_hours import PARIS
from teams.permissions import museum_team
from tests.helpers import ROOT, demo_user, french_interface_strings, sign_in

# Words of Wagtail's, wagtail-localize's and wagtailmedia's English interface that are no
# German or Dutch word ("Status", "Filter", "Live", "Dashboard", "Workflow", "April"… are
# also German, and left out).
ENGLISH_WORDS = [
    *["More actions", "Actions", "Translate", "Translation", "translation", "Edit", "Save"],
    *["Publish", "Unpublish", "Delete", "Cancel", "Search", "Sort", "Draft", "Preview"],
    *["History", "Settings", "Choose", "Submit", "Unlock", "Locked", "Comments", "Show"],
    *["Hide", "Close", "Images", "Documents", "Reports", "Help", "Log out", "Created"],
    *["Updated", "ago", "Size", "Collection", "Language", "Password", "Notifications"],
    *["Apply", "Clear", "Next", "Previous", "Yes", "Done", "Back", "View", "Revisions"],
    *["Compare", "Current", "Latest", "Your", "You", "the", "and", "with", "for", "this"],
    *["Media files", "Page", "Pages", "Title", "Select", "Remove", "Sync", "Copy", "Move"],
    *["Private", "Public", "minutes", "hours", "days", "Today", "Yesterday", "Account"],
    *["Upload", "Filters", "January", "February", "March", "May", "June", "July"],
    *["October", "December"],
]
ALSO_DUTCH = {"Account", "Upload", "Filters"}
# What wagtail-localize's editor (a React app) shows that its page carries as data.
EDITOR_WORDS = re.compile(r'"(label|field|subField|fieldHelpText|comment|name)": "([^"]+)"')
GETTEXT_CALL = re.compile(r"""gettext\(\s*(['"])(.+?)\1\s*\)""")


def english_words(code):
    words = [w for w in ENGLISH_WORDS if not (code == "nl" and w in ALSO_DUTCH)]
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")


class VisibleText(HTMLParser):
    """The text a page shows or reads out: its text outside scripts and styles, and the
    titles, labels, placeholders, alternatives, tooltips and button values of its elements."""

    SPOKEN = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}

    def __init__(self, page):
        super().__init__()
        self.texts, self.hidden = [], 0
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")
        attributes = dict(attrs)
        for name, value in attrs:
            is_button = name == "value" and attributes.get("type") in ("submit", "button")
            if value and (name in self.SPOKEN or is_button):
                self.texts.append(value)

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.texts.append(data.strip())


def shown_texts(content):
    """The visible text of an admin page, and what its translation editor will show."""
    texts = VisibleText(content).texts
    props = re.search(r'class="js-translation-editor" data-props="([^"]*)"', content)
    if props:
        data = json.dumps(json.loads(html.unescape(props.group(1))), ensure_ascii=False)
        texts += [text for _key, text in EDITOR_WORDS.findall(data)]
        words = re.search(r'id="translation-editor-words"[^>]*>(.*?)</script>', content)
        texts += json.loads(words.group(1)).values()
    return texts


@pytest.fixture
def commented_visit(museum, locales):
    """The Wellington visit, its first scene commented in French: its translations'
    recordings are chosen in a form of ours (teams/translator_recordings.py)."""
    french = VirtualVisitPage.objects.child_of(museum).get()
    french.scenes[0].value["audio"] = Media.objects.create(
        title="commentaire-fr.mp3",
        type="audio",
        duration=2.48,
        collection=museum_team(museum).collection,
        file=ContentFile((ROOT / "tests/files/bonjour.mp3").read_bytes(), name="commentaire.mp3"),
    )
    french.save_revision().publish()
    TranslationSource.update_or_create_from_instance(french)
    return french


@pytest.fixture
def translator_pages(museum, locales, commented_visit, django_capture_on_commit_callbacks):
    """The addresses a translator of each language works at, with a French exhibit waiting
    for them on the dashboard and a translated string dated 2 December 2026."""
    with django_capture_on_commit_callbacks(execute=True):
        waiting = ExhibitPageFactory(parent=museum, title="Les tunneliers néo-zélandais")
    StringTranslation.objects.update(updated_at=datetime.datetime(2026, 12, 2, 10, tzinfo=PARIS))

    def pages(code):
        home = Page.objects.get(depth=2, locale=locales[code])
        translated = museum.get_translation(locales[code])
        exhibit = ExhibitPage.objects.child_of(translated).live().first()
        draft = waiting.get_translation(locales[code])
        visit = commented_visit.get_translation(locales[code])
        compare = [exhibit.pk, "earliest", "latest"]
        return [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore", args=[home.pk]),
            reverse("wagtailadmin_explore", args=[translated.pk]),
            reverse("wagtailadmin_pages:edit", args=[exhibit.pk]),
            reverse("wagtailadmin_pages:edit", args=[draft.pk]),
            reverse("wagtailadmin_pages:edit", args=[visit.pk]),
            reverse("memhisto_translator_recordings", args=[visit.pk]),
            reverse("wagtailadmin_pages:history", args=[exhibit.pk]),
            reverse("wagtailadmin_pages:revisions_compare", args=compare),
            reverse("wagtailadmin_pages:search") + "?q=Arras",
            reverse("wagtailmedia:index"),
            reverse("wagtailmedia:add", args=["audio"]),
            reverse("wagtailadmin_account"),
        ]

    return pages


@pytest.mark.parametrize(("code", "date"), [("de", "2. Dezember 2026"), ("nl", "2 december 2026")])
def test_a_translators_admin_has_no_english_word(client, translator_pages, code, date):
    english, french = english_words(code), french_interface_strings(code)

    def foreign_words(url, **headers):
        response = client.get(url, **headers)
        assert response.status_code == 200, url
        texts = shown_texts(response.content.decode())
        found = {word for text in texts for word in english.findall(text)}
        return found | {string for string in french if any(string in text for text in texts)}

    # The login page speaks the browser's language…
    login = reverse("wagtailadmin_login")
    assert foreign_words(login, HTTP_ACCEPT_LANGUAGE=code) == set()
    # …and the admin its user's.
    sign_in(client, demo_user(f"translator-{code}"))
    for url in translator_pages(code):
        assert foreign_words(url) == set(), url
    # The translated strings' dates in the editor, in the language.
    content = client.get(translator_pages(code)[3]).content.decode()
    assert f"{date}" in html.unescape(content)
    # The "À traduire" panel has the waiting exhibit (the dashboard above was not empty).
    assert "Les tunneliers" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_english_admin_has_no_french_string_of_ours(client, translator_pages):
    sign_in(client, demo_user("translator-en"))
    french = french_interface_strings("en")
    for url in translator_pages("en"):
        response = client.get(url)
        assert response.status_code == 200, url
        texts = shown_texts(response.content.decode())
        leaked = {string for string in french if any(string in text for text in texts)}
        assert leaked == set(), f"{url}: {sorted(leaked)}"


@pytest.mark.parametrize("code", ["de", "nl"])
def test_every_string_of_the_translation_editor_has_its_translation(client, db, code):
    """The words wagtail-localize's editor asks its JavaScript catalogue for (its sources,
    shipped with it) are in the catalogue it loads, in the translator's language, with our
    corrections (locale/nl/LC_MESSAGES/djangojs.po)."""
    source = Path(wagtail_localize.__file__).parent / "static_src"
    asked = {
        match[1]
        for path in source.rglob("*.tsx")
        for match in GETTEXT_CALL.findall(path.read_text())
    }
    assert len(asked) > 30
    sign_in(client, demo_user(f"translator-{code}"))
    script = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    missing = sorted(msgid for msgid in asked if not catalogue.get(msgid))
    assert missing == []
    # The space before the name the editor adds ("Publish in " + "Nederlands") stays.
    unspaced = [m for m in asked if m.endswith(" ") and not catalogue[m].endswith(" ")]
    assert unspaced == []
