"""Nothing half-translated is published.

wagtail-localize publishes a translation whatever is missing: every untranslated string
goes live in French, on tabs the translator never opened (prices, closures: STYLE.md,
trap 15), with only a warning afterwards. Here a publication of a translation, from
wagtail-localize's editor or Wagtail's form (a `before_edit_page` hook that runs before
wagtail-localize's) or as a bulk action (`before_bulk_action`), is refused while any
string of the page — every tab, inline rows, StreamField blocks, alt texts — lacks a
person's translation. A machine translation counts as missing until a translator saves it
(wagtail-localize marks it `manual` then). The refusal lists what is missing, with a link
to the full list (`missing_view`). Only the network team may publish with French in
place of what is missing, from that list; the page's history records it.

One string is not required: a page's slug that nobody translated. The translation then
keeps the French slug, a valid address (a museum's, named after its place, is the same in
every language anyway); a slug a translator typed is made a valid one, unique among the
page's siblings, by wagtail-localize when it publishes (`slugify`, then `-1`, `-2`…). A
machine translation of the slug counts as missing like any other until a translator saves
it, so that no machine-made address goes live unread.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import get_edit_handler
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from core.translation import SLUG_PATH
from teams.rights import rights_of

PUBLISHED_WITH_FRENCH = "memhisto.published_with_french"
PUBLISHED_WITH_FRENCH_LABEL = gettext_lazy("Publiée avec du texte français")
SHOWN_IN_REFUSAL = 8


MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


def translations_into(locale_id, kinds=(MANUAL,)):
    """The usable translations, of one of `kinds`, of the string segment of the outer query."""
    return StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
        has_error=False,
        translation_type__in=kinds,
    )


def missing_segments(locale_id):
    """The string segments (of every source: filter them) that lack a person's translation
    into the language `locale_id`, an untranslated slug aside (see above)."""
    return StringSegment.objects.exclude(Exists(translations_into(locale_id))).exclude(
        Q(context__path=SLUG_PATH) & ~Exists(translations_into(locale_id, (MANUAL, MACHINE)))
    )


def missing_strings(translation):
    """The string segments of `translation`'s source without a person's translation into its
    language, in the source's order; each with `machine` (a machine draft exists)."""
    locale_id = translation.target_locale_id
    return list(
        missing_segments(locale_id)
        .filter(source_id=translation.source_id)
        .annotate(machine=Exists(translations_into(locale_id, (MACHINE,))))
        .select_related("string", "context")
        .order_by("order")
    )


def translation_of_page(page):
    """The enabled wagtail-localize translation whose target is `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def tabs_of(model):
    """{field or inline name: heading of its tab} of a page model's edit form."""
    tabs = {}

    def walk(panel, heading):
        for name in ("field_name", "relation_name"):
            if getattr(panel, name, None):
                tabs[getattr(panel, name)] = heading
        for child in getattr(panel, "children", ()):
            walk(child, heading)

    handler = get_edit_handler(model)
    for tab in getattr(handler, "children", ()):
        walk(tab, str(tab.heading))
    return tabs


def field_label(model, name):
    """The French name of a page field or inline (`prices` → "tarif")."""
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 (a name wagtail-localize made up: show it)
        return name
    if field.is_relation and field.one_to_many:
        return str(field.related_model._meta.verbose_name_plural)
    return str(getattr(field, "verbose_name", name))


def describe(segments, model):
    """[(where: "tab › field", French text, machine draft?)] of missing segments."""
    tabs = tabs_of(model)
    described = []
    for segment in segments:
        name = segment.context.path.split(".", 1)[0]
        where = field_label(model, name)
        if name in tabs:
            where = f"{tabs[name]} › {where}"
        described.append((where, segment.string.data, segment.machine))
    return described


def refusal_message(page, translation, missing):
    rows = describe(missing[:SHOWN_IN_REFUSAL], page.specific_class)
    items = format_html_join(
        "",
        "<li>{}{} : « {} »</li>",
        (
            (where, _(" (traduction automatique à relire)") if machine else "", text[:120])
            for where, text, machine in rows
        ),
    )
    return format_html(
        '{} <ul>{}</ul> <a href="{}">{}</a>',
        _(
            "Publication refusée : %(count)s texte(s) de cette page n'ont pas encore de "
            "traduction relue en %(language)s (les traductions automatiques doivent être "
            "relues et enregistrées)."
        )
        % {"count": len(missing), "language": translation.target_locale.get_display_name()},
        items,
        reverse("memhisto_missing_translations", args=[translation.pk]),
        _("Voir la liste complète"),
    )


def is_publish(request):
    return request.method == "POST" and (
        request.POST.get("action") == "publish" or "action-publish" in request.POST
    )


def before_edit_page(request, page):
    """Refuses the publication of an incomplete translation (editor or form)."""
    if not is_publish(request):
        return None
    translation = translation_of_page(page)
    if translation is None:
        return None
    missing = missing_strings(translation)
    if not missing:
        return None
    messages.error(request, refusal_message(page, translation, missing))
    return redirect("wagtailadmin_pages:edit", page.pk)


def before_bulk_action(request, action_type, objects, action_class_instance):
    """Refuses a bulk publication while one of the pages is an incomplete translation."""
    if action_type != "publish" or not all(isinstance(page, Page) for page in objects):
        return None
    incomplete = []
    for page in objects:
        translation = translation_of_page(page)
        if translation is not None and missing_strings(translation):
            incomplete.append(page)
    if not incomplete:
        return None
    messages.error(
        request,
        format_html(
            "{} <ul>{}</ul>",
            _("Publication refusée : ces traductions ne sont pas complètes."),
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                (
                    (reverse("wagtailadmin_pages:edit", args=[page.pk]), page.title)
                    for page in incomplete
                ),
            ),
        ),
    )
    return redirect(action_class_instance.next_url)


def missing_view(request, translation_id):
    """The full list of what a translation lacks; for the network team, a button that
    publishes it with French in place of the missing strings, recorded in its history."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    may_force = rights_of(request.user).everything
    missing = missing_strings(translation)
    if request.method == "POST":
        if not may_force or not permissions.can_publish():
            raise PermissionDenied
        with transaction.atomic():
            translation.save_target(user=request.user, publish=True)
            PageLogEntry.objects.log_action(
                instance=page,
                action=PUBLISHED_WITH_FRENCH,
                user=request.user,
                data={"missing": len(missing)},
            )
        messages.success(
            request,
            _("« %(title)s » publiée avec %(count)s texte(s) en français.")
            % {"title": page.title, "count": len(missing)},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "teams/admin/missing_translations.html",
        {
            "page": page,
            "translation": translation,
            "missing": describe(missing, page.specific_class),
            "may_force": may_force and bool(missing),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )


def urlpatterns():
    return [
        path(
            "translations/<int:translation_id>/missing/",
            missing_view,
            name="memhisto_missing_translations",
        )
    ]
