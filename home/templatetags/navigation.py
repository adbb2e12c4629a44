"""Template tags for what every page shows around its content: languages, footer links."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from core import languages
from core.pages import full_url
from core.query_params import without_tracking
from core.remembered import remembered
from home.models import StandardPage
from museum_pages.models import MuseumPage
from network.models import AgendaPage

register = template.Library()

# OpenGraph wants a territory: the English of this site is British, its Dutch that of the
# Netherlands and Flanders alike.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB", "de": "de_DE", "nl": "nl_NL"}


def page_alternates(page, request):
    """The live versions of a page, one per language, in the site's order (core.languages).

    A page found by core.routing brings them along (`live_translations`): no query here.
    """
    translations = getattr(page, "live_translations", None)
    if translations is None:
        translations = page.get_translations(inclusive=True).live().select_related("locale")
    by_code = {p.locale.language_code: p for p in translations}
    return [
        {
            "code": code,
            "name": languages.NAMES[code],
            "url": by_code[code].get_url(request),
            "full_url": full_url(by_code[code], request),
            "og_locale": OG_LOCALES[code],
        }
        for code in languages.CODES
        if code in by_code
    ]


def view_alternates(request):
    """Alternates for a page that is not a Wagtail page (search, errors): the same view,
    with the same query (a search stays the same search in another language), less its
    tracking parameters."""
    query = without_tracking(request.GET).urlencode()
    alternates = []
    for code, name in languages.NAMES.items():
        url = translate_url(request.path, code)
        if url == request.path and code != translation.get_language():
            url = f"/{code}/"
        elif query:
            url = f"{url}?{query}"
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": request.build_absolute_uri(url),
                "og_locale": OG_LOCALES[code],
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def alternates(context):
    """Every language version of the page being shown; computed once per request."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_memhisto_alternates"):
        page = context.get("page")
        if isinstance(page, Page) and page.pk:
            request._memhisto_alternates = page_alternates(page, request)
        else:
            request._memhisto_alternates = view_alternates(request)
    return request._memhisto_alternates


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The address search engines should keep for what is shown: this language's version,
    absolute, without tracking parameters (a page's filters are views of the same page)."""
    language = translation.get_language()
    return next((a["full_url"] for a in alternates(context) if a["code"] == language), "")


def footer_data():
    """The network's agenda and common pages (about, legal notice, accessibility, privacy):
    titles and URLs, the agenda first (`links`); and the number of live museums in the
    language (`museums`), which the footer says in words. One query, kept until the next
    publication since every page shows them."""
    language = translation.get_language()

    def data():
        pages = (
            Page.objects.live()
            .type(StandardPage, AgendaPage, MuseumPage)
            .filter(locale__language_code=language)
        )
        agenda_type = ContentType.objects.get_for_model(AgendaPage).pk
        museum_type = ContentType.objects.get_for_model(MuseumPage).pk
        rows = list(pages.order_by("path"))
        links = sorted(
            (
                {
                    "title": page.title,
                    "url": page.get_url(),
                    "is_agenda": page.content_type_id == agenda_type,
                }
                for page in rows
                if page.content_type_id != museum_type
            ),
            key=lambda link: not link["is_agenda"],
        )
        museums = sum(1 for page in rows if page.content_type_id == museum_type)
        return {"links": links, "museums": museums}

    return remembered(f"footer:{language}", data)


def footer_links():
    return footer_data()["links"]


@register.simple_tag
def footer_pages():
    return footer_links()


@register.simple_tag
def museum_count():
    """How many museums the network has in the active language (no query: footer_data)."""
    return footer_data()["museums"]


@register.simple_tag
def agenda_url():
    """The URL of the agenda in the active language, from the footer's links (no query)."""
    return next((link["url"] for link in footer_links() if link["is_agenda"]), "")
