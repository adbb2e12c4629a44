"""The view that serves Wagtail pages, with the page found by home.routing."""

from wagtail.views import serve as wagtail_serve

from home.routing import route_for_request


def serve(request, path):
    """Wagtail's serve view (hooks, view restrictions, `serve()`), the page found by routing.

    Wagtail's view asks `Page.route_for_request()`, which answers from the route kept on
    the request when there is one.
    """
    request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_serve(request, path)
