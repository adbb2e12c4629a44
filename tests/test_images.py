"""Pictures of the public pages: AVIF and WebP renditions of the right size, the largest
image above the fold loaded first and preloaded, the others lazy."""

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PillowImage

from core import pictures
from demo.data import museums
from demo.factories import ImageFactory
from home.models import StandardPage
from museum_pages.models import EventPage, ExhibitPage, VirtualVisitPage
from tests.helpers import LANGUAGES


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def with_hero_and_figure(page):
    """Give a page a hero image and an image block in its body, published."""
    page.hero_image = ImageFactory(title=f"Héros {page.title}")
    page.hero_image_alt = "Une vue de l'entrée"
    page.body = [
        (
            "image",
            {
                "image": ImageFactory(title="Figure", size=(1200, 800)),
                "alt_text": "Un casque de 1917",
                "caption": "",
            },
        )
    ]
    page.save_revision().publish()
    return page


def check_pictures(soup):
    """Every picture has AVIF, WebP and a JPEG img with size and alt; returns the imgs."""
    found = soup.find_all("picture")
    assert found
    for picture in found:
        types = [source["type"] for source in picture.find_all("source")]
        assert types == ["image/avif", "image/webp"]
        for source in picture.find_all("source"):
            assert len(source["srcset"].split(", ")) >= 2  # small and large screens
            assert source["sizes"]
        img = picture.find("img")
        assert img["src"].endswith((".jpg", ".jpeg"))
        assert int(img["width"]) > 0 and int(img["height"]) > 0
        assert img.has_attr("alt")
    return [picture.find("img") for picture in found]


def check_priority(soup, expected_alt=None):
    """Exactly one eager image with fetchpriority=high, preloaded; the others lazy."""
    imgs = [picture.find("img") for picture in soup.find_all("picture")]
    first = [img for img in imgs if img.get("fetchpriority") == "high"]
    assert len(first) == 1
    hero = first[0]
    assert hero.get("loading") != "lazy"
    if expected_alt is not None:
        assert hero["alt"] == expected_alt
    for img in imgs:
        if img is not hero:
            assert img["loading"] == "lazy" and img["decoding"] == "async"
    preloads = soup.head.find_all("link", rel="preload")
    assert len(preloads) == 1
    preload = preloads[0]
    avif = hero.find_parent("picture").find("source", type="image/avif")
    assert preload["as"] == "image" and preload["type"] == "image/avif"
    assert preload["imagesrcset"] == avif["srcset"]
    assert preload["imagesizes"] == avif["sizes"]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("model", [ExhibitPage, EventPage, StandardPage], ids=lambda m: m.__name__)
def test_content_pages_load_their_hero_first_and_their_figures_lazily(client, locales, model, code):
    page = with_hero_and_figure(model.objects.live().filter(locale=locales[code]).first())
    soup = soup_of(client, page.url)
    imgs = check_pictures(soup)
    assert len(imgs) == 2
    check_priority(soup, expected_alt="Une vue de l'entrée")
    figure = soup.find("figure", class_="figure").find("img")
    assert figure["alt"] == "Un casque de 1917"


@pytest.mark.parametrize("code", LANGUAGES)
def test_museum_page_hero_is_preloaded_in_avif(client, locales, code):
    from museum_pages.models import MuseumPage

    museum = MuseumPage.objects.live().filter(locale=locales[code]).first()
    soup = soup_of(client, museum.url)
    check_pictures(soup)
    check_priority(soup, expected_alt=museum.hero_image_alt)


def test_home_cards_are_lazy_avif_and_webp_pictures(client, home):
    soup = soup_of(client, "/fr/")
    imgs = check_pictures(soup)
    cards = soup.select(".card__media img")
    assert len(cards) == len(museums())
    for img in cards:
        assert img["loading"] == "lazy"
        assert (img["width"], img["height"]) == ("400", "250")
    assert len(imgs) == len(cards) + (1 if home.hero_image else 0)


def test_search_thumbnails_are_lazy_avif_and_webp_pictures(client, db):
    soup = soup_of(client, "/fr/search/?q=guerre")
    thumbnails = soup.select(".result__media img")
    assert thumbnails
    check_pictures(soup)
    for img in thumbnails:
        assert img["loading"] == "lazy" and img["width"] == "120"


@pytest.mark.parametrize("code", LANGUAGES)
def test_virtual_visit_poster_is_preloaded_and_scenes_are_lazy(client, locales, code):
    visit = VirtualVisitPage.objects.live().filter(locale=locales[code]).first()
    soup = soup_of(client, visit.url)
    check_pictures(soup)
    check_priority(soup)
    assert soup.find("img", fetchpriority="high").has_attr("data-visit-poster")
    scene_imgs = soup.select(".visit-scene__media img")
    assert len(scene_imgs) == len(visit.scenes)
    for img, scene in zip(scene_imgs, visit.scenes, strict=True):
        assert img["alt"] == scene.value["image_alt"]


def test_renditions_are_encoded_in_the_format_they_claim(client, museum):
    client.get(museum.url)
    renditions = museum.hero_image.get_renditions(*pictures.HERO.filters)
    formats = set()
    for spec, rendition in renditions.items():
        with rendition.file.open() as file, PillowImage.open(file) as image:
            expected = spec.rsplit("format-", 1)[1]
            assert image.format == {"jpeg": "JPEG", "webp": "WEBP", "avif": "AVIF"}[expected]
            assert image.size == (rendition.width, rendition.height)
            formats.add(image.format)
    assert formats == {"AVIF", "WEBP", "JPEG"}


def test_open_graph_image_is_a_single_jpeg(client, museum):
    soup = soup_of(client, museum.url)
    og_image = soup.head.find("meta", property="og:image")
    assert og_image["content"].startswith("http")
    assert og_image["content"].endswith(".jpg")
    assert soup.head.find("meta", property="og:image:width")["content"] == "1200"
    assert soup.head.find("meta", property="og:image:alt")["content"] == museum.hero_image_alt


@pytest.mark.parametrize("model", [ExhibitPage, EventPage], ids=lambda m: m.__name__)
def test_museum_exhibit_and_event_pages_load_no_map_or_viewer_script(
    client, locales, museum, model
):
    urls = [museum.url, model.objects.live().filter(locale=locales["fr"]).first().url]
    for url in urls:
        soup = soup_of(client, url)
        scripts = [script["src"] for script in soup.find_all("script", src=True)]
        styles = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        for asset in scripts + styles:
            assert "leaflet" not in asset and "pannellum" not in asset
            assert "network-map" not in asset and "virtual-visit" not in asset
