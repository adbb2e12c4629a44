"""The view that serves Wagtail pages, with the page found by core.routing."""

from wagtail.views import serve as wagtail_serve

from core import wagtail_internals
from core.routing import route_for_request


def serve(request, path):
    """Wagtail's serve view (hooks, view restrictions, `serve()`), the page found by routing.

    Wagtail's view asks `Page.route_for_request()`, which answers from the route kept on
    the request when there is one.
    """
    wagtail_internals.remember_route(request, route_for_request(request, path))
    return wagtail_serve(request, path)
