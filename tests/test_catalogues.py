"""Interface translations: English, German and Dutch catalogues are complete and sound."""

import re
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


@pytest.mark.parametrize("code", ["en", "de", "nl"])
def test_catalogue_is_fully_translated_without_fuzzy_entries(code):
    catalogue = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 50
    assert catalogue.fuzzy_entries() == []
    assert catalogue.untranslated_entries() == []
    assert catalogue.percent_translated() == 100


@pytest.mark.parametrize("code", ["en", "de", "nl"])
def test_translations_keep_the_placeholders_of_their_msgid(code):
    catalogue = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    for entry in catalogue:
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = list(entry.msgstr_plural.values()) or [entry.msgstr]
        for translation in translations:
            assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid
