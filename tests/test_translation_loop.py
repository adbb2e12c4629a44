"""The editorial loop: a French publication opens drafts in every language, translators find
them on their dashboard, and nothing half-translated is published."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core import languages
from demo.factories import ExhibitPageFactory
from teams import translation_sync
from teams.translation_guard import PUBLISHED_WITH_FRENCH, missing_strings
from tests.helpers import captured_queries, demo_user, editor_of, sign_in


def publish_exhibit(museum, capture, **fields):
    """A French exhibit created and published, its publication committed."""
    with capture(execute=True):
        exhibit = ExhibitPageFactory(
            parent=museum,
            title=fields.pop("title", "Les tunneliers néo-zélandais"),
            intro="Ils ont creusé la ville souterraine.",
            hero_image_alt="Un tunnelier à la lampe.",
            body=[("paragraph", RichText("<p>Des Maoris parmi eux.</p>"))],
            **fields,
        )
    return exhibit


def translation_into(page, code):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    )


def translate_everything(client, translation, prefix="DE"):
    """A translator types a translation of each string in the editor (as its *Save* does)."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url,
            urlencode({"value": f"{prefix} {segment.string.data}"}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201)


def error_message(response):
    """The error message shown after a request (the German translator's admin speaks German)."""
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1
    return errors[0]


@pytest.fixture
def translator(client, db):
    return sign_in(client, demo_user("translator-de"))


# Point 2: the drafts arrive by themselves ----------------------------------------------------


def test_publishing_a_new_french_exhibit_opens_a_draft_in_every_language(
    client, museum, django_capture_on_commit_callbacks
):
    exhibit = publish_exhibit(museum, django_capture_on_commit_callbacks)
    for code in languages.TARGETS:
        page = Page.objects.get(translation_key=exhibit.translation_key, locale__language_code=code)
        assert not page.live
        assert client.get(f"/{code}/{museum.slug}/{exhibit.slug}/").status_code == 404
    assert client.get(exhibit.url).status_code == 200


def test_one_french_publication_one_update(museum, django_capture_on_commit_callbacks):
    exhibit = publish_exhibit(museum, django_capture_on_commit_callbacks)
    german = Page.objects.get(translation_key=exhibit.translation_key, locale__language_code="de")
    revisions = german.revisions.count()
    # The same content published again (or the task run twice) changes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        exhibit.save_revision().publish()
    assert translation_sync.sync_page(exhibit) == dict.fromkeys(languages.TARGETS, "unchanged")
    assert german.revisions.count() == revisions
    # A change rebuilds the draft.
    exhibit.intro = "Ils ont creusé une ville entière."
    with django_capture_on_commit_callbacks(execute=True):
        exhibit.save_revision().publish()
    german.refresh_from_db()
    assert german.revisions.count() == revisions + 1
    assert german.get_latest_revision_as_object().intro == "Ils ont creusé une ville entière."
    assert not german.live


def test_a_changed_french_page_leaves_the_live_translation_as_it_is(
    client, museum, locales, django_capture_on_commit_callbacks
):
    german = museum.get_translation(locales["de"])
    live_intro, live_revision = german.intro, german.live_revision_id
    museum.intro = "Une introduction toute nouvelle."
    with django_capture_on_commit_callbacks(execute=True):
        museum.save_revision().publish()
    german.refresh_from_db()
    assert german.live and german.intro == live_intro and german.live_revision_id == live_revision
    assert "Une introduction toute nouvelle." not in client.get(german.url).content.decode()
    # …and the translators' editor offers the new string.
    missing = [segment.string.data for segment in missing_strings(translation_into(museum, "de"))]
    assert missing == ["Une introduction toute nouvelle."]


def test_stopped_translations_and_paused_commands_are_left_alone(
    museum, locales, django_capture_on_commit_callbacks
):
    with translation_sync.paused(), django_capture_on_commit_callbacks(execute=True):
        exhibit = ExhibitPageFactory(parent=museum, title="Écrite à la main")
    assert not exhibit.has_translation(locales["de"])
    publish_exhibit(museum, django_capture_on_commit_callbacks, title="Arrêtée")
    stopped = Page.objects.get(title="Arrêtée", locale=locales["fr"])
    translation = translation_into(stopped, "nl")
    translation.enabled = False
    translation.save()
    stopped.intro = "Changée."
    assert translation_sync.sync_page(stopped)["nl"] == "stopped"


