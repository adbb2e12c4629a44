"""Language prefixes: an unknown one is a 404, not a redirect to French."""

from django.middleware.locale import LocaleMiddleware

from core import languages


def looks_like_language_prefix(path):
    """True for a first path segment shaped like a language code: 'xx', 'xxx', 'xx-yy'."""
    segment = path.lstrip("/").split("/", 1)[0].lower()
    head, _, tail = segment.partition("-")
    return 2 <= len(head) <= 3 and head.isalpha() and (not tail or tail.isalnum())


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus one surprise.

    Wagtail's catch-all URL pattern makes every path "valid" once prefixed, so Django would
    redirect an unknown language such as ``/xx/`` to ``/fr/xx/``. An unknown language prefix
    is answered with a 404 instead; ``/`` and unprefixed page paths still redirect to the
    visitor's best language (Accept-Language, French when nothing matches).
    """

    def process_response(self, request, response):
        if response.status_code == 404 and looks_like_language_prefix(request.path_info):
            segment = request.path_info.lstrip("/").split("/", 1)[0].lower()
            if segment not in languages.CODES:
                response.setdefault("Content-Language", request.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)
