"""Search that forgives: places named in another of the site's languages, and typos.

Visitors type the name they know. A Dutch visitor on the German site types "Duinkerke",
a British one "Dunkirk", a French one "Dunkerque": the network's place names are its
museums' towns, entered in each language, so a term that is a town's name in another
language is searched under that town's name in the visitor's language.

A query that finds nothing is compared, word by word, with the words of the language's
searched texts (titles, introductions, bodies) and every language's towns, and the closest
words are offered ("did you mean …") and searched. difflib's ratio does it the same way
on SQLite and PostgreSQL: the vocabulary is some thousands of words, read only when a
search found nothing, so a trigram index (pg_trgm) would add a second code path and a
migration for no visible gain.
"""

import difflib
from dataclasses import dataclass

from .query import WORD, fold

# Below this, a word is too short to guess what was meant ("gaz", "WW2").
MIN_CORRECTED_LENGTH = 4
# difflib's ratio from which a word counts as a typo of another: "tunnl" → "tunnel" is
# 0.91, "coupol" → "coupole" 0.92, "arras" → "paris" 0.6 (not a typo).
CLOSENESS = 0.8


@dataclass(frozen=True)
class Town:
    translation_key: object
    language: str
    name: str
    words: tuple  # the name's words, folded: what a query's folded terms are compared with


def towns():
    """Every museum's town in every language: one query (remembered by the caller)."""
    from museum_pages.models import MuseumPage

    rows = MuseumPage.objects.live().values_list("translation_key", "locale__language_code", "town")
    return [
        Town(key, language, name, tuple(fold(word) for word in WORD.findall(name)))
        for key, language, name in rows
        if name
    ]


def in_visitor_language(terms, towns, language):
    """The terms with each town named in another language replaced by its name in
    `language`; returns the new terms and the (typed, replaced) names."""
    visitor_names = {town.translation_key: town for town in towns if town.language == language}
    known_here = {town.words for town in visitor_names.values()}
    # Longest names first: "Saint-Omer" before a town called "Omer".
    others = sorted(
        (town for town in towns if town.language != language),
        key=lambda town: -len(town.words),
    )
    terms = list(terms)
    folded = [fold(term) for term in terms]  # folded once, kept in step with `terms`
    renamed = []
    for town in others:
        words, here = town.words, visitor_names.get(town.translation_key)
        if not words or here is None or words in known_here:
            continue
        for start in range(len(terms) - len(words) + 1):
            if tuple(folded[start : start + len(words)]) == words:
                typed = " ".join(terms[start : start + len(words)])
                terms[start : start + len(words)] = WORD.findall(here.name)
                folded[start : start + len(words)] = here.words
                renamed.append((typed, here.name))
                break
    return terms, renamed


def vocabulary(texts, towns):
    """Folded word → the word as written, from page texts and town names."""
    words = {}
    for text in [*texts, *(town.name for town in towns)]:
        for word in WORD.findall(text):
            if len(word) >= MIN_CORRECTED_LENGTH and not word.isdigit():
                words.setdefault(fold(word), word)
    return words


def corrected(terms, words):
    """The terms with each unknown word replaced by the closest known one, or None when
    no word could be corrected."""
    result, changed = [], False
    for term in terms:
        folded = fold(term)
        if len(folded) < MIN_CORRECTED_LENGTH or folded in words:
            result.append(term)
            continue
        match = difflib.get_close_matches(folded, words, n=1, cutoff=CLOSENESS)
        if match:
            result.append(words[match[0]])
            changed = True
        else:
            result.append(term)
    return result if changed else None