# Point 4: nothing half-translated is published ---------------------------------------------


def test_translator_is_refused_while_a_string_is_missing_then_publishes(
    client, translator, museum, django_capture_on_commit_callbacks
):
    exhibit = publish_exhibit(museum, django_capture_on_commit_callbacks)
    translation = translation_into(exhibit, "de")
    german = translation.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[german.pk])

    # Only the title translated: refused, with the alt text and the body in the list.
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk]),
        "value=Die neuseeländischen Tunnelbauer",
        content_type="application/x-www-form-urlencoded",
    )
    response = client.post(edit_url, {"action": "publish"}, follow=True)
    german.refresh_from_db()
    assert not german.live
    message = error_message(response)
    assert "Un tunnelier à la lampe." in message and "Des Maoris parmi eux." in message
    assert "Die neuseeländischen" not in message
    # Wagtail's own form is refused the same way.
    client.post(edit_url, {"action-publish": "1"})
    german.refresh_from_db()
    assert not german.live

    # The full list, with a link back; a translator cannot publish it with French.
    missing_url = reverse("memhisto_missing_translations", args=[translation.pk])
    page = client.get(missing_url).content.decode()
    assert "Un tunnelier à la lampe." in page
    assert "Mit dem französischen Text veröffentlichen" not in page  # the network team's button
    assert client.post(missing_url).status_code in (302, 403)
    german.refresh_from_db()
    assert not german.live

    # Every string translated: published, and /de/ shows it; /nl/ still does not.
    translate_everything(client, translation)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})
    german.refresh_from_db()
    assert german.live
    assert "DE Des Maoris parmi eux." in client.get(german.url).content.decode()
    assert client.get(f"/nl/{museum.slug}/{exhibit.slug}/").status_code == 404


def test_machine_translations_count_as_missing_until_a_translator_saves_them(
    client, translator, museum, django_capture_on_commit_callbacks
):
    exhibit = publish_exhibit(museum, django_capture_on_commit_callbacks)
    translation = translation_into(exhibit, "de")
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert StringTranslation.objects.filter(
        context__object_id=exhibit.translation_key, locale=translation.target_locale
    ).exists()
    german = translation.get_target_instance()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[german.pk]), {"action": "publish"}, follow=True
    )
    german.refresh_from_db()
    assert not german.live
    assert "maschinelle Übersetzung, zu prüfen" in error_message(response)


def test_bulk_publish_of_an_incomplete_translation_is_refused(
    client, museum, django_capture_on_commit_callbacks
):
    sign_in(client, demo_user("admin"))
    exhibit = publish_exhibit(museum, django_capture_on_commit_callbacks)
    german = translation_into(exhibit, "de").get_target_instance()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={german.pk}", {})
    german.refresh_from_db()
    assert not german.live


def test_only_the_network_team_publishes_with_french_and_history_says_so(
    client, museum, django_capture_on_commit_callbacks
):
    exhibit = publish_exhibit(museum, django_capture_on_commit_callbacks)
    translation = translation_into(exhibit, "nl")
    dutch = translation.get_target_instance()
    sign_in(client, demo_user("admin"))
    url = reverse("memhisto_missing_translations", args=[translation.pk])
    assert "Publier avec le texte français" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    dutch.refresh_from_db()
    assert dutch.live
    entry = PageLogEntry.objects.get(page=dutch, action=PUBLISHED_WITH_FRENCH)
    history = client.get(reverse("wagtailadmin_pages:history", args=[dutch.pk])).content.decode()
    assert entry.user.username == "admin" and "Publiée avec du texte français" in history


def test_missing_list_of_an_unknown_translation_is_a_404(client, translator):
    url = reverse("memhisto_missing_translations", args=[999999])
    assert client.get(url, follow=True).status_code == 404


