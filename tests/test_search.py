"""Search across the network, in the visitor's language (issue 7).

Runs on SQLite (FTS5) and on PostgreSQL (one text-search configuration per language).
"""

import pytest
from django.db import connection
from wagtail.models import Page

from core.translation import translate
from demo.factories import ExhibitPageFactory
from museum_pages.models import ExhibitPage, MuseumPage
from search.query import MAX_QUERY_LENGTH
from tests.helpers import counted_get, queries_for

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search"
)


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [result["page"] for result in response.context["described_results"]]


def slugs(pages):
    return [page.slug for page in pages]


# Language isolation ------------------------------------------------------------------


def test_german_query_on_de_returns_german_pages_only(client):
    pages = results(client, "/de/search/?q=Dünkirchen")
    assert pages
    assert {page.locale.language_code for page in pages} == {"de"}
    assert "musee-dunkerque-1940" in slugs(pages)


def test_the_same_museum_is_found_in_each_language_in_that_language_only(client):
    for code in ["fr", "en", "de", "nl"]:
        pages = results(client, f"/{code}/search/?q=Fromelles")
        assert {page.locale.language_code for page in pages} == {code}
        assert pages[0].slug == "musee-bataille-fromelles"


def test_french_words_that_are_not_place_names_find_nothing_on_the_german_site(client):
    # Place names are searched in every language (tests/test_forgiving_search.py); other
    # French words are not German.
    assert results(client, "/fr/search/?q=guerre")
    assert results(client, "/de/search/?q=guerre") == []


# Case, accents, boosts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("/fr/search/?q=thiepval", "historial-thiepval"),
        ("/fr/search/?q=THIEPVAL", "historial-thiepval"),
        ("/fr/search/?q=memorial+arras", "carriere-wellington"),
        ("/fr/search/?q=compiegne", "memorial-internement-deportation-compiegne"),
        ("/de/search/?q=dunkirchen", "musee-dunkerque-1940"),
    ],
)
def test_case_and_accents_do_not_matter(client, url, slug):
    assert slug in slugs(results(client, url))


@pytest.mark.parametrize(
    ("code", "town", "slug"),
    [
        ("fr", "Fromelles", "musee-bataille-fromelles"),
        ("fr", "Thiepval", "historial-thiepval"),
        ("en", "Lewarde", "centre-historique-minier-lewarde"),
        ("de", "Bondues", "musee-resistance-bondues"),
    ],
)
def test_searching_a_town_returns_its_museum_first(client, code, town, slug):
    first = results(client, f"/{code}/search/?q={town}")[0]
    assert first.slug == slug
    assert isinstance(first, MuseumPage)


def test_a_theme_finds_its_museums(client):
    pages = results(client, "/de/search/?q=Bergbau&type=museum")
    assert "centre-historique-minier-lewarde" in slugs(pages)


def test_town_and_theme_weigh_more_than_body_text(client, locales):
    thiepval = MuseumPage.objects.get(slug="historial-thiepval", locale=locales["fr"])
    ExhibitPageFactory(
        parent=thiepval,
        title="Des mineurs au front",
        intro="Lewarde, Lewarde, Lewarde : les mineurs de Lewarde creusèrent les sapes.",
    )
    pages = results(client, "/fr/search/?q=Lewarde")
    assert "des-mineurs-au-front" in slugs(pages)
    assert pages[0].slug == "centre-historique-minier-lewarde"
    # A theme name, in the page's language, finds the museums of that theme first.
    pages = results(client, "/nl/search/?q=Mijnbouw")
    assert isinstance(pages[0], MuseumPage)
    assert "centre-historique-minier-lewarde" in slugs(pages)


@on_postgresql
@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("/en/search/?q=tunnel", "carriere-wellington"),
        ("/fr/search/?q=carrieres", "carriere-wellington"),
    ],
)
def test_plurals_and_inflections_match_on_postgresql(client, url, slug):
    assert slug in slugs(results(client, url))


# Results and filters ----------------------------------------------------------------


