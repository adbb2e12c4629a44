"""Language prefixes: an unknown one is a 404, not a redirect to French."""

from django.middleware.locale import LocaleMiddleware

from core import languages


def first_segment(path):
    """The first segment of a path, lower-cased: '/DE/musee/' gives 'de'."""
    return path.lstrip("/").split("/", 1)[0].lower()


def looks_like_language_prefix(path):
    """True for a first path segment shaped like a language code: 'xx', 'xxx', 'xx-yy'."""
    head, _, tail = first_segment(path).partition("-")
    return 2 <= len(head) <= 3 and head.isalpha() and (not tail or tail.isalnum())


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus one surprise.

    Wagtail's catch-all URL pattern makes every path "valid" once prefixed, so Django would
    redirect an unknown language such as ``/xx/`` to ``/fr/xx/``. An unknown language prefix
    is answered with a 404 instead; ``/`` and unprefixed page paths still redirect to the
    visitor's best language (Accept-Language, French when nothing matches).
    """

    def process_response(self, request, response):
        path = request.path_info
        if (
            response.status_code == 404
            and looks_like_language_prefix(path)
            and first_segment(path) not in languages.CODES
        ):
            response.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
