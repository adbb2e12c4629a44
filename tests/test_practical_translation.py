"""Facts are synchronised from French, labels stay translated (DESIGN.md, STYLE.md trap 11)."""

import datetime
import json

import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from museum_pages.models import MuseumPage

pytestmark = pytest.mark.django_db


def segment_texts(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))


def test_translators_see_labels_never_facts(museum):
    texts = segment_texts(museum)
    assert {"Plein tarif", "Noël", "Fermeture annuelle"} <= texts
    assert any("prévoyez une veste" in text for text in texts)
    for fact in [
        "Rue Delétoille",
        "62000",
        "+33 3 53 01 10 01",
        "7.50",
        "10:00",
        "SRID=4326;POINT(2.783 50.2806)",
        "fr,en,de,nl",
    ]:
        assert not any(fact == text for text in texts), fact
    assert not any("POINT" in text for text in texts)


def test_french_facts_reach_the_german_page_which_keeps_its_labels(client, museum, locales):
    museum.prices.filter(label="Plein tarif").update(amount="8.90")
    museum = MuseumPage.objects.get(pk=museum.pk)
    museum.location = "SRID=4326;POINT(2.7901 50.2888)"
    museum.phone = "+33 3 53 01 99 99"
    periods = list(museum.opening_periods.all())
    periods[0].opens = datetime.time(9, 15)
    museum.opening_periods = periods
    museum.save_revision().publish()

    source, _created = TranslationSource.get_or_create_from_instance(museum)
    source.update_from_db()
    Translation.objects.get(source=source, target_locale=locales["de"]).save_target(publish=True)

    german = MuseumPage.objects.get(translation_key=museum.translation_key, locale=locales["de"])
    assert german.location == "SRID=4326;POINT(2.7901 50.2888)"
    assert german.phone == "+33 3 53 01 99 99"
    assert german.opening_periods.order_by("sort_order").first().opens == datetime.time(9, 15)
    assert list(german.prices.values_list("label", "amount"))[0][0] == "Normaler Eintritt"
    assert str(german.prices.get(label="Normaler Eintritt").amount) == "8.90"
    assert "Erster Weihnachtstag" in german.closures.values_list("reason", flat=True)

    html = client.get("/de/carriere-wellington/").content.decode()
    assert "09:15–12:30" in html
    assert "8,90 €" in html
    assert "Normaler Eintritt" in html
    assert "Erster Weihnachtstag" in html
    assert "Nehmen Sie eine Jacke mit" in html
    geojson = json.loads(client.get("/api/museums.geojson?lang=de").content)
    coordinates = [f["geometry"]["coordinates"] for f in geojson["features"]]
    assert [2.7901, 50.2888] in coordinates
