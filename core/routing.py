"""Finding the page at a URL, in two queries whatever its depth.

Wagtail's `Page.route_for_request()` fetches the site's root page, looks up its translation
in the active language and its specific row, then walks the path one level at a time at two
queries per level (the child's base row, then its specific row). Here the pages along the
path are found at once by their `url_path`, which Wagtail keeps unique across the tree — the
home of the active language comes from the site root paths, remembered by core.remembered — together
with the translations of the last page, which the language switcher and hreflang list; then
the last page's own row, with its hero image (head, OpenGraph, JSON-LD).

No page of ours routes further (no `RoutablePageMixin`), so the page at the URL is the page
served, after its own `route()` (which refuses drafts).

Slugs are translated (core.pages.ContentPage): a path that finds no page in its language is
read once more in the French tree, since it was this page's address while slugs were French
(`moved_url`: /de/carriere-wellington/visite-virtuelle/ moved to …/virtueller-rundgang/).
A slug changed later is Wagtail's redirects app's business (a Redirect made on publication).
"""

from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.models import Page

from core import languages, remembered, wagtail_internals
from core.pages import ContentPage, view_restricted


def home_url_path(site, roots, language):
    """The url_path of the site's home in `language`, or None."""
    return next(
        (
            root.root_path
            for root in roots
            if root.site_id == site.pk and root.language_code == language
        ),
        None,
    )


def route_for_request(request, path):
    """The RouteResult for `path` on the request's site in the active language, or None.

    A language without a home page of its own gets None (404): Wagtail would fall back to
    the French home and serve French under /de/ without a word (STYLE.md, trap 7).
    """
    site = remembered.site_for_request(request)
    roots = remembered.site_root_paths()
    # Wagtail's URL methods look the site and the root paths up on the request.
    wagtail_internals.remember_site(request, site, roots)
    if site is None:
        return None
    home = home_url_path(site, roots, translation.get_language())
    if home is None:
        return None
    page = page_at(home, [component for component in path.split("/") if component])
    if page is None:
        return None
    try:
        return page.route(request, [])
    except Http404:
        return None


def page_at(home_url_path, path_components):
    """The page at `path_components` below the home at `home_url_path`, or None.

    The page comes as its specific class and knows its parent (`get_parent()` costs no
    query; the pages above it are plain `Page` rows); it carries `live_translations`, its
    live versions in every language, itself included, each with its locale, and whether it
    is `known_unrestricted` (no view restriction on it or above it).
    """
    url_paths = [
        home_url_path + "".join(f"{slug}/" for slug in path_components[:end])
        for end in range(len(path_components) + 1)
    ]
    last = Page.objects.filter(url_path=url_paths[-1]).values("translation_key")
    rows = list(
        Page.objects.filter(Q(url_path__in=url_paths) | Q(translation_key__in=last))
        .annotate(restricted=view_restricted())
        .select_related("locale")
        .order_by("depth")
    )
    along = {row.url_path: row for row in rows if row.url_path in url_paths}
    if len(along) != len(url_paths):
        return None
    chain = [along[url_path] for url_path in url_paths]
    for parent, child in zip(chain, chain[1:], strict=False):
        wagtail_internals.remember_parent(child, parent)
    found = chain[-1]
    model = found.specific_class
    if model is None:  # the page's model is gone from the code
        return None
    joined = ["locale", "hero_image"] if issubclass(model, ContentPage) else ["locale"]
    page = model.objects.select_related(*joined).filter(pk=found.pk).first()
    if page is None:
        return None
    if len(chain) > 1:  # a home's parent is not among the rows: get_parent() looks it up
        wagtail_internals.remember_parent(page, chain[-2])
    # Wagtail checks the page's view restrictions before serving it: none to look up when
    # neither it nor an ancestor has one (an alias takes its source's, looked up as usual).
    page.known_unrestricted = not found.restricted and not any(row.alias_of_id for row in chain)
    page.live_translations = [
        row for row in rows if row.translation_key == page.translation_key and row.live
    ]
    return page


def moved_url(request, path):
    """Where the page at `path` in the active language moved when its slugs were translated:
    the URL of the live translation, in that language, of the French page at the same path
    under the French home; None when there is none (or in French). For a path that found no
    page: one query.
    """
    language = translation.get_language()
    components = [component for component in path.split("/") if component]
    site = remembered.site_for_request(request)
    if language == languages.SOURCE or not components or site is None:
        return None
    french_home = home_url_path(site, remembered.site_root_paths(), languages.SOURCE)
    if french_home is None:
        return None
    french = Page.objects.filter(url_path=french_home + "".join(f"{c}/" for c in components))
    moved = (
        Page.objects.live()
        .filter(
            translation_key__in=french.values("translation_key"), locale__language_code=language
        )
        .only("url_path")
        .first()
    )
    if moved is None:
        return None
    url = moved.get_url(request)
    return None if url in (None, request.path) else url
