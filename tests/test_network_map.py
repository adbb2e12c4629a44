"""The network map on the home page and its theme filter, which works without JavaScript."""

import json
import re
import time

import pytest

from demo.data import museums
from museum_pages.models import MuseumPage
from tests.helpers import lifetime_bounds, max_age, status_changes_in

pytestmark = pytest.mark.django_db


def markers(html):
    data = re.search(r'<script id="map-markers" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(data.group(1))


def card_titles(html):
    return re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', html)


def test_home_embeds_one_marker_per_museum_with_name_town_status_and_link(client):
    html = client.get("/en/").content.decode()
    data = markers(html)
    assert len(data) == len(museums())
    wellington = next(m for m in data if m["url"] == "/en/carriere-wellington/")
    assert wellington["name"].startswith("Wellington Quarry")
    assert wellington["town"] == "Arras"
    assert (wellington["lng"], wellington["lat"]) == (2.783, 50.2806)
    assert wellington["status"].startswith(("Open now", "Closed"))
    assert "vendor/leaflet/leaflet.js" in html
    assert "vendor/leaflet.markercluster/leaflet.markercluster.js" in html
    assert "vendor/leaflet.markercluster/MarkerCluster.css" in html
    assert "js/network-map.js" in html


def cluster_labels(html):
    data = re.search(
        r'<script id="map-cluster-labels" type="application/json">(.*?)</script>', html, re.S
    )
    return json.loads(data.group(1))


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("fr", "3 musées — zoomer"),
        ("en", "3 museums — zoom in"),
        ("de", "3 Museen — hineinzoomen"),
        ("nl", "3 musea — inzoomen"),
    ],
)
def test_cluster_names_are_embedded_in_the_page_language_for_every_count(client, code, label):
    labels = cluster_labels(client.get(f"/{code}/").content.decode())
    assert sorted(int(count) for count in labels) == list(range(2, 15))
    assert labels["3"] == label


def test_a_filtered_map_names_clusters_up_to_its_own_number_of_museums(client):
    html = client.get("/en/?theme=mining").content.decode()
    assert cluster_labels(html) == {"2": "2 museums — zoom in"}
    assert cluster_labels(client.get("/en/?theme=port").content.decode()) == {}


def test_theme_filter_without_javascript_filters_the_list_and_the_map(client):
    html = client.get("/en/?theme=mining").content.decode()
    assert card_titles(html) == [
        "Dunkirk Maritime and Port Museum",
        "Lewarde Mining History Centre",
    ]
    assert {marker["town"] for marker in markers(html)} == {"Dunkirk", "Lewarde"}
    assert 'aria-current="true">Mining and industry</a>' in html
    port = client.get("/de/?theme=port").content.decode()
    assert len(card_titles(port)) == 1
    ww1 = client.get("/fr/?theme=ww1").content.decode()
    assert 4 <= len(card_titles(ww1)) < len(museums())


def test_theme_links_are_in_the_page_language_and_keep_the_filter_in_the_url(client):
    html = client.get("/nl/").content.decode()
    for name in [
        "Eerste Wereldoorlog",
        "Tweede Wereldoorlog",
        "Verzet en deportatie",
        "Mijnbouw en industrie",
        "Haven en maritieme geschiedenis",
    ]:
        assert name in html
    assert 'href="?theme=ww2#museums-heading"' in html


@pytest.mark.parametrize("theme", ["nope", "<script>alert(1)</script>", "", "ww1&theme=x"])
def test_unknown_theme_shows_every_museum_and_never_fails(client, theme):
    response = client.get("/fr/", {"theme": theme})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert len(markers(html)) == len(museums())


def test_home_cache_lifetime_ends_when_the_first_museum_status_changes(client, home, museum):
    status_changes_in(250, MuseumPage.objects.child_of(home))
    first_change = status_changes_in(120, [museum])
    started = time.time()
    response = client.get("/fr/")
    least, most = lifetime_bounds(first_change, started, time.time())
    assert response.status_code == 200
    assert least <= max_age(response) <= most


def test_map_attribution_is_set(client):
    assert "OpenStreetMap" in client.get("/en/").content.decode()
