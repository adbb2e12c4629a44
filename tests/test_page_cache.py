"""Anonymous visitors are served from the page cache; content events clear it."""

import json
import time

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import StringSegment, TranslationSource

from core.page_cache import GENERATION_KEY, PageCacheMiddleware
from core.translation import translate
from demo.factories import ExhibitPageFactory
from home.models import StandardPage
from museum_pages.models import ExhibitPage, MuseumPage
from network.models import Theme
from tests.helpers import lifetime_bounds, max_age, network_member, sign_in, status_changes_in


def cached_twice(client, url):
    """Asks for `url` twice; the second answer must come from the cache."""
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    return second.content.decode()


def publish(page):
    page.save_revision().publish()


def test_a_cached_page_costs_no_sql_query(client, museum, django_assert_num_queries):
    first = client.get(museum.url)
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(museum.url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content


@pytest.mark.parametrize(
    "url", ["/fr/", "/api/museums.geojson?lang=de", "/sitemap.xml", "/nl/carriere-wellington/"]
)
def test_home_feed_sitemap_and_pages_are_cached(client, db, url, django_assert_num_queries):
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url)["X-Cache"] == "HIT"


def test_the_key_is_the_full_url_with_language_and_query(client, museum, locales):
    french = cached_twice(client, museum.url)
    german = cached_twice(client, museum.get_translation(locales["de"]).url)
    assert '<html lang="fr"' in french and '<html lang="de"' in german

    everything = cached_twice(client, "/fr/")
    port_only = cached_twice(client, "/fr/?theme=port")
    assert (
        everything.count('<article class="card">') > port_only.count('<article class="card">') > 0
    )


def test_an_unprefixed_url_is_kept_once_per_language(db):
    """The few URLs without a language prefix are answered in the visitor's language."""

    def answer_in_visitors_language(request):
        return HttpResponse(translation.get_language(), headers={"Vary": "Accept-Language"})

    middleware = PageCacheMiddleware(LocaleMiddleware(answer_in_visitors_language))
    for _ in range(2):
        for language in ("de", "nl"):
            request = RequestFactory().get("/unprefixed/", HTTP_ACCEPT_LANGUAGE=language)
            assert middleware(request).content.decode() == language


def test_opening_status_lifetime_is_kept_on_a_hit(client, museum):
    """A hit's max-age is what is left of the page's: it still ends when the status changes."""
    change = status_changes_in(120, [museum])
    started = time.time()
    first = client.get(museum.url)
    time.sleep(1.1)  # long enough for the whole seconds left to go down
    second = client.get(museum.url)
    least, most = lifetime_bounds(change, started, time.time())
    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "HIT"
    assert least - 1 <= max_age(second) <= most
    assert max_age(second) < max_age(first)


def test_logged_in_visitors_are_never_served_nor_stored(client, museum):
    client.get(museum.url)  # an anonymous visit fills the cache
    sign_in(client, network_member())
    response = client.get(museum.url)
    assert "X-Cache" not in response
    assert "wagtail-userbar" in response.content.decode()  # their own page, with the userbar
    client.logout()
    assert "wagtail-userbar" not in client.get(museum.url).content.decode()


def test_search_admin_previews_and_posts_are_never_cached(client, museum):
    for _ in range(2):
        search = client.get("/fr/search/?q=mine")
        assert search.status_code == 200 and "X-Cache" not in search
        assert "no-store" in search["Cache-Control"]
        assert "X-Cache" not in client.get("/fr/search/suggest/?q=min")
        assert "X-Cache" not in client.get("/admin/login/")
        assert "X-Cache" not in client.post(museum.url)

    sign_in(client, network_member())
    preview = client.get(f"/admin/pages/{museum.pk}/edit/preview/")
    assert "X-Cache" not in preview


@pytest.mark.parametrize(
    ("headers", "stored"),
    [
        ({}, True),
        ({"Cache-Control": "max-age=120"}, True),
        ({"Cache-Control": "max-age=0"}, False),
        ({"Cache-Control": "private, max-age=600"}, False),
        ({"Cache-Control": "no-cache"}, False),
        ({"Vary": "Accept-Language"}, True),
        ({"Vary": "User-Agent"}, False),
        ({"Vary": "Cookie, Accept-Encoding"}, True),
    ],
)
def test_only_responses_that_allow_it_are_stored(db, headers, stored):
    middleware = PageCacheMiddleware(lambda request: HttpResponse("page", headers=headers))
    request = RequestFactory().get("/fr/a-page/")
    middleware(request)
    assert (middleware(RequestFactory().get("/fr/a-page/")).get("X-Cache") == "HIT") is stored


def test_responses_that_set_a_cookie_or_fail_are_not_stored(db):
    def sets_cookie(request):
        response = HttpResponse("page")
        response.set_cookie("csrftoken", "secret")
        return response

    for view in (sets_cookie, lambda request: HttpResponse("gone", status=404)):
        middleware = PageCacheMiddleware(view)
        middleware(RequestFactory().get("/fr/other/"))
        assert "X-Cache" not in middleware(RequestFactory().get("/fr/other/"))


