"""The view that serves Wagtail pages (the page found by core.routing), and the error page."""

from django.http import HttpResponsePermanentRedirect, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.views.decorators.csrf import requires_csrf_token
from wagtail.views import serve as wagtail_serve

from core import languages, wagtail_internals
from core.routing import moved_url, route_for_request


def serve(request, path):
    """Wagtail's serve view (hooks, view restrictions, `serve()`), the page found by routing.

    Wagtail's view asks `Page.route_for_request()`, which answers from the route kept on
    the request when there is one. A path that finds no page but was the page's address
    while slugs were French (core.routing.moved_url) moves there permanently, its query
    string kept.
    """
    route = route_for_request(request, path)
    if route is None and request.method in ("GET", "HEAD"):
        url = moved_url(request, path)
        if url is not None:
            query = iri_to_uri(request.META.get("QUERY_STRING", ""))
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
    wagtail_internals.remember_route(request, route)
    return wagtail_serve(request, path)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Django's 500 view, in the language of the URL (/de/… in German), French elsewhere.

    Like Django's, it renders a plain template without context processors or database,
    nothing that could fail a second time.
    """
    language = translation.get_language_from_path(request.path_info) or languages.SOURCE
    with translation.override(language):
        return HttpResponseServerError(
            loader.get_template(template_name).render({"language": language})
        )
