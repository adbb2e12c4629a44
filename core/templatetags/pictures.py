"""Responsive pictures rendered from the uses of core.pictures (one spec per use)."""

from django import template
from django.utils.html import format_html

from core.pictures import USES, open_graph_rendition

register = template.Library()


@register.simple_tag
def responsive_picture(image, use, **attrs):
    """`{% responsive_picture page.hero_image "hero" alt=... loading="lazy" %}`

    Lazy pictures are also decoded off the main thread; the eager one is not.
    """
    if not image:
        return ""
    if attrs.get("loading") == "lazy":
        attrs.setdefault("decoding", "async")
    return USES[use].picture(image, **attrs)


@register.simple_tag
def preload_picture(image, use):
    """A `<link rel="preload">` for the AVIF source of the same picture, for `<head>`."""
    if not image:
        return ""
    picture = USES[use].picture(image)
    avif = picture.formats.get("avif")
    if not avif:
        return ""
    return format_html(
        '<link rel="preload" as="image" type="image/avif" imagesrcset="{}" imagesizes="{}"'
        ' fetchpriority="high">',
        picture.get_width_srcset(avif),
        USES[use].sizes,
    )


@register.simple_tag(takes_context=True)
def open_graph_image(context, image, alt=""):
    """The og:image meta tags of a page's hero image: one absolute JPEG URL with its size."""
    if not image:
        return ""
    rendition = open_graph_rendition(image)
    url = rendition.url
    request = context.get("request")
    if request is not None:
        url = request.build_absolute_uri(url)
    return format_html(
        '<meta property="og:image" content="{}">\n'
        '<meta property="og:image:width" content="{}">\n'
        '<meta property="og:image:height" content="{}">\n'
        '<meta property="og:image:alt" content="{}">',
        url,
        rendition.width,
        rendition.height,
        alt,
    )
