"""Machine translators offered in wagtail-localize's editor as a first draft.

DeepL is used when DEEPL_AUTH_KEY is set; otherwise development and test settings offer a
translator that only reverses words, labelled so that nobody takes it for a translation.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.dummy import DummyTranslator

# DeepL refuses a bare "EN" as a target: our English is British.
DEEPL_TARGETS = {"en": "EN-GB"}


class MemHistoDeepLTranslator(DeepLTranslator):
    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        code = target_locale.language_code.lower()
        parameters["target_lang"] = DEEPL_TARGETS.get(code, parameters["target_lang"])
        return parameters


class DevelopmentTranslator(DummyTranslator):
    display_name = _("Brouillon factice (développement, pas une traduction)")