# Point 3: "À traduire" ------------------------------------------------------------------------


def test_translator_finds_the_new_exhibit_on_the_dashboard(
    client, translator, museum, django_capture_on_commit_callbacks
):
    exhibit = publish_exhibit(museum, django_capture_on_commit_callbacks)
    german = translation_into(exhibit, "de").get_target_instance()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    item = dashboard[dashboard.index(f'data-page="{german.pk}"') :]
    item = item[: item.index("</li>")]
    assert reverse("wagtailadmin_pages:edit", args=[german.pk]) in item
    assert "4 Texte" in item  # title, intro, alt text, paragraph (German admin)
    assert museum.get_translation(german.locale).title in dashboard  # grouped by museum
    dutch = translation_into(exhibit, "nl").get_target_instance()
    assert f'data-page="{dutch.pk}"' not in dashboard


def test_network_team_sees_how_many_pages_wait_in_each_language(
    client, museum, django_capture_on_commit_callbacks
):
    sign_in(client, demo_user("admin"))
    before = client.get(reverse("wagtailadmin_home")).content.decode()
    publish_exhibit(museum, django_capture_on_commit_callbacks)
    after = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "À traduire" in after or "To translate" in after or "Zu übersetzen" in after
    for name in ("English", "Deutsch", "Nederlands"):
        assert name in after
    assert before != after


def test_dashboard_queries_do_not_grow_with_the_pages_waiting(
    client, translator, museum, django_capture_on_commit_callbacks
):
    for number in range(3):
        publish_exhibit(museum, django_capture_on_commit_callbacks, title=f"Salle {number}")
    with captured_queries() as queries:
        client.get(reverse("wagtailadmin_home"))
    few = len(queries)
    for number in range(3, 10):
        publish_exhibit(museum, django_capture_on_commit_callbacks, title=f"Salle {number}")
    with captured_queries() as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.content.decode().count("Salle ") >= 10
    assert len(queries) == few


def test_museum_editor_sees_each_page_in_each_language(
    client, museum, django_capture_on_commit_callbacks
):
    exhibit = publish_exhibit(museum, django_capture_on_commit_callbacks)
    sign_in(client, editor_of(museum))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    row = dashboard[dashboard.index(f">{exhibit.title}</a>") :]
    row = row[: row.index("</tr>")]
    assert row.count('data-state="waiting"') == 3


# Point 5: small changes keep their translation -------------------------------------------------


def test_a_sentence_added_to_a_french_paragraph_offers_the_previous_german_text(
    client, translator, museum, locales, django_capture_on_commit_callbacks
):
    german_locale = locales["de"]
    source = translation_into(museum, "de").source
    block = museum.body[0]
    segment = StringSegment.objects.select_related("string").get(
        source=source, context__path=f"body.{block.id}"
    )
    previous = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=german_locale
    ).data

    # The museum's team adds one sentence to the first French paragraph and publishes.
    old_text = segment.string.data
    block.value = RichText(f"<p>{old_text} Une phrase de plus.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        museum.save_revision().publish()

    # The translator is offered the previous German paragraph, as a draft to review…
    changed = StringSegment.objects.select_related("string").get(
        source=source, context__path=f"body.{block.id}"
    )
    assert changed.string.data == f"{old_text} Une phrase de plus."
    offered = StringTranslation.objects.get(
        translation_of=changed.string, context=changed.context, locale=german_locale
    )
    assert offered.data == previous and offered.translation_type == "machine"
    translation = translation_into(museum, "de")
    assert [s.string.data for s in missing_strings(translation)] == [changed.string.data]
    # …which the live German page does not show yet.
    german = museum.get_translation(german_locale)
    assert german.live and "Une phrase de plus." not in client.get(german.url).content.decode()

    # The translator completes it, saves, and may publish.
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, changed.pk])
    client.put(
        url,
        urlencode({"value": f"{previous} Ein Satz mehr."}),
        content_type="application/x-www-form-urlencoded",
    )
    assert missing_strings(translation) == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[german.pk]), {"action": "publish"})
    assert "Ein Satz mehr." in client.get(german.url).content.decode()
