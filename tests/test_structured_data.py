"""Every museum page embeds a schema.org Museum in JSON-LD, in the page's language, with only
the properties schema.org defines for it; its prices are Offers available at the museum."""

import pytest

from tests import helpers

pytestmark = pytest.mark.django_db


def json_ld(client, path):
    """The Museum node, its offers under "offers" (they are nodes of the graph that point
    at the museum through availableAtOrFrom)."""
    data = helpers.json_ld(client.get(path).content.decode())
    assert data["@context"] == "https://schema.org"
    museum, *offers = data["@graph"]
    assert museum["@type"] == ["Museum", "TouristAttraction"]
    for offer in offers:
        assert offer["@type"] == "Offer"
        assert offer.pop("availableAtOrFrom") == {"@id": museum["@id"]}
    if offers:
        museum["offers"] = offers
    return museum


# What schema.org defines for Museum (a Place) and TouristAttraction, among what we could say.
PLACE_PROPERTIES = {
    "@type",
    "@id",
    "name",
    "description",
    "url",
    "address",
    "geo",
    "openingHoursSpecification",
    "telephone",
    "sameAs",
    "image",
    "isAccessibleForFree",
    "availableLanguage",
}


def test_museum_json_ld_has_the_practical_facts(client):
    data = json_ld(client, "/en/carriere-wellington/")
    assert set(data) - {"offers"} <= PLACE_PROPERTIES
    assert data["name"].startswith("Wellington Quarry")
    assert data["description"]
    assert data["url"].endswith("/en/carriere-wellington/")
    assert data["address"]["streetAddress"] == "Rue Delétoille"
    assert data["address"]["postalCode"] == "62000"
    assert data["address"]["addressLocality"] == "Arras"
    # at least 5 decimals, as search engines ask
    assert data["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": "50.280600",
        "longitude": "2.783000",
    }
    assert data["telephone"] == "+33 3 53 01 10 01"
    assert data["image"].startswith("http")
    assert data["availableLanguage"] == ["fr", "en", "de", "nl"]
    hours = data["openingHoursSpecification"]
    assert {"opens": "10:00", "closes": "12:30"}.items() <= hours[0].items()
    assert len(hours[0]["dayOfWeek"]) == 7
    offers = {offer["name"]: offer for offer in data["offers"]}
    assert offers["Full price"]["price"] == "7.50"
    assert offers["Full price"]["priceCurrency"] == "EUR"
    assert offers["Under 6"]["price"] == "0.00"
    assert data["isAccessibleForFree"] is False


def test_json_ld_is_in_the_page_language(client):
    assert json_ld(client, "/de/carriere-wellington/")["offers"][0]["name"] == "Normaler Eintritt"
    assert json_ld(client, "/nl/carriere-wellington/")["url"].endswith("/nl/carriere-wellington/")


def test_seasonal_hours_carry_their_validity(client):
    spec = json_ld(client, "/fr/forteresse-mimoyecques/")["openingHoursSpecification"][0]
    assert spec["validFrom"].endswith("-04-15")
    assert spec["validThrough"].endswith("-10-15")
    assert spec["validFrom"] < spec["validThrough"]


def test_free_museum_is_accessible_for_free(client):
    data = json_ld(client, "/fr/musee-resistance-bondues/")
    assert data["isAccessibleForFree"] is True
    assert "offers" not in data


def test_museum_without_hours_has_no_opening_hours_specification(client):
    data = json_ld(client, "/fr/caverne-du-dragon/")
    assert "openingHoursSpecification" not in data


def test_json_ld_cannot_be_broken_out_of(client, museum):
    museum.intro = "</script><script>alert(1)</script>"
    museum.save_revision().publish()
    html = client.get("/fr/carriere-wellington/").content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(client, "/fr/carriere-wellington/")["description"] == museum.intro
