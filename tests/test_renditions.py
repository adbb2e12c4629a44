"""Renditions before anyone asks: a publication makes its pictures' sizes in the background,
so that the first visitor after it does not wait while they are encoded."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.images import get_image_model

from core import pictures
from demo.factories import ImageFactory
from museum_pages.models import ExhibitPage, VirtualVisitPage
from museum_pages.models.visit import RENDITION_FILTERS
from tests.helpers import image_bytes, sign_in, superuser

Rendition = get_image_model().get_rendition_model()


@pytest.fixture(autouse=True)
def no_remembered_renditions():
    """Wagtail also keeps renditions in the cache, by image id and file hash: an image of
    an earlier test (rolled back) may have had the same id and file, and its renditions
    would be found there instead of being made."""
    cache.clear()


def specs_of(image):
    return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


@pytest.fixture
def exhibit(museum):
    return museum.get_children().type(ExhibitPage).first().specific


def publish_with_new_pictures(page, capture):
    page.hero_image = ImageFactory(title="Nouvelle affiche", size=(1600, 900))
    page.body = [
        ("image", {"image": ImageFactory(size=(1200, 800)), "alt_text": "Un casque", "caption": ""})
    ]
    with capture(execute=True):
        page.save_revision().publish()
    return page.hero_image, page.body[0].value["image"]


def test_a_publication_makes_the_renditions_its_templates_use(
    exhibit, django_capture_on_commit_callbacks
):
    hero, figure = publish_with_new_pictures(exhibit, django_capture_on_commit_callbacks)
    hero_specs = {*pictures.HERO.filters, *pictures.THUMBNAIL.filters}
    assert hero_specs | {pictures.OPEN_GRAPH_FILTER} <= specs_of(hero)
    assert set(pictures.FIGURE.filters) <= specs_of(figure)


def test_the_first_view_after_a_publication_encodes_nothing(
    client, exhibit, django_capture_on_commit_callbacks
):
    hero, figure = publish_with_new_pictures(exhibit, django_capture_on_commit_callbacks)
    before = Rendition.objects.count()
    assert client.get(exhibit.url).status_code == 200
    assert Rendition.objects.count() == before


def test_a_museum_hero_is_ready_for_the_home_page_card(
    client, museum, home, django_capture_on_commit_callbacks
):
    museum.hero_image = ImageFactory(title="Nouvelle façade", size=(1600, 900))
    with django_capture_on_commit_callbacks(execute=True):
        museum.save_revision().publish()
    assert set(pictures.CARD.filters) <= specs_of(museum.hero_image)
    before = Rendition.objects.count()
    assert client.get(home.url).status_code == 200
    assert Rendition.objects.count() == before


def test_a_visit_publication_makes_its_panoramas(museum, django_capture_on_commit_callbacks):
    visit = museum.get_children().type(VirtualVisitPage).first().specific
    panorama = ImageFactory(title="Panorama neuf", size=(2048, 1024))
    scenes = visit.scenes.raw_data
    scenes[0]["value"]["image"] = panorama.pk
    visit.scenes = scenes
    with django_capture_on_commit_callbacks(execute=True):
        visit.save_revision().publish()
    assert set(RENDITION_FILTERS) <= specs_of(panorama)


def test_a_replaced_file_gets_its_renditions_again(
    client, exhibit, django_capture_on_commit_callbacks
):
    """An editor uploads a new file for an image shown by a live page: Wagtail deletes the
    old renditions, and the page's sizes are made again from the new file."""
    hero, _figure = publish_with_new_pictures(exhibit, django_capture_on_commit_callbacks)
    old = set(Rendition.objects.filter(image=hero).values_list("pk", flat=True))
    sign_in(client, superuser("renditions-admin"))
    new_file = SimpleUploadedFile(
        "affiche.jpg", image_bytes((1600, 900), "JPEG", colour="maroon"), "image/jpeg"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/images/{hero.pk}/",
            {"title": hero.title, "file": new_file, "collection": hero.collection_id, "tags": ""},
        )
    assert response.status_code == 302, response.content[:2000]
    fresh = Rendition.objects.filter(image=hero)
    assert not old & set(fresh.values_list("pk", flat=True))
    assert set(pictures.HERO.filters) <= specs_of(hero)


def test_make_renditions_readies_every_live_page(exhibit):
    hero = ImageFactory(title="Affiche sans publication", size=(1600, 900))
    ExhibitPage.objects.filter(pk=exhibit.pk).update(hero_image=hero)
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert {*pictures.HERO.filters, pictures.OPEN_GRAPH_FILTER} <= specs_of(hero)
    assert "Renditions of" in out.getvalue()
