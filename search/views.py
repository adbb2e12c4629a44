"""The search page and the title suggestions of the search form."""

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search import index

from core import pictures
from core.pages import public_pages, specific_pages
from core.query_params import bounded_number
from core.remembered import remembered
from home.models import StandardPage
from museum_pages.models import (
    AudioGuidePage,
    EventPage,
    ExhibitPage,
    MuseumPage,
    VirtualVisitPage,
)
from museum_pages.practical import event_display

from . import forgiving
from .query import MAX_QUERY_LENGTH, clean_query, excerpt, matched_text, search_terms, texts_of

RESULTS_PER_PAGE = 10
# More than any search could have; a larger or malformed number shows the first page.
MAX_PAGE_NUMBER = 1_000_000
MAX_SUGGESTIONS = 8
# The `type=` filter: its value in the URL, the page type, the label of the choice.
PAGE_TYPES = {
    "museum": (MuseumPage, gettext_lazy("Musées")),
    "exhibit": (ExhibitPage, gettext_lazy("Expositions")),
    "visit": (VirtualVisitPage, gettext_lazy("Visites virtuelles")),
    "event": (EventPage, gettext_lazy("Événements")),
    "audio-guide": (AudioGuidePage, gettext_lazy("Audioguides")),
    "page": (StandardPage, gettext_lazy("Pages du réseau")),
}


def searchable_pages(locale):
    """The live public pages of one language that search may return."""
    # Wagtail's public(): the search backend takes plain field filters, not a subquery.
    return (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .type(*(model for model, _label in PAGE_TYPES.values()))
    )


def museums_of(locale):
    return list(public_pages(MuseumPage.objects.live().filter(locale=locale)).order_by("title"))


def describe(pages, museums, terms, request):
    """What the template shows of each result, in a fixed number of queries."""
    museum_by_path = {museum.path: museum for museum in museums}
    images = get_image_model().objects.prefetch_renditions(*pictures.THUMBNAIL.filters)
    image_ids = {page.hero_image_id for page in pages if getattr(page, "hero_image_id", None)}
    images_by_id = (
        {image.pk: image for image in images.filter(pk__in=image_ids)} if image_ids else {}
    )
    results = []
    for page in pages:
        museum = museum_by_path.get(page.path[: MuseumPage.steplen * 3])
        body = getattr(page, "body", None)
        tracks = getattr(page, "tracks", None)  # an audio guide's titles and transcripts
        text = matched_text(
            [page.search_description, getattr(page, "intro", ""), getattr(page, "town", "")]
            + (texts_of(body.raw_data) if body is not None else [])
            + (texts_of(tracks.raw_data) if tracks is not None else []),
            terms,
        )
        results.append(
            {
                "page": page,
                "url": page.get_url(request),
                "title": page.title,
                "museum": museum if museum and museum.pk != page.pk else None,
                "town": getattr(page, "town", ""),
                "type": capfirst(page._meta.verbose_name),
                "excerpt": excerpt(text, terms),
                "image": images_by_id.get(getattr(page, "hero_image_id", None)),
                **dates_of(page),
            }
        )
    return results


def dates_of(page):
    """An event's next date (or its last, once over) and status, an exhibition's dates."""
    if isinstance(page, EventPage):
        upcoming = page.next_occurrence()
        shown = upcoming or page.last_occurrence()
        return {
            "when": event_display.occurrence_entry(shown) if shown else None,
            "status_notice": event_display.status_notice(page.status),
        }
    if isinstance(page, ExhibitPage):
        return {"dates_text": page.dates_text()}
    return {}


