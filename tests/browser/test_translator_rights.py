"""Rights as the admin shows them, in a real browser: the German translator finds no
Delete/Move/Copy/Unpublish action on a German event page; a museum editor's phone photo
lands in their museum's collection."""

import pytest

from tests.browser.helpers import fill_login_form, screenshot
from tests.helpers import phone_photo_jpeg

pytestmark = pytest.mark.browser

GERMAN_EVENT = (
    "from museum_pages.models import EventPage;"
    "e = EventPage.objects.live().filter(locale__language_code='de').first();"
    "print(e.pk, e.get_parent().pk)"
)
PHOTO_COLLECTION = (
    "from wagtail.images.models import Image;"
    "from museum_pages.models import MuseumPage;"
    "from teams.permissions import museum_team;"
    "image = Image.objects.get(title__startswith='fairphone-museum-photo');"
    "museum = MuseumPage.objects.get(slug='carriere-wellington', locale__language_code='fr');"
    "print(image.collection == museum_team(museum).collection)"
)


def log_in(page_at, username, locale="fr-FR"):
    page = page_at("/admin/login/?next=/admin/", locale=locale)
    fill_login_form(page, username)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def action_links(page, page_id):
    """The admin addresses of the visible links that act on the page `page_id`."""
    hrefs = page.eval_on_selector_all(
        "a:visible, button:visible", "els => els.map(e => e.getAttribute('href') || '')"
    )
    return {href for href in hrefs if f"/admin/pages/{page_id}/" in href}


def test_german_translator_sees_no_delete_move_copy_or_unpublish(page_at, live_site):
    event_id, parent_id = live_site.manage("shell", "--no-imports", "-c", GERMAN_EVENT).split()
    page = log_in(page_at, "translator-de", locale="de-DE")

    # The event in its listing, with the row's "more" menu open.
    page.goto(f"{live_site.url}/admin/pages/{parent_id}/")
    row = page.locator("tr", has=page.locator(f'a[href="/admin/pages/{event_id}/edit/"]'))
    row.locator("button[aria-label]").last.click()
    links = action_links(page, event_id)
    screenshot(page, "translator-de-event-actions")
    assert f"/admin/pages/{event_id}/edit/" in links
    for action in ("delete", "move", "copy", "unpublish"):
        assert not any(f"/{action}/" in link for link in links), (action, links)

    # The page's own header menu says the same.
    page.goto(f"{live_site.url}/admin/pages/{event_id}/")
    toggles = page.locator("header button[aria-label], header [data-w-dropdown-target=toggle]")
    if toggles.count():
        toggles.first.click()
    for action in ("delete", "move", "copy", "unpublish"):
        assert not any(f"/{action}/" in link for link in action_links(page, event_id)), action


def test_museum_editors_phone_photo_goes_to_their_museums_collection(page_at, live_site, tmp_path):
    photo = tmp_path / "fairphone-museum-photo.jpg"
    photo.write_bytes(phone_photo_jpeg())
    page = log_in(page_at, "wellington-editor")
    page.goto(f"{live_site.url}/admin/images/multiple/add/")
    page.set_input_files("input[type=file]", str(photo))
    page.locator("form.image-upload, .upload-list form, #upload-list form").first.wait_for(
        timeout=60_000
    )
    screenshot(page, "editor-phone-photo-uploaded")
    collection = live_site.manage("shell", "--no-imports", "-c", PHOTO_COLLECTION).strip()
    assert collection == "True"
