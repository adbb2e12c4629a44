"""/api/museums.geojson: the live museums as GeoJSON, in one language."""

import json

import pytest

from demo.data import museums
from museum_pages.models import MuseumPage
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db


def test_geojson_has_every_museum_longitude_first(client):
    response = client.get("/api/museums.geojson?lang=fr")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == len(museums())
    wellington = next(f for f in data["features"] if f["properties"]["town"] == "Arras")
    assert wellington["geometry"] == {"type": "Point", "coordinates": [2.783, 50.2806]}
    for feature in data["features"]:
        lng, lat = feature["geometry"]["coordinates"]
        assert 1 < lng < 4 and 49 < lat < 52  # the Hauts-de-France, longitude first


def test_geojson_properties_are_in_the_requested_language(client):
    data = json.loads(client.get("/api/museums.geojson?lang=de").content)
    props = next(
        f["properties"]
        for f in data["features"]
        if f["properties"]["url"].endswith("/de/carriere-wellington/")
    )
    assert props["themes"] == ["Erster Weltkrieg"]
    assert props["prices"][0] == {
        "label": "Normaler Eintritt",
        "amount": 7.5,
        "currency": "EUR",
        "free": False,
        "combined": False,
        "note": "",
    }
    assert props["opening_hours"]["periods"][0]["opens"] == "10:00"
    assert props["opening_hours"]["guided_visits_only"] is True
    assert props["opening_hours"]["closures"][0]["reason"] == "Erster Weihnachtstag"
    assert props["access"]["lift"] is True
    assert "Jacke" in props["access"]["notes"]
    assert props["booking_url"].startswith("https://")
    assert props["name"].startswith("Carrière Wellington")


@pytest.mark.parametrize("lang", ["xx", "", "FR<script>", "de-DE", "a" * 500])
def test_unknown_language_is_a_400_with_a_message(client, lang):
    response = client.get("/api/museums.geojson", {"lang": lang})
    assert response.status_code == 400
    body = json.loads(response.content)
    assert "Unknown language" in body["error"]
    assert body["languages"] == ["fr", "en", "de", "nl"]


def test_geojson_queries_do_not_grow_with_the_number_of_museums(client, museum, locales):
    url = "/api/museums.geojson?lang=nl"

    def features():
        return json.loads(client.get(url).content)["features"]

    shown = len(features())
    before = queries_for(client, url)
    dutch = museum.get_translation(locales["nl"])
    for number in range(3):  # with their themes, prices, hours and guided visits
        dutch.copy(
            to=dutch.get_parent(),
            update_attrs={"title": f"Kopie {number}", "slug": f"kopie-{number}"},
            keep_live=True,
        )
    assert len(features()) == shown + 3
    after = queries_for(client, url)
    assert after == before
    assert before <= 12


def test_geojson_only_lists_live_museums(client, locales):
    MuseumPage.objects.get(slug="la-coupole", locale=locales["en"]).unpublish()
    data = json.loads(client.get("/api/museums.geojson?lang=en").content)
    assert len(data["features"]) == len(museums()) - 1
    features = json.loads(client.get("/api/museums.geojson?lang=fr").content)["features"]
    assert len(features) == len(museums())
