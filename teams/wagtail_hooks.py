"""Admin hooks: the "my museum" dashboard panel of museum teams; the teams' rights on
wagtail-localize's views and its *Translate* and *Sync* buttons; its editor in the admin's
language."""

from urllib.parse import urlencode

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button as ListingButton
from wagtail_localize.models import TranslationSource

from teams import (
    admin_language,
    localize_views,
    to_translate,
    translation_guard,
    translator_recordings,
)
from teams.dashboard import museum_summary, user_museums
from teams.rights import may_sync, may_translate, rights_of


class MyMuseumPanel(Component):
    """Dashboard panel of a museum team: waiting pages, stale translations, events to illustrate."""

    name = "my_museum"
    order = 50
    template_name = "teams/admin/my_museum_panel.html"

    def __init__(self, museums):
        self.museums = museums

    def get_context_data(self, parent_context):
        return {"summaries": [museum_summary(museum) for museum in self.museums]}


@hooks.register("construct_homepage_panels")
def add_my_museum_panel(request, panels):
    museums = user_museums(request.user)
    if museums:
        panels.insert(0, MyMuseumPanel(museums))


@hooks.register("construct_homepage_panels")
def add_to_translate_panel(request, panels):
    """ "À traduire": a translator's pages, the network team's counts (teams/to_translate.py)."""
    panel = to_translate.panel_for(request.user)
    if panel:
        panels.insert(0, panel)


# Nothing half-translated is published (teams/translation_guard.py) -----------------------

hooks.register("before_edit_page", translation_guard.before_edit_page, order=-1)
hooks.register("before_edit_page", translator_recordings.before_edit_page, order=-1)
hooks.register("before_bulk_action", translation_guard.before_bulk_action)


@hooks.register("register_admin_urls")
def register_translation_guard_views():
    return translation_guard.urlpatterns()


@hooks.register("register_log_actions")
def register_translation_log_actions(actions):
    actions.register_action(
        translation_guard.PUBLISHED_WITH_FRENCH,
        translation_guard.PUBLISHED_WITH_FRENCH_LABEL,
        translation_guard.PUBLISHED_WITH_FRENCH_LABEL,
    )


# Rights (teams/rights.py) ---------------------------------------------------------------


@hooks.register("before_move_page")
def refuse_moves_not_allowed(request, page, destination):
    """Wagtail's move confirmation page checks the move only when it is posted: the same
    rule (teams/rights.py) refuses it when it is opened."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None


@hooks.register("register_admin_urls", order=-1)
def register_team_localize_views():
    """wagtail-localize's submit, sync and override addresses, answered by views that ask
    our rights (registered before wagtail-localize's, so these answer); the translators'
    choice of recordings; its JavaScript catalogue with our corrections."""
    return (
        localize_views.urlpatterns()
        + translator_recordings.urlpatterns()
        + admin_language.urlpatterns()
    )


def with_next(url, next_url):
    """`url`, with where to come back to after it."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def translate_button(page, user, next_url=None):
    """*Translate this page* for those without wagtail-localize's global permission (which
    shows its own button): translators and museum teams, where they may."""
    if page.is_root() or rights_of(user).everything or not may_translate(user, page):
        return None
    url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
    return ListingButton(
        _("Traduire cette page"),
        with_next(url, next_url),
        priority=60,
        icon_name="wagtail-localize-language",
    )


@hooks.register("register_page_listing_more_buttons")
def team_page_listing_more_buttons(page, user, next_url=None):
    button = translate_button(page, user, next_url)
    if button:
        yield button


@hooks.register("register_page_header_buttons")
def team_page_header_buttons(page, user, view_name, next_url=None):
    button = translate_button(page, user, next_url)
    if button:
        yield button
    if rights_of(user).everything or not may_sync(user, page):
        return
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is not None and source.translations.filter(enabled=True).exists():
        url = reverse("wagtail_localize:update_translations", args=[source.id])
        yield ListingButton(
            _("Synchroniser les traductions"),
            with_next(url, next_url),
            priority=61,
            icon_name="resubmit",
        )


@hooks.register("insert_editor_js")
def translation_editor_in_language():
    """The words wagtail-localize's editor writes in English, in the admin's language
    (teams/admin_language.py)."""
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(admin_language.editor_words(), "translation-editor-words"),
        static("js/translation-editor.js"),
    )
