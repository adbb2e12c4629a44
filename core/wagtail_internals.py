"""Every private Wagtail and treebeard attribute this project sets, in one place.

Checked against Wagtail 8.0.1 and django-treebeard 5.3.1. Each one lets Wagtail's public
methods answer from what our routing already knows instead of querying again; if an upgrade
renames one, nothing breaks but speed, so tests/test_wagtail_internals.py asks Wagtail's
public methods to answer from them without a query, and fails when they no longer do.

- `request._wagtail_route_for_request`: the route `Page.route_for_request()` answers with
  (documented in its docstring).
- `request._wagtail_site`: the site `Site.find_for_request()` answers with.
- `request._wagtail_cached_site_root_paths`: the root paths `Page.get_url_parts()` reads.
- `page._cached_parent_obj`: the parent treebeard's `get_parent()` answers with.
"""


def remember_route(request, route):
    """Make `Page.route_for_request(request, …)` answer `route` (a RouteResult, or None)."""
    request._wagtail_route_for_request = route


def remember_site(request, site, root_paths):
    """Make `Site.find_for_request(request)` and the pages' URL methods use these."""
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = root_paths


def remember_parent(page, parent):
    """Make `page.get_parent()` answer `parent` without a query."""
    page._cached_parent_obj = parent


def known_parent(page):
    """The parent remembered for `page`, or None."""
    return getattr(page, "_cached_parent_obj", None)
