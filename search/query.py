"""What a visitor typed, made safe for the search backend, and how results are shown."""

import re
import unicodedata
from collections.abc import Sequence

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# Operators of the full-text engines are words to a visitor, not syntax: "V1 AND V2"
# means "V1 V2", which is what every search does already.
OPERATOR_WORDS = {"AND", "OR", "NOT", "NEAR"}
WORD = re.compile(r"\w+")


def clean_query(raw):
    """Printable characters only, spaces collapsed, cut to MAX_QUERY_LENGTH.

    Returns the cleaned query and whether it had to be cut.
    """
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    collapsed = " ".join(printable.split())
    return collapsed[:MAX_QUERY_LENGTH].strip(), len(collapsed) > MAX_QUERY_LENGTH


def search_terms(query):
    """The words of a query, without punctuation or operators: quotes, `*`, `-`, `:`…
    mean nothing to the backends once removed, so no query can break them."""
    words = [word for word in WORD.findall(query) if word not in OPERATOR_WORDS]
    return [word.replace("_", "") for word in words if word.replace("_", "")][:MAX_TERMS]


def fold(text):
    """Lower case without accents: "Mémorial" → "memorial"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _stem(term):
    # Enough of a term to match its plural and inflections in an excerpt: "tunnels"
    # marks "tunnel", "Dünkirchen" marks "Dunkirchen".
    folded = fold(term)
    return folded if len(folded) <= 4 else folded[: max(4, len(folded) - 2)]


def texts_of(raw):
    """Every string of a StreamField's raw data, tags stripped: paragraphs, quotes, captions."""
    if isinstance(raw, str):
        return [" ".join(strip_tags(raw).split())]
    if isinstance(raw, dict):
        raw = [value for key, value in raw.items() if key not in {"id", "type"}]
    if isinstance(raw, Sequence):  # lists, and a StreamValue's RawDataView
        return [text for item in raw for text in texts_of(item)]
    return []


def matched_text(candidates, terms):
    """The first text that contains a term, or the first non-empty one."""
    stems = [_stem(term) for term in terms]
    candidates = [text for text in candidates if text]
    for text in candidates:
        if any(fold(word).startswith(s) for word in WORD.findall(text) for s in stems):
            return text
    return candidates[0] if candidates else ""


def excerpt(text, terms, length=220):
    """An escaped excerpt of `text` around the first matched term, terms in <mark>."""
    if not text:
        return ""
    stems = [_stem(term) for term in terms]
    words = list(WORD.finditer(text))
    matches = [m for m in words if any(fold(m.group()).startswith(s) for s in stems)]
    start = 0
    if matches and matches[0].start() > length // 2:
        start = text.rfind(" ", 0, matches[0].start() - length // 3) + 1
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    pieces, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped
