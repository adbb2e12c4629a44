"""Who may do what with a page, beyond Wagtail's page permissions: the one place for the rule.

- Translators (the groups of teams/translators.py) add, edit and publish the pages of their
  language; the rights they hold as translators never delete, move, copy, reorder,
  unpublish or restrict a page (Wagtail would let anyone with edit + publish rights delete
  a leaf page: STYLE.md, trap 14). They request translations into their own language only.
- Museum editors and moderators request the translation of their museum's pages.
- The network team (and superusers) may do everything; wagtail-localize's own
  `submit_translation` permission is theirs alone.

Every admin path asks a page's `permissions_for_user()`, which gives
`TeamPagePermissionTester` (core/pages.py, settings.PAGE_PERMISSION_TESTER): page views,
action menus, listing buttons, bulk actions, the move chooser and wagtail-localize's editor.
wagtail-localize's submit and sync views ask `translation_locales()` and `may_sync()`
(teams/localize_views.py).
"""

from dataclasses import dataclass

from wagtail.models import Locale, Page, PagePermissionTester

from core import languages
from museum_pages.models import MuseumPage
from teams.permissions import user_museum_teams
from teams.translators import translator_group_name

TRANSLATE_EVERYTHING = "wagtail_localize.submit_translation"
RIGHTS_ATTRIBUTE = "memhisto_team_rights"  # our own cache on the request's user object


@dataclass(frozen=True)
class TeamRights:
    """What a user's groups say, read once per request."""

    everything: bool
    translator_groups: dict  # group id → language code
    translator_locale_ids: frozenset
    museum_paths: tuple  # tree paths of the user's museums' pages, in every language

    def in_museum(self, page):
        return any(page.path.startswith(path) for path in self.museum_paths)


def rights_of(user):
    """The user's `TeamRights`, cached on the user object for the request (two queries)."""
    rights = getattr(user, RIGHTS_ATTRIBUTE, None)
    if rights is not None:
        return rights
    if not user.is_active or user.is_anonymous:
        rights = TeamRights(False, {}, frozenset(), ())
    elif user.has_perm(TRANSLATE_EVERYTHING):  # superusers and the network team
        rights = TeamRights(True, {}, frozenset(), ())
    else:
        by_name = {translator_group_name(code): code for code in languages.TARGETS}
        groups = dict(user.groups.values_list("pk", "name"))
        translator_groups = {pk: by_name[name] for pk, name in groups.items() if name in by_name}
        museum_keys = user_museum_teams(user).values("museum_key")
        museums = MuseumPage.objects.filter(translation_key__in=museum_keys)
        rights = TeamRights(
            everything=False,
            translator_groups=translator_groups,
            translator_locale_ids=frozenset(
                Locale.objects.filter(language_code__in=translator_groups.values()).values_list(
                    "pk", flat=True
                )
                if translator_groups
                else ()
            ),
            museum_paths=tuple(museums.values_list("path", flat=True)) if groups else (),
        )
    setattr(user, RIGHTS_ATTRIBUTE, rights)
    return rights


class TeamPagePermissionTester(PagePermissionTester):
    """Wagtail's page rules, except that the rights a user holds as a translator add, edit
    and publish, and nothing else: delete, move, copy, reorder, unpublish and privacy are
    judged on the user's other rights alone (none, for a translator who is only that)."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.translator_rights_here = False
        translator_groups = rights_of(user).translator_groups
        if translator_groups:  # none for the network team and for museum teams alone
            self.translator_rights_here = any(
                perm.group_id in translator_groups and page.path.startswith(perm.page.path)
                for perm in self.permission_policy.get_cached_permissions_for_user(user)
            )

    def without_translator_rights(self):
        """Wagtail's tester for this page, given only the user's rights from other groups."""
        translator_groups = rights_of(self.user).translator_groups
        tester = PagePermissionTester(self.user, self.page)
        tester.permissions = {
            perm.permission.codename.rsplit("_", maxsplit=1)[0]
            for perm in self.permission_policy.get_cached_permissions_for_user(self.user)
            if perm.group_id not in translator_groups and self.page.path.startswith(perm.page.path)
        }
        return tester

    def can_delete(self, ignore_bulk=False):
        if self.translator_rights_here:
            return self.without_translator_rights().can_delete(ignore_bulk)
        return super().can_delete(ignore_bulk)

    # can_move() and can_move_to() ask can_delete(); can_copy_to() asks can_copy().

    def can_copy(self):
        if self.translator_rights_here:
            return self.without_translator_rights().can_copy()
        return super().can_copy()

    def can_unpublish(self):
        if self.translator_rights_here:
            return self.without_translator_rights().can_unpublish()
        return super().can_unpublish()

    def can_reorder_children(self):
        if self.translator_rights_here:
            return self.without_translator_rights().can_reorder_children()
        return super().can_reorder_children()

    def can_set_view_restrictions(self):
        if self.translator_rights_here:
            return self.without_translator_rights().can_set_view_restrictions()
        return super().can_set_view_restrictions()


def translation_locales(user, instance):
    """The locales `user` may request a translation of `instance` (a page or a snippet)
    into: every other one for the network team; their own language for a translator; every
    other one for a museum's editors and moderators, on their museum's pages."""
    rights = rights_of(user)
    locales = Locale.objects.exclude(pk=instance.locale_id)
    if may_sync(user, instance):
        return locales
    return locales.filter(pk__in=rights.translator_locale_ids)


def may_translate(user, instance):
    """Whether `user` may request a translation of `instance` into some language, without
    a query (for buttons in listings)."""
    return may_sync(user, instance) or bool(
        rights_of(user).translator_locale_ids - {instance.locale_id}
    )


def may_sync(user, instance):
    """Whether `user` may bring every translation of `instance` up to date (wagtail-localize's
    *Sync translated pages*): the network team, or the team of the page's museum."""
    rights = rights_of(user)
    return rights.everything or (isinstance(instance, Page) and rights.in_museum(instance))


def may_publish_every_language(user):
    """Sync's *Publish immediately* publishes every language at once: the network team only."""
    return rights_of(user).everything
