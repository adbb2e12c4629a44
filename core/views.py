"""The view that serves Wagtail pages (the page found by core.routing), and the error page."""

from django.http import HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token
from wagtail.views import serve as wagtail_serve

from core import languages, wagtail_internals
from core.routing import route_for_request


def serve(request, path):
    """Wagtail's serve view (hooks, view restrictions, `serve()`), the page found by routing.

    Wagtail's view asks `Page.route_for_request()`, which answers from the route kept on
    the request when there is one.
    """
    wagtail_internals.remember_route(request, route_for_request(request, path))
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
