"""The editorial loop in a real browser: the Wellington moderator publishes a new exhibit in
French; a translator (en, de, nl) finds it on the dashboard of their admin language, is
refused publication while a string is missing (another tab's included), translates each
string and publishes; their language shows it, another language still does not.

Other browser tests publish French pages on the same live site (which the sync rightly
turns into waiting pages): this test counts its own page only."""

import re
import uuid

import pytest

from tests.browser.helpers import fill_login_form, screenshot

pytestmark = pytest.mark.browser

MUSEUM = (
    "from museum_pages.models import MuseumPage;"
    "m = MuseumPage.objects.get(slug='carriere-wellington', locale__language_code='fr');"
    "print(m.pk, m.slug)"
)
EXHIBIT = (
    "from museum_pages.models import ExhibitPage;"
    "e = ExhibitPage.objects.get(title={title!r}, locale__language_code='fr');"
    "print(e.slug, e.live)"
)


# What each translator meets in their admin (our catalogues and wagtail-localize's), and
# the text they type.
TRANSLATORS = {
    "en": {
        "to_translate": "To translate",
        "texts": "4 texts",
        "publish": "Publish in English",
        "refused": "Publication refused",
        "translate": "Translate",
        "save": "Save",
        "typed": "English text",
        "other": "nl",
    },
    "de": {
        "to_translate": "Zu übersetzen",
        "texts": "4 Texte",
        "publish": "Veröffentlichen in Deutsch",
        "refused": "Veröffentlichung abgelehnt",
        "translate": "Übersetzen",
        "save": "Speichern",
        "typed": "Deutscher Text",
        "other": "nl",
    },
    "nl": {
        "to_translate": "Te vertalen",
        "texts": "4 teksten",
        "publish": "Publiceer in Nederlands",
        "refused": "Publicatie geweigerd",
        "translate": "Vertaal",
        "save": "Opslaan",
        "typed": "Nederlandse tekst",
        "other": "de",
    },
}


def log_in(page_at, username, locale):
    page = page_at("/admin/login/?next=/admin/", locale=locale)
    fill_login_form(page, username)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


@pytest.mark.parametrize("language", TRANSLATORS)
def test_a_french_exhibit_reaches_readers_through_the_translator(page_at, live_site, language):
    words = TRANSLATORS[language]
    museum_id, museum_slug = live_site.manage("shell", "--no-imports", "-c", MUSEUM).split()
    title = f"Les tunneliers {uuid.uuid4().hex[:6]}"

    # The Wellington moderator creates the exhibit in the admin and publishes it.
    page = log_in(page_at, "wellington-moderator", "fr-FR")
    page.goto(f"{live_site.url}/admin/pages/add/museum_pages/exhibitpage/{museum_id}/")
    page.fill("#id_title", title)
    page.fill("#id_intro", "Ils ont creusé la ville souterraine.")
    page.fill("#id_hero_image_alt", "Un tunnelier à la lampe.")
    page.get_by_role("tab", name="Promotion").click()
    page.fill("#id_search_description", "Les tunneliers néo-zélandais d'Arras.")
    publish = page.locator('button[name="action-publish"]')
    if not publish.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish.click()
    page.wait_for_load_state()
    slug, live = live_site.manage(
        "shell", "--no-imports", "-c", EXHIBIT.format(title=title)
    ).split()
    assert live == "True"

    # The translator finds it on their dashboard, in the Wellington group.
    translator = log_in(page_at, f"translator-{language}", language)
    panel = translator.locator("section", has_text=words["to_translate"]).first
    mine = panel.locator("li[data-page]", has_text=title)
    assert mine.count() == 1
    assert words["texts"] in mine.inner_text()
    screenshot(translator, f"translation-loop-dashboard-{language}")
    mine.get_by_role("link", name=title).click()
    translator.wait_for_load_state()

    # Publishing now is refused, with the list of what is missing.
    with translator.expect_navigation():
        translator.get_by_role("button", name=words["publish"]).click()
    refusal = translator.get_by_text(words["refused"]).first
    refusal.wait_for()
    main = translator.inner_text("body")
    assert "Les tunneliers néo-zélandais d'Arras." in main  # the Promotion tab's string
    screenshot(translator, f"translation-loop-refused-{language}")

    # Each string translated (Translate → Save) on every tab of the editor, then published.
    number = 0
    tabs = translator.get_by_role("tab")
    for index in range(max(tabs.count(), 1)):
        if tabs.count():
            tabs.nth(index).click()
        while True:
            button = translator.get_by_role("button", name=words["translate"], exact=True)
            visible = [b for b in button.all() if b.is_visible()]
            if not visible or number > 10:
                break
            number += 1
            visible[0].click()
            typed = f"{words['typed']} {number}"
            translator.locator("textarea:visible").first.fill(typed)
            translator.get_by_role("button", name=words["save"], exact=True).first.click()
            translator.get_by_text(typed).first.wait_for()
    assert number == 5  # the 4 strings counted, and the page's slug, which may stay French
    # The publication is a form posted by the editor: wait for its answer before leaving.
    with translator.expect_navigation():
        translator.get_by_role("button", name=words["publish"]).click()
    assert words["refused"] not in translator.inner_text("body")

    # The translated page has its own slug; the French one under its language moves there.
    translated = translator.goto(f"{live_site.url}/{language}/{museum_slug}/{slug}/")
    assert translated.status == 200
    typed_slug = words["typed"].lower().replace(" ", "-")
    assert re.search(rf"/{language}/{museum_slug}/{typed_slug}-\d/$", translator.url), (
        translator.url
    )
    assert words["typed"] in translator.inner_text("main")
    other = translator.goto(f"{live_site.url}/{words['other']}/{museum_slug}/{slug}/")
    assert other.status == 404
