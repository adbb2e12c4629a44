"""Finding the page at a URL below a network home, in one query.

Wagtail's `Page.route()` walks the path one level at a time and costs two queries per level:
the child's base row, then its specific row. Below a home every page type is a ContentPage
and none routes further (no `RoutablePageMixin`), so the pages along the path are found at
once by their `url_path`, each as its specific class — every ContentPage table is LEFT
JOINed, with its hero image, which the page's head, OpenGraph and JSON-LD show — together
with the translations of the last page, which the language switcher and hreflang list.
"""

from django.db.models import Q
from wagtail.models import Page

from museum_pages.models.base import as_specific, with_specific_tables


def page_at(home, path_components):
    """The page at `path_components` below `home` as its specific class, or None.

    Each page along the path knows its parent (`get_parent()` costs no query, as after
    Wagtail's own routing); the last one carries `live_translations`, its live versions in
    every language, itself included, each with its locale.
    """
    url_paths = [
        home.url_path + "".join(f"{slug}/" for slug in path_components[:end])
        for end in range(1, len(path_components) + 1)
    ]
    along = Q(path__startswith=home.path, url_path__in=url_paths)
    last = Page.objects.filter(along, url_path=url_paths[-1]).values("translation_key")
    rows = list(
        with_specific_tables(
            Page.objects.filter(along | Q(translation_key__in=last))
        ).select_related("locale")
    )
    pages = {
        row.url_path: as_specific(row)
        for row in rows
        if row.path.startswith(home.path) and row.url_path in url_paths
    }
    parent = home
    for url_path in url_paths:
        page = pages.get(url_path)
        if page is None:
            return None
        page._cached_parent_obj = parent
        parent = page
    parent.live_translations = [
        row for row in rows if row.translation_key == parent.translation_key and row.live
    ]
    return parent
