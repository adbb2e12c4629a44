"""The demo's drawn pictures (demo/placeholders.py, issue 21): scenes of the places with no
text in any language, the same bytes on every run, and 360° panoramas without a seam."""

import io
import statistics

import pytest
from PIL import Image, ImageDraw

from demo.data import museums
from demo.placeholders import MOTIF_OF_THEME, draw_panorama, draw_placeholder, motif_of

MOTIFS = sorted({motif_of(museum) for museum in museums()} | set(MOTIF_OF_THEME.values()))


def pixels(data):
    return Image.open(io.BytesIO(data)).convert("L")


def test_every_museum_has_a_motif_that_is_drawn():
    assert {motif_of(museum) for museum in museums()} <= set(MOTIFS)
    assert len(set(MOTIFS)) >= 7  # mine, harbour, dome, bunker, memorial, trenches, tunnel…
    pictures = {draw_placeholder("Le même titre", "#5E5530", (400, 225), motif) for motif in MOTIFS}
    assert len(pictures) == len(MOTIFS)  # each motif shows something of its own


@pytest.mark.parametrize("motif", [*MOTIFS, None])
def test_pictures_carry_no_text(monkeypatch, motif):
    def no_text(*args, **kwargs):
        raise AssertionError("text painted into a demo picture")

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", no_text)
    monkeypatch.setattr(ImageDraw.ImageDraw, "multiline_text", no_text)
    draw_placeholder("Musée de la mine", "#363C42", (320, 180), motif)
    draw_panorama("L’accueil et l’ascenseur", "#363C42", (256, 128), motif)


def test_the_same_title_gives_the_same_bytes_and_another_title_another_picture():
    first = draw_placeholder("Historial de Péronne", "#5E5530", (480, 270), "castle")
    assert draw_placeholder("Historial de Péronne", "#5E5530", (480, 270), "castle") == first
    assert draw_placeholder("Une exposition", "#5E5530", (480, 270), "castle") != first
    assert draw_panorama("Scène", "#1D5E7A", (512, 256), "harbour") == draw_panorama(
        "Scène", "#1D5E7A", (512, 256), "harbour"
    )


@pytest.mark.parametrize("motif", MOTIFS)
def test_a_panoramas_left_and_right_edges_join(motif):
    """Turning round in the viewer crosses the image's edges: they must meet like any two
    neighbouring columns, where a flat picture's edges would not."""
    image = pixels(draw_panorama(f"Une scène {motif}", "#5E5530", (1024, 512), motif))
    width, height = image.size
    columns = image.load()

    def gap(left, right):
        return statistics.mean(abs(columns[left, y] - columns[right, y]) for y in range(height))

    neighbours = max(gap(x, x + 1) for x in range(0, width - 1, width // 16))
    assert gap(width - 1, 0) <= max(neighbours, 2)
    assert image.size == (1024, 512)