def test_an_entry_expires_with_its_max_age(db):
    middleware = PageCacheMiddleware(
        lambda request: HttpResponse("page", headers={"Cache-Control": "max-age=1"})
    )
    middleware(RequestFactory().get("/fr/short/"))
    assert middleware(RequestFactory().get("/fr/short/"))["X-Cache"] == "HIT"
    time.sleep(1.1)
    assert middleware(RequestFactory().get("/fr/short/"))["X-Cache"] == "MISS"


def test_a_publication_on_another_app_server_reaches_this_one(client, museum, settings):
    """Another process bumps the shared generation; this one reads it within the interval."""
    settings.PAGE_CACHE_GENERATION_CHECK_SECONDS = 0
    cached_twice(client, museum.url)
    caches[settings.PAGE_CACHE_ALIAS].incr(GENERATION_KEY)  # what clear_page_cache does there
    assert client.get(museum.url)["X-Cache"] == "MISS"


# Content events ---------------------------------------------------------------------------


def test_publishing_a_page_refreshes_it_its_listings_the_map_and_the_feed(client, museum):
    cached_twice(client, museum.url)
    cached_twice(client, "/fr/")
    cached_twice(client, "/api/museums.geojson?lang=fr")

    museum = MuseumPage.objects.get(pk=museum.pk)
    museum.title = "Carrière Wellington, mémorial de la bataille d'Arras"
    publish(museum)

    assert "mémorial de la bataille" in cached_twice(client, museum.url)
    assert "mémorial de la bataille" in cached_twice(client, "/fr/")
    feed = json.loads(cached_twice(client, "/api/museums.geojson?lang=fr"))
    assert "Carrière Wellington, mémorial de la bataille d'Arras" in [
        feature["properties"]["name"] for feature in feed["features"]
    ]


def test_unpublishing_removes_the_page_from_its_museum(client, museum):
    exhibit = ExhibitPage.objects.child_of(museum).live().first()
    assert exhibit.title in cached_twice(client, museum.url)
    cached_twice(client, exhibit.url)

    exhibit.unpublish()

    assert exhibit.title not in cached_twice(client, museum.url)
    assert client.get(exhibit.url).status_code == 404


def test_publishing_a_translation_shows_it_in_that_language(
    client, museum, locales, django_capture_on_commit_callbacks
):
    exhibit = ExhibitPageFactory(parent=museum, title="Les tunneliers néo-zélandais")
    german_museum = museum.get_translation(locales["de"])
    assert "tunneliers" not in cached_twice(client, german_museum.url)

    source, _created = TranslationSource.get_or_create_from_instance(exhibit)
    texts = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    pairs = {text: f"[de] {text}" for text in texts}
    pairs["Les tunneliers néo-zélandais"] = "Die neuseeländischen Tunnelbauer"
    with django_capture_on_commit_callbacks(execute=True):
        translate(exhibit, locales["de"], pairs)

    assert "Die neuseeländischen Tunnelbauer" in cached_twice(client, german_museum.url)


def test_moving_a_page_updates_both_museums(client, museum, locales):
    other = MuseumPage.objects.get(slug="la-coupole", locale=locales["fr"])
    exhibit = ExhibitPageFactory(parent=museum, title="Une exposition itinérante")
    assert "itinérante" in cached_twice(client, museum.url)
    assert "itinérante" not in cached_twice(client, other.url)

    Page.objects.get(pk=exhibit.pk).move(other, pos="last-child")

    assert "itinérante" not in cached_twice(client, museum.url)
    assert "itinérante" in cached_twice(client, other.url)


def test_deleting_a_page_removes_it(client, museum):
    exhibit = ExhibitPageFactory(parent=museum, title="Une exposition éphémère")
    assert "éphémère" in cached_twice(client, museum.url)

    Page.objects.get(pk=exhibit.pk).delete()

    assert "éphémère" not in cached_twice(client, museum.url)


def test_renaming_a_theme_shows_on_the_home_page(client, locales):
    theme = Theme.objects.filter(locale=locales["fr"]).first()
    cached_twice(client, "/fr/")
    theme.name = "Histoire renommée pour le test"
    theme.save()
    assert "Histoire renommée pour le test" in cached_twice(client, "/fr/")


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, museum):
    exhibit = ExhibitPage.objects.child_of(museum).live().first()
    assert exhibit.intro in cached_twice(client, exhibit.url)
    PageViewRestriction.objects.create(
        page=exhibit, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(exhibit.url)
    assert "X-Cache" not in response or response["X-Cache"] == "MISS"
    assert exhibit.intro not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_publishing_a_network_page_refreshes_the_footer_everywhere(client, museum, home):
    cached_twice(client, museum.url)
    page = StandardPage.objects.child_of(home).live().first()
    page.title = "Mentions légales et crédits"
    publish(page)
    assert "Mentions légales et crédits" in cached_twice(client, museum.url)
