"""The one list of languages: the site's languages, its source language and its targets.

Everything here comes from settings.LANGUAGES (codes and names, in the site's order) and
settings.LANGUAGE_CODE (the source language, French): code that needs the languages asks
this module rather than spelling "fr", "en", "de", "nl" again.
"""

from django.conf import settings

SOURCE = settings.LANGUAGE_CODE
NAMES = dict(settings.LANGUAGES)
CODES = list(NAMES)
TARGETS = [code for code in CODES if code != SOURCE]


def template_values(request):
    """Context processor: the source language for templates (`SOURCE_LANGUAGE`)."""
    return {"SOURCE_LANGUAGE": SOURCE}
