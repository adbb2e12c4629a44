"""Query-string parameters as the site reads them: numbers parsed strictly, tracking ignored."""

import re

# Added by newsletters, ads and social networks to links towards the site; no page reads
# them. Dropped from page-cache keys and from canonical and alternate URLs.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "mtm_", "hsa_")
TRACKING_NAMES = {
    "fbclid",
    "gclid",
    "gbraid",
    "wbraid",
    "dclid",
    "msclkid",
    "yclid",
    "twclid",
    "igshid",
    "ttclid",
    "li_fat_id",
    "_ga",
    "_gl",
    "ref_src",
}
ASCII_DIGITS = re.compile(r"[0-9]{1,9}")


def is_tracking(name):
    name = name.lower()
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)


def without_tracking(query):
    """A copy of the QueryDict `query` without its tracking parameters."""
    kept = query.copy()
    for name in list(kept):
        if is_tracking(name):
            del kept[name]
    return kept


def bounded_number(value, minimum, maximum):
    """`value` as an int when it is ASCII digits within [minimum, maximum], else None.

    `str.isdigit()` accepts "²" or Arabic-Indic digits, which `int()` then refuses or reads
    as another number: only 0-9 count.
    """
    if value is None or not ASCII_DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None
