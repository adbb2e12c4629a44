"""Placeholder images drawn with Pillow: plainly placeholders, in the theme's colour."""

import io
import textwrap
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# A font with accents where the machine has one (Debian's fonts-dejavu-core); otherwise
# Pillow's built-in font, which has no accented letters, so the text is folded to ASCII.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def font(size):
    """A font of `size` pixels and the function that folds text to what the font can draw."""
    if DEJAVU.exists():
        return ImageFont.truetype(str(DEJAVU), size), str
    return ImageFont.load_default(size=size), _ascii


def _ascii(text):
    text = text.replace("–", "-").replace("’", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def draw_placeholder(title, subtitle, colour, size=(1600, 900)):
    """A JPEG showing the title on the colour, with a 'placeholder' mention. Returns bytes."""
    width, height = size
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    # A few diagonal bands, so that crops and renditions are easy to tell apart.
    for x in range(-height, width, 160):
        draw.line([(x, height), (x + height, 0)], fill=shade(colour, 0.88), width=40)
    title_font, fold = font(height // 9)
    small_font, _fold = font(height // 20)
    line_height = height // 8
    lines = textwrap.wrap(fold(title), width=24)
    y = height // 2 - (len(lines) * line_height) // 2
    for line in lines:
        draw.text((width // 2, y), line, font=title_font, fill="white", anchor="mt")
        y += line_height
    draw.text(
        (width // 2, y + height // 40), fold(subtitle), font=small_font, fill="white", anchor="mt"
    )
    draw.text(
        (width // 2, height - height // 12),
        "Mem'Histo · image provisoire",
        font=small_font,
        fill="white",
        anchor="mb",
    )
    return jpeg_bytes(image, quality=82)


def shade(hex_colour, factor):
    """The colour darkened by `factor` (0–1), as an RGB tuple."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return (int(red * factor), int(green * factor), int(blue * factor))


def jpeg_bytes(image, quality):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