@never_cache  # every query is different: not worth a place in the page cache
def search(request):
    query, truncated = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    locale = Locale.get_active()
    museums = museums_of(locale)
    messages = []
    if truncated:
        messages.append(
            _("Votre recherche a été raccourcie à %(max)s caractères.") % {"max": MAX_QUERY_LENGTH}
        )

    pages = searchable_pages(locale)
    museum_slug = request.GET.get("museum", "")
    museum = next((m for m in museums if m.slug == museum_slug), None)
    if museum_slug and museum is None:
        messages.append(_("Ce musée n'existe pas : la recherche porte sur tout le réseau."))
    elif museum:
        pages = pages.descendant_of(museum, inclusive=True)
    page_type = request.GET.get("type", "")
    if page_type and page_type not in PAGE_TYPES:
        messages.append(_("Ce type de page n'existe pas : la recherche porte sur tous les types."))
        page_type = ""
    elif page_type:
        pages = pages.type(PAGE_TYPES[page_type][0])

    if query and not terms:
        messages.append(
            _("Votre recherche ne contient aucun mot : essayez un nom, un lieu, un thème.")
        )
    towns = remembered("search-towns", forgiving.towns)
    terms, renamed = forgiving.in_visitor_language(terms, towns, locale.language_code)
    for typed, name in renamed:
        messages.append(
            _("« %(typed)s » se dit ici « %(name)s ».") % {"typed": typed, "name": name}
        )
    paginator = Paginator(_search(pages, terms), RESULTS_PER_PAGE)
    meant = None
    if terms and not paginator.count:
        meant = _closest_query(terms, towns, locale)
        corrected = Paginator(_search(pages, meant), RESULTS_PER_PAGE) if meant else None
        if corrected and corrected.count:
            paginator = corrected
        else:
            meant = None
    # Anything but a page number (letters, "²", 10⁹⁹) shows the first page.
    requested = bounded_number(request.GET.get("page", "1"), 1, MAX_PAGE_NUMBER) or 1
    page = paginator.get_page(requested)
    if requested > paginator.num_pages and paginator.count:
        messages.append(_("Cette page de résultats n'existe pas : voici la dernière."))

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "meant_query": " ".join(meant) if meant else "",
            "meant_querystring": _querystring(" ".join(meant), museum, page_type) if meant else "",
            "has_terms": bool(terms),
            "results": page,
            "described_results": describe(
                specific_pages(page.object_list), museums, terms, request
            ),
            "messages_for_visitor": messages,
            "museums": museums,
            "selected_museum": museum.slug if museum else "",
            "page_types": [(value, label) for value, (_model, label) in PAGE_TYPES.items()],
            "selected_type": page_type,
            "max_query_length": MAX_QUERY_LENGTH,
            "filter_querystring": _querystring(query, museum, page_type),
        },
    )


def _search(pages, terms):
    return pages.search(" ".join(terms), operator="and") if terms else Page.objects.none()


def _closest_query(terms, towns, locale):
    """The query the visitor probably meant, in the visitor's language, or None."""
    words = remembered(
        f"search-words:{locale.language_code}",
        lambda: forgiving.vocabulary(_searched_texts(locale), towns),
    )
    meant = forgiving.corrected(terms, words)
    if meant:
        meant, _renamed = forgiving.in_visitor_language(meant, towns, locale.language_code)
    return meant


def _searched_texts(locale):
    """The words "did you mean" may offer: every searched text field of the language's
    pages. A query per page type, only after a search that found nothing, then remembered
    until the next publication."""
    texts = []
    for model, _label in PAGE_TYPES.values():
        fields = [
            field.field_name
            for field in model.get_search_fields()
            if isinstance(field, index.SearchField) and _is_column(model, field.field_name)
        ]
        for row in public_pages(model.objects.live().filter(locale=locale)).values_list(*fields):
            for value in row:
                texts += texts_of(getattr(value, "raw_data", value))
    return texts


def _is_column(model, name):
    try:
        return model._meta.get_field(name).concrete
    except FieldDoesNotExist:
        return False


def _querystring(query, museum, page_type):
    from urllib.parse import urlencode

    params = {"q": query}
    if museum:
        params["museum"] = museum.slug
    if page_type:
        params["type"] = page_type
    return urlencode(params)


@never_cache
def suggest(request):
    """Titles of museums and pages that begin with what the visitor is typing, as JSON."""
    query, _truncated = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    suggestions = []
    if terms:
        pages = searchable_pages(Locale.get_active()).autocomplete(" ".join(terms), operator="and")
        for page in pages[:MAX_SUGGESTIONS]:
            suggestions.append({"title": page.title, "url": page.get_url(request)})
    status = (
        ngettext(
            "%(count)s suggestion disponible.",
            "%(count)s suggestions disponibles.",
            len(suggestions),
        )
        % {"count": len(suggestions)}
        if suggestions
        else _("Aucune suggestion.")
    )
    return JsonResponse({"suggestions": suggestions, "status": status})
