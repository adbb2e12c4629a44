"""The responsive pictures of the public pages, one entry per use.

Each use is the single source of its rendition filter specs: the `{% responsive_picture %}`
and `{% preload_picture %}` tags render from it, and the querysets that list pages prefetch
with `use.filters`. The strings must be exactly the same, or Wagtail looks each rendition
up (or re-encodes it) on every request.
"""

from dataclasses import dataclass
from functools import cached_property

from wagtail.images.models import Filter, Picture


@dataclass(frozen=True)
class PictureUse:
    spec: str  # Wagtail filter spec with brace expansion, AVIF and WebP first
    sizes: str  # matches the CSS layout of the place where the picture is shown

    @cached_property
    def filters(self):
        return tuple(Filter.expand_spec(self.spec))

    def picture(self, image, **attrs):
        """The `<picture>` of `image`: AVIF and WebP sources, a JPEG `<img>` with its size."""
        return Picture(renditions(image, *self.filters), {"sizes": self.sizes, **attrs})


def renditions(image, *filters):
    """`image.get_renditions(*filters)`, looked up once per image object.

    A page's hero is shown and preloaded, its OpenGraph image is in the head and in the
    JSON-LD: without this, each use asks the rendition cache (Redis) again.
    """
    known = image.__dict__.setdefault("_renditions_by_filters", {})
    if filters not in known:
        known[filters] = image.get_renditions(*filters)
    return known[filters]


def open_graph_rendition(image):
    return renditions(image, OPEN_GRAPH_FILTER)[OPEN_GRAPH_FILTER]


# The hero image of museum, exhibit, event, standard and home pages (static/css/main.css:
# full width on phones, half of the 75rem column from 56rem on).
HERO = PictureUse(
    "fill-{800x450,1600x900}|format-{avif,webp,jpeg}",
    "(min-width: 75rem) 36rem, (min-width: 56rem) 48vw, 100vw",
)
# A museum card of the home page's grid.
CARD = PictureUse(
    "fill-{400x250,800x500}|format-{avif,webp,jpeg}",
    "(min-width: 64em) 22rem, (min-width: 40em) 45vw, 92vw",
)
# An image block in a page's body (the prose column is at most 46rem wide).
FIGURE = PictureUse(
    "width-{400,800,1200}|format-{avif,webp,jpeg}",
    "(min-width: 48rem) 46rem, 92vw",
)
# A search result's thumbnail.
THUMBNAIL = PictureUse("fill-{120x90,240x180}|format-{avif,webp,jpeg}", "120px")
# A scene of a virtual visit shown flat, without JavaScript (panoramas unrolled).
SCENE = PictureUse(
    "width-{640,1280}|format-{avif,webp,jpeg}",
    "(min-width: 50rem) 46rem, 100vw",
)
# The same renditions as the first scene's poster, painted before the 360° viewer starts.
POSTER = PictureUse(SCENE.spec, "(min-width: 75rem) 75rem, 100vw")
# Shared on social networks and in the museum's JSON-LD: one JPEG, the size they ask for.
OPEN_GRAPH_FILTER = "fill-1200x630|format-jpeg"

USES = {
    "hero": HERO,
    "card": CARD,
    "figure": FIGURE,
    "thumbnail": THUMBNAIL,
    "scene": SCENE,
    "poster": POSTER,
}
