"""Search that forgives (issue 21): place names in any of the four languages, typos,
"did you mean". Runs on SQLite and on PostgreSQL, on the demo network."""

import pytest

from search import forgiving
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

DUNKIRK = ["Dunkerque", "Dunkirk", "Dünkirchen", "Duinkerke"]


def search(client, code, query):
    response = client.get(f"/{code}/search/", {"q": query})
    assert response.status_code == 200
    return response


def found(response):
    return [result["page"] for result in response.context["described_results"]]


@pytest.mark.parametrize("code", ["fr", "en", "de", "nl"])
@pytest.mark.parametrize("name", DUNKIRK)
def test_each_name_of_dunkirk_finds_the_museum_in_the_visitors_language(client, code, name):
    pages = found(search(client, code, name))
    assert "musee-dunkerque-1940" in [page.slug for page in pages]
    assert {page.locale.language_code for page in pages} == {code}


def test_a_name_from_another_language_is_explained(client):
    text = search(client, "de", "Dunkerque 1940").content.decode()
    assert "„Dunkerque“ heißt hier „Dünkirchen“." in text
    assert "Museum Dünkirchen 1940" in text


def test_the_visitors_own_name_is_left_as_typed(client):
    response = search(client, "fr", "Dunkerque")
    assert "se dit ici" not in response.content.decode()
    assert response.context["search_query"] == "Dunkerque"


@pytest.mark.parametrize(
    ("code", "typo", "meant", "slug"),
    [
        ("de", "Tunnl", "Tunnel", None),
        ("fr", "Wellingtn", "Wellington", "carriere-wellington"),
        ("en", "Fromeles", "Fromelles", "musee-bataille-fromelles"),
        ("nl", "Duinkrke", "Duinkerke", "musee-dunkerque-1940"),  # no stemmer mends this one
    ],
)
def test_a_typo_offers_did_you_mean_and_its_results(client, code, typo, meant, slug):
    response = search(client, code, typo)
    pages = found(response)
    assert pages, f"{typo!r} found nothing on /{code}/"
    assert response.context["meant_query"].casefold() == meant.casefold()
    text = response.content.decode()
    assert 'class="notice did-you-mean"' in text
    assert f">{response.context['meant_query']}</a>" in text
    if slug:
        assert slug in [page.slug for page in pages]


def test_did_you_mean_is_in_the_visitors_language(client):
    text = search(client, "en", "Wellingtn").content.decode()
    assert "No results for “Wellingtn”. Did you mean" in text
    text = search(client, "fr", "Wellingtn").content.decode()
    assert "Aucun résultat pour « Wellingtn ». Vouliez-vous dire" in text


def test_a_word_found_as_typed_is_not_corrected(client):
    response = search(client, "fr", "Wellington")
    assert response.context["meant_query"] == ""
    assert "did-you-mean" not in response.content.decode()


def test_nonsense_gets_no_suggestion_and_no_error(client):
    response = search(client, "fr", "xqzwvk")
    assert found(response) == []
    assert response.context["meant_query"] == ""
    assert "Vérifiez l'orthographe" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["<script>alert(1)</script>", "Tunnl" * 40, "Dünk\x00irchen", "Wellingtn\u202e"]
)
def test_hostile_queries_are_answered(client, query):
    response = search(client, "de", query)
    assert b"<script>alert" not in response.content


def test_the_suggestion_is_escaped(client):
    # The corrected word comes from page titles, which editors write: it is escaped too.
    response = search(client, "fr", 'Wellingtn"><b>')
    assert "<b>" not in response.content.decode().split('class="notice did-you-mean"')[-1][:300]


def test_a_search_that_forgives_costs_no_more_queries_once_names_are_known(client):
    client.get("/de/search/", {"q": "Dünkirchen"})  # the towns are remembered
    plain = queries_for(client, "/de/search/?q=D%C3%BCnkirchen")
    renamed = queries_for(client, "/de/search/?q=Dunkerque")
    assert renamed == plain


def test_correction_words_are_the_close_ones():
    words = forgiving.vocabulary(["Carrière Wellington", "Tunnels et carrières"], [])
    assert forgiving.corrected(["Wellingtn"], words) == ["Wellington"]
    assert forgiving.corrected(["Arras"], words) is None  # "arras" is not close to any
    assert forgiving.corrected(["gaz"], words) is None  # too short to guess
