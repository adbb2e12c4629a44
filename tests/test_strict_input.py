"""Strict input, honest answers: what a page allows, and links with tracking parameters."""

import pytest
from django.urls import get_resolver

from network.models import Theme


def test_options_lists_only_what_a_page_serves(client, museum):
    response = client.options(museum.url)
    assert response.status_code == 200
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_to_a_page_is_not_allowed(client, museum, method):
    response = getattr(client, method)(museum.url)
    assert response.status_code == 405
    assert "PUT" not in response["Allow"]


def test_links_with_tracking_parameters_share_one_cache_entry(client, museum):
    assert client.get(museum.url)["X-Cache"] == "MISS"
    for query in ["fbclid=IwAR0abc", "utm_source=newsletter&utm_medium=email", "gclid=x&mc_eid=1"]:
        response = client.get(f"{museum.url}?{query}")
        assert response.status_code == 200
        assert response["X-Cache"] == "HIT", query


def test_parameters_a_page_does_not_read_make_no_new_entry(client, museum):
    """`?ref=…`, `?v=2`: the museum page reads no parameter, it is the same page."""
    first = client.get(f"{museum.url}?ref=newsletter")
    assert first["X-Cache"] == "MISS"
    for query in ["ref=poster", "v=2&lang=xx", "page=3"]:
        response = client.get(f"{museum.url}?{query}")
        assert response["X-Cache"] == "HIT", query
        assert response.content == first.content
    assert client.get(museum.url)["X-Cache"] == "HIT"


@pytest.fixture
def two_themes(locales):
    return list(Theme.objects.filter(locale=locales["fr"]).values_list("slug", flat=True)[:2])


def test_parameters_a_page_reads_still_make_their_own_entry(client, home, two_themes):
    first, second = two_themes
    response = client.get(f"{home.url}?theme={first}&utm_source=x")
    assert response["X-Cache"] == "MISS"
    assert client.get(f"{home.url}?utm_campaign=y&theme={first}").content == response.content
    other = client.get(f"{home.url}?theme={second}")
    assert other["X-Cache"] == "MISS" and other.content != response.content


def test_a_page_keeps_its_parameters_and_drops_the_others(client, home, two_themes):
    first, second = two_themes
    assert client.get(f"{home.url}?theme={first}&ref=a")["X-Cache"] == "MISS"
    assert client.get(f"{home.url}?ref=b&theme={first}")["X-Cache"] == "HIT"
    assert client.get(f"{home.url}?theme={second}&ref=a")["X-Cache"] == "MISS"


def test_the_order_of_parameters_makes_no_new_entry(client, home, two_themes):
    assert client.get(f"{home.url}?theme={two_themes[0]}&a=1")["X-Cache"] == "MISS"
    assert client.get(f"{home.url}?a=1&theme={two_themes[0]}")["X-Cache"] == "HIT"


@pytest.mark.parametrize("path", ["./", "../", "carriere-wellington/./", "%2e/", "/"])
def test_dot_segments_and_empty_segments_are_404(client, db, path):
    """One page, one URL: /en/./ is not the home page a second time."""
    assert client.get(f"/en/{path}").status_code == 404


@pytest.mark.parametrize(
    "path, code, words",
    [
        ("/de/carriere-wellington/", "de", "Ein Fehler ist aufgetreten"),
        ("/nl/search/?q=x", "nl", "Er is iets misgegaan"),
        ("/en/", "en", "Something went wrong"),
        ("/api/museums.geojson", "fr", "Une erreur est survenue"),
    ],
)
def test_the_error_page_speaks_the_language_of_the_url(rf, path, code, words):
    handler = get_resolver().resolve_error_handler(500)
    response = handler(rf.get(path))
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert words in html