def test_a_result_shows_title_museum_type_highlighted_excerpt_and_thumbnail(client):
    response = client.get("/fr/search/?q=souterrain&type=exhibit&museum=carriere-wellington")
    html = response.content.decode()
    first = response.context["described_results"][0]
    assert isinstance(first["page"], ExhibitPage)
    assert first["museum"].slug == "carriere-wellington"
    assert first["type"] == "Exposition"
    assert "Le parcours <mark>souterrain</mark> suit" in str(first["excerpt"])
    assert first["image"] is not None
    assert '<h3 class="result__title">' in html
    assert "<picture>" in html
    assert "Carrière Wellington" in html


def test_museum_filter_keeps_that_museums_pages(client):
    museum = MuseumPage.objects.get(slug="carriere-wellington", locale__language_code="fr")
    pages = results(client, "/fr/search/?q=bataille&museum=carriere-wellington")
    assert pages
    assert all(page.path.startswith(museum.path) for page in pages)
    assert len(results(client, "/fr/search/?q=bataille")) > len(pages)


def test_type_filter_keeps_that_type(client):
    pages = results(client, "/fr/search/?q=guerre&type=exhibit")
    assert pages
    assert all(isinstance(page, ExhibitPage) for page in pages)


def test_ten_results_a_page_with_pagination(client):
    first = client.get("/fr/search/?q=guerre")
    count = first.context["results"].paginator.count
    assert count > 10
    assert len(first.context["described_results"]) == 10
    assert "page=2" in first.content.decode()
    second = results(client, "/fr/search/?q=guerre&page=2")
    assert second
    assert not set(second) & {p["page"] for p in first.context["described_results"]}


# Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "x" * 10_000,
        "tun\x00nels\x07\x1b[31m",
        "tunnels AND mine",
        "tunnels OR",
        "NOT",
        "V1*",
        '"Dunkerque',
        '"quoted phrase"',
        "-mine",
        "mine -charbon",
        "a:b",
        "(((",
        "NEAR(a b)",
        "%_\\'",
        "<script>alert(1)</script>",
        "🙂",
    ],
)
@pytest.mark.parametrize("code", ["fr", "de"])
def test_bad_queries_are_answered_not_a_500(client, code, query):
    response = client.get(f"/{code}/search/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


def test_the_query_is_echoed_escaped(client):
    response = client.get("/fr/search/", {"q": "<script>alert('x')</script> Arras"})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Arras" in html


def test_a_very_long_query_is_cut_to_the_stated_length(client):
    response = client.get("/fr/search/", {"q": "Arras " + "x" * 10_000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) == MAX_QUERY_LENGTH
    assert f"{MAX_QUERY_LENGTH} caractères" in response.content.decode()


def test_an_empty_query_asks_for_a_word(client):
    response = client.get("/fr/search/?q=")
    assert response.status_code == 200
    assert "Saisissez un mot" in response.content.decode()


def test_operators_only_is_answered_with_a_message(client):
    response = client.get("/fr/search/", {"q": '*** "" -'})
    assert response.status_code == 200
    assert "aucun mot" in response.content.decode()


@pytest.mark.parametrize(
    "page", ["abc", "0", "-1", "99999", "1e9", "", "²", "٣", "１", "9" * 40, "1\x00"]
)
def test_a_bad_page_number_gives_a_page_of_results(client, page):
    """ "²" and Arabic-Indic or full-width digits pass str.isdigit(), not int(): no 500."""
    response = client.get("/fr/search/", {"q": "guerre", "page": page})
    assert response.status_code == 200
    assert response.context["described_results"]


def test_a_page_beyond_the_last_says_so(client):
    response = client.get("/fr/search/", {"q": "guerre", "page": "99999"})
    assert "voici la dernière" in response.content.decode()


def test_unknown_museum_or_type_is_answered_with_a_message(client):
    response = client.get("/fr/search/", {"q": "Arras", "museum": "<b>nope</b>"})
    assert response.status_code == 200
    assert "Ce musée n&#x27;existe pas" in response.content.decode()
    assert response.context["described_results"]
    response = client.get("/fr/search/", {"q": "Arras", "type": "user"})
    assert response.status_code == 200
    assert "Ce type de page n&#x27;existe pas" in response.content.decode()


# Suggestions ---------------------------------------------------------------------------


def test_suggestions_give_titles_as_json_in_the_active_language(client):
    data = client.get("/de/search/suggest/", {"q": "Dünk"}).json()
    titles = [suggestion["title"] for suggestion in data["suggestions"]]
    assert any("Dünkirchen" in title for title in titles)
    assert all(suggestion["url"].startswith("/de/") for suggestion in data["suggestions"])
    assert data["status"]


def test_suggestions_fold_accents_and_case(client):
    data = client.get("/fr/search/suggest/", {"q": "memo"}).json()
    assert any("Mémorial" in suggestion["title"] for suggestion in data["suggestions"])


@pytest.mark.parametrize("query", ["", "x" * 10_000, '"*-', "<script>", "\x00"])
def test_suggestions_answer_bad_input(client, query):
    response = client.get("/fr/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response.json()["suggestions"] == [] or isinstance(response.json()["suggestions"], list)


def test_the_search_page_works_without_javascript(client):
    html = client.get("/fr/search/?q=Arras").content.decode()
    assert 'method="get"' in html
    assert 'role="search"' in html
    assert "js/search-suggest.js" in html


# Index updates ----------------------------------------------------------------------------


def test_publishing_and_unpublishing_update_the_index(client, museum):
    page = ExhibitPageFactory(parent=museum, title="Zeppelinbombe", live=False, publish=False)
    assert results(client, "/fr/search/?q=Zeppelinbombe") == []
    page.save_revision().publish()
    assert slugs(results(client, "/fr/search/?q=Zeppelinbombe")) == [page.slug]
    page.refresh_from_db()
    page.unpublish()
    assert results(client, "/fr/search/?q=Zeppelinbombe") == []


def test_an_edit_once_published_is_found(client, museum):
    page = ExhibitPageFactory(parent=museum, title="Exposition provisoire")
    page.title = "Exposition Klaxonophone"
    page.save_revision().publish()
    assert slugs(results(client, "/fr/search/?q=Klaxonophone")) == [page.slug]


def test_a_translation_is_indexed_in_its_language(client, museum, locales):
    page = ExhibitPageFactory(parent=museum, title="Le Grapholithe", intro="Une pierre.")
    english = translate(
        page, locales["en"], {"Le Grapholithe": "The Graphstone", "Une pierre.": "A stone."}
    )
    assert slugs(results(client, "/en/search/?q=Graphstone")) == [page.slug]
    assert results(client, "/fr/search/?q=Graphstone") == []
    english.unpublish()
    assert results(client, "/en/search/?q=Graphstone") == []  # a page not live is not found


def test_a_moved_page_is_found_under_its_new_museum(client, museum, locales):
    other = MuseumPage.objects.get(slug="historial-thiepval", locale=locales["fr"])
    page = ExhibitPageFactory(parent=museum, title="Le Périscopographe")
    page.move(other, pos="last-child")
    found = results(client, "/fr/search/?q=Periscopographe&museum=historial-thiepval")
    assert slugs(found) == [page.slug]
    assert results(client, "/fr/search/?q=Periscopographe&museum=carriere-wellington") == []


# Queries --------------------------------------------------------------------------------


def test_the_number_of_queries_does_not_grow_with_the_results(client):
    few_url, many_url = "/fr/search/?q=Fromelles&type=museum", "/fr/search/?q=guerre&type=exhibit"
    few, many = queries_for(client, few_url), queries_for(client, many_url)
    assert len(results(client, few_url)) < len(results(client, many_url))
    assert few == many
    assert many <= 12


def test_suggestions_run_a_fixed_number_of_queries(client):
    response, count = counted_get(client, "/fr/search/suggest/", q="mus")
    assert response.status_code == 200
    assert count <= 4
    assert Page.objects.exists()


@pytest.mark.parametrize("code", ["fr", "en", "de", "nl"])
def test_every_page_links_to_search_in_its_language(client, code):
    assert f'href="/{code}/search/"' in client.get(f"/{code}/").content.decode()
