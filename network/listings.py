"""Listings that span the museums of the network. Each runs a fixed number of queries."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from museum_pages.models import MuseumPage
from network.models import Theme

# The rendition filters used by templates/includes/museum_card.html: prefetching them
# with the exact same spec strings lets a listing render every card without a query.
CARD_IMAGE_FILTERS = (
    "fill-400x250|format-webp",
    "fill-800x500|format-webp",
    "fill-400x250|format-jpeg",
    "fill-800x500|format-jpeg",
)


def museum_cards(home):
    """The live museums under a network home, with their themes in the home's language."""
    images = get_image_model().objects.prefetch_renditions(*CARD_IMAGE_FILTERS)
    museums = list(
        MuseumPage.objects.child_of(home)
        .live()
        .public()
        .order_by("title")
        .prefetch_related(Prefetch("hero_image", queryset=images), "themes")
    )
    themes = Theme.by_translation_key(home.locale_id)
    for museum in museums:
        museum.localized_themes = [
            themes.get(theme.translation_key, theme) for theme in museum.themes.all()
        ]
    return museums
