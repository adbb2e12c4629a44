"""The network team builds a route in the admin: museums chosen by name from the French
museum pages, a place put on a map (wagtailgeowidget's field, synchronised), and the public
page follows."""

import re

import pytest
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.fields import get_translatable_fields

from museum_pages.models import MuseumPage
from network.models import RouteIndexPage, RoutePage, RouteStop
from tests.helpers import network_member, sign_in

pytestmark = pytest.mark.django_db

VIMY = "SRID=4326;POINT(2.7736 50.3797)"


@pytest.fixture
def network_client(client, db):
    return sign_in(client, network_member())


@pytest.fixture
def route_index(locales):
    return RouteIndexPage.objects.get(locale=locales["fr"])


def add_url(index):
    return f"/admin/pages/add/network/routepage/{index.pk}/"


def stop(museum=None, name="", location="", order=1):
    return {
        "museum": str(museum.pk) if museum else "",
        "name": name,
        "location": location,
        "stay_minutes": "",
        "transport": "",
        "note": "",
        "ORDER": str(order),
        "DELETE": "",
    }


def route_form(stops, **fields):
    data = {
        "title": "Tunnels d'Arras et crête de Vimy",
        "slug": "tunnels-arras-vimy",
        "intro": "",
        "hero_image": "",
        "hero_image_alt": "",
        "body": streamfield([]),
        "start_time": "09:30",
        "go_live_at": "",
        "expire_at": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "stops-TOTAL_FORMS": str(len(stops)),
        "stops-INITIAL_FORMS": "0",
        "stops-MIN_NUM_FORMS": "2",
        "stops-MAX_NUM_FORMS": "1000",
        **{
            f"stops-{number}-{key}": value
            for number, row in enumerate(stops)
            for key, value in row.items()
        },
        **fields,
    }
    form = nested_form_data(data)
    form["action-publish"] = "1"
    return form


def test_the_route_form_lists_french_museums_by_name_and_town_and_a_map_for_places(
    network_client, route_index, locales
):
    html = network_client.get(add_url(route_index)).content.decode()
    select = re.search(r'<select name="stops-0-museum".*?</select>', html, flags=re.S).group(0)
    labels = re.findall(r'<option value="[0-9]+"[^>]*>([^<]+)</option>', select)
    french = MuseumPage.objects.filter(locale=locales["fr"])
    assert len(labels) == french.count()
    assert labels == sorted(labels, key=str.casefold)
    assert "Carrière Wellington – Mémorial de la bataille d’Arras (Arras)" in labels
    # A place's position is picked on a map, with our Leaflet and the empty-box fix.
    assert 'data-controller="leaflet-field"' in html
    assert 'id="id_stops-0-location_map"' in html
    assert "js/location-field.js" in html and "vendor/leaflet/leaflet.js" in html
    assert "unpkg.com" not in html
    assert 'name="stops-0-latitude"' not in html


def test_the_network_team_publishes_a_route_with_a_place_put_on_the_map(
    network_client, route_index, museum, locales, django_capture_on_commit_callbacks
):
    lewarde = MuseumPage.objects.get(slug="centre-historique-minier-lewarde", locale=locales["fr"])
    form = route_form(
        [
            stop(museum=museum, order=1),
            stop(name="Mémorial canadien de Vimy", location=VIMY, order=2),
            stop(museum=lewarde, order=3),
        ]
    )
    # As in production: the publication's on-commit work runs (the translators' drafts).
    with django_capture_on_commit_callbacks(execute=True):
        response = network_client.post(add_url(route_index), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    route = RoutePage.objects.get(slug="tunnels-arras-vimy", locale=locales["fr"])
    assert route.live
    drafts = RoutePage.objects.filter(translation_key=route.translation_key).exclude(pk=route.pk)
    assert sorted(page.locale.language_code for page in drafts) == ["de", "en", "nl"]
    assert not any(page.live for page in drafts)  # for the translators, not live
    stops = list(route.stops.all())
    assert [row.museum_id for row in stops] == [museum.pk, None, lewarde.pk]
    assert stops[1].point == pytest.approx((2.7736, 50.3797))
    html = Client().get("/fr/parcours/tunnels-arras-vimy/").content.decode()
    order = [html.index(name) for name in ("Carrière Wellington", "Mémorial canadien", "Lewarde")]
    assert order == sorted(order)
    assert html.count('class="route-leg"') == 2


@pytest.mark.parametrize(
    ("location", "error"),
    [
        ("", "Un lieu qui n&#x27;est pas un musée a besoin de sa position."),
        ("SRID=4326;POINT(300 95)", "Position illisible : placez le point sur la carte."),
        ("50.3797,2.7736", "Position illisible : placez le point sur la carte."),
    ],
)
def test_a_place_needs_a_readable_position(network_client, route_index, museum, location, error):
    form = route_form([stop(museum=museum), stop(name="Mémorial", location=location, order=2)])
    response = network_client.post(add_url(route_index), form)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not RoutePage.objects.filter(slug="tunnels-arras-vimy").exists()


def test_a_museum_of_another_language_is_refused(network_client, route_index, museum, locales):
    german = museum.get_translation(locales["de"])
    form = route_form([stop(museum=german), stop(museum=museum, order=2)])
    response = network_client.post(add_url(route_index), form)
    assert response.status_code == 200
    assert not RoutePage.objects.filter(slug="tunnels-arras-vimy").exists()


def test_a_place_position_is_synchronised_not_sent_to_translators():
    fields = {
        field.field_name: type(field).__name__ for field in get_translatable_fields(RouteStop)
    }
    assert fields["location"] == "SynchronizedField"
    assert fields["name"] == "TranslatableField"
