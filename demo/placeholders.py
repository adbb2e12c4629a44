"""Demo pictures drawn with Pillow: a scene of the place — sky, hills, horizon and the motif
of the museum (a mine headframe, a harbour, a bunker…) — with no text, so that no picture
speaks one language on the others' pages.

Drawn from a seed (a title), never from chance: the same title, motif and colour give the
same bytes on every run. The 2:1 panoramas are equirectangular and continuous: what leaves
the right edge comes back at the left one, so the 360° viewer shows no seam.
"""

import io
import math
import random
import zlib

from PIL import Image, ImageDraw

# The motif drawn for a museum whose demo data names none (its `picture`), by first theme.
MOTIF_OF_THEME = {
    "ww1": "trenches",
    "ww2": "bunker",
    "resistance": "memorial",
    "mining": "headframe",
    "port": "harbour",
}
SKIES = [  # (zenith, horizon): day, overcast, evening
    ((70, 120, 190), (200, 222, 240)),
    ((120, 135, 150), (214, 218, 222)),
    ((60, 70, 130), (242, 190, 140)),
]
CONCRETE, CHALK, DARK = (168, 166, 158), (222, 216, 198), (38, 36, 34)


def motif_of(museum):
    """The motif of a museum's pictures (its demo data: `picture`, or its first theme)."""
    return museum.get("picture") or MOTIF_OF_THEME.get((museum["themes"] or ["ww1"])[0])


def draw_placeholder(seed, colour, size=(1600, 900), motif=None):
    """A JPEG (bytes) of a landscape with the motif in the middle, tinted by `colour`."""
    return jpeg_bytes(Scene(seed, colour, size, motif, wrap=False).draw(), quality=82)


def draw_panorama(seed, colour, size=(2048, 1024), motif=None):
    """A 2:1 equirectangular JPEG (bytes): the motif ahead (the viewer's yaw 0, the image's
    centre), the landscape all around, its left and right edges joining."""
    return jpeg_bytes(Scene(seed, colour, size, motif, wrap=True).draw(), quality=80)


class Scene:
    """One picture being drawn: its random numbers come from the seed, `wrap` makes it a
    panorama (everything near an edge is also drawn a whole turn away)."""

    def __init__(self, seed, colour, size, motif, wrap):
        seed = zlib.crc32(f"{seed}|{motif}|{colour}|{size}".encode())
        self.random = random.Random(seed)  # noqa: S311 (pictures, not secrets)
        self.colour = rgb(colour)
        self.width, self.height = size
        self.motif, self.wrap = motif, wrap
        self.horizon = self.height // 2 if wrap else self.height * 62 // 100
        self.unit = self.height / (7 if wrap else 6)  # the height of a house, about

    def draw(self):
        if self.motif == "tunnel" and self.wrap:
            return self.draw_gallery()
        zenith, low = self.random.choice(SKIES)
        image = vertical_gradient(
            (self.width, self.height),
            [(0, mix(zenith, self.colour, 0.15)), (self.horizon, low)],
        )
        self.image, self.canvas = image, ImageDraw.Draw(image)
        self.sun()
        for _cloud in range(self.random.randint(3, 7)):
            self.cloud()
        sea = self.motif in ("harbour", "beach")
        self.hills(mix((120, 140, 120), low, 0.45), amplitude=0.09, count=3)
        if sea:
            self.sea(low)
        grass = mix((88, 112, 60), self.colour, 0.3)
        self.ground(grass, sea)
        away = self.random.choice((-0.3, 0.3)) * (1 if self.wrap else 0.6)  # from the motif
        village = self.width * (0.5 + away)
        self.each_side(village, self.village)
        for _tree in range(self.random.randint(4, 9)):
            self.tree(self.random.uniform(0, self.width), grass)
        motif = getattr(self, f"motif_{self.motif}", self.motif_landscape)
        self.each_side(self.width // 2, motif)
        return image

    # What every outdoor scene has ------------------------------------------------------

    def each_side(self, x, paint):
        """Paint at x; on a panorama also a turn away, so what crosses an edge continues."""
        for offset in (-self.width, 0, self.width) if self.wrap else (0,):
            paint(x + offset)

    def sun(self):
        radius = self.height // 22
        x = self.random.uniform(0, self.width)
        y = self.horizon * self.random.uniform(0.25, 0.6)
        self.each_side(
            x,
            lambda x: self.canvas.ellipse(
                [x - radius, y - radius, x + radius, y + radius], fill=(250, 240, 200)
            ),
        )

    def cloud(self):
        x = self.random.uniform(0, self.width)
        y = self.horizon * self.random.uniform(0.15, 0.7)
        size = self.height / 14 * self.random.uniform(0.6, 1.4)
        puffs = [(self.random.uniform(-1.5, 1.5), self.random.uniform(-0.3, 0.3)) for _ in range(5)]

        def paint(x):
            for dx, dy in puffs:
                cx, cy = x + dx * size, y + dy * size
                self.canvas.ellipse(
                    [cx - size, cy - size * 0.45, cx + size, cy + size * 0.45], fill=(244, 244, 240)
                )

        self.each_side(x, paint)

    def profile(self, amplitude, count):
        """A ridge line: sines of whole periods across the width, so it joins at the edges."""
        waves = [
            (self.random.randint(1, 6), self.random.uniform(0, math.tau), self.random.random())
            for _ in range(count)
        ]
        total = sum(weight for _k, _p, weight in waves) or 1
        step = max(self.width // 256, 1)
        points = []
        for x in range(0, self.width + step, step):
            angle = math.tau * x / self.width
            lift = sum(w * (1 + math.sin(k * angle + p)) / 2 for k, p, w in waves) / total
            points.append((x, self.horizon - lift * amplitude * self.height))
        return points

    def hills(self, fill, amplitude, count):
        ridge = self.profile(amplitude, count)
        self.canvas.polygon([*ridge, (self.width, self.height), (0, self.height)], fill=fill)

    def sea(self, low):
        water = mix((40, 90, 130), low, 0.25)
        top = self.horizon - self.height // 200
        self.canvas.rectangle([0, top, self.width, self.horizon + self.height // 14], fill=water)
        for row in range(6):
            y = top + (row + 1) * self.height // 90
            self.canvas.line([(0, y), (self.width, y)], fill=mix(water, (255, 255, 255), 0.15))

    def ground(self, grass, sea):
        top = self.horizon + (self.height // 14 if sea else 0)
        bottom = mix(grass, DARK, 0.6)
        band = vertical_gradient((self.width, self.height - top), [(0, grass), (-1, bottom)])
        self.image.paste(band, (0, top))
        if sea:  # a beach between the water and the grass
            self.canvas.rectangle(
                [0, top - self.height // 60, self.width, top + self.height // 80],
                fill=(214, 196, 150),
            )

    def tree(self, x, grass):
        size = self.unit * self.random.uniform(0.25, 0.45)
        y = self.horizon + self.random.uniform(0, 0.02) * self.height
        leaves = mix((50, 90, 50), grass, 0.3)

        def paint(x):
            self.canvas.rectangle(
                [x - size * 0.08, y - size, x + size * 0.08, y], fill=(80, 60, 40)
            )
            self.canvas.ellipse(
                [x - size * 0.5, y - size * 2, x + size * 0.5, y - size * 0.7], fill=leaves
            )

        self.each_side(x, paint)

    def village(self, x):
        """A far village: a few roofs and a church's steeple."""
        u, y = self.unit * 0.35, self.horizon
        wall, roof = (196, 186, 168), (150, 90, 70)
        for house in range(-3, 4):
            left = x + house * u * 1.1
            top = y - u * (0.8 + 0.2 * (house % 2))
            self.canvas.rectangle([left, top, left + u, y], fill=wall)
            self.canvas.polygon(
                [(left - u * 0.1, top), (left + u * 1.1, top), (left + u * 0.5, top - u * 0.5)],
                fill=roof,
            )
        self.canvas.rectangle([x - u * 0.3, y - u * 2.4, x + u * 0.3, y], fill=wall)
        self.canvas.polygon(
            [(x - u * 0.35, y - u * 2.4), (x + u * 0.35, y - u * 2.4), (x, y - u * 3.4)],
            fill=(90, 90, 100),
        )

    # The motifs: each painted with its foot on the horizon, centred on x --------------

    def motif_landscape(self, x):
        """No motif: a farm and its barn, the countryside of the region."""
        u, y = self.unit, self.horizon
        self.canvas.rectangle([x - u, y - u * 0.8, x + u * 0.4, y], fill=(200, 190, 170))
        self.canvas.polygon(
            [(x - u * 1.1, y - u * 0.8), (x + u * 0.5, y - u * 0.8), (x - u * 0.3, y - u * 1.4)],
            fill=(150, 70, 50),
        )
        self.canvas.rectangle([x + u * 0.5, y - u * 0.6, x + u * 1.3, y], fill=(130, 60, 40))

    def motif_headframe(self, x):
        """A mine's headframe over its winding house, a slag heap behind."""
        u, y = self.unit, self.horizon
        heap = mix((60, 58, 56), self.colour, 0.3)
        self.canvas.polygon(
            [(x + u * 0.8, y), (x + u * 3, y - u * 2.2), (x + u * 5.2, y)], fill=heap
        )
        steel, top = (70, 60, 55), y - u * 3
        for leg in (-0.7, 0.7):
            self.canvas.line(
                [(x + leg * u, y), (x + leg * u * 0.3, top)],
                fill=steel,
                width=max(int(u * 0.08), 2),
            )
        for step in range(1, 6):
            level = y + (top - y) * step / 6
            half = u * 0.7 * (1 - 0.7 * step / 6)
            self.canvas.line(
                [(x - half, level), (x + half, level)], fill=steel, width=max(int(u * 0.04), 1)
            )
        self.canvas.line(
            [(x - u * 1.6, y), (x - u * 0.2, top)], fill=steel, width=max(int(u * 0.07), 2)
        )  # the strut
        radius = u * 0.35
        self.canvas.ellipse(
            [x - radius, top - radius, x + radius, top + radius],
            outline=steel,
            width=max(int(u * 0.06), 2),
        )
        brick = (140, 70, 50)
        self.canvas.rectangle([x - u * 2.6, y - u * 1.1, x - u * 1, y], fill=brick)
        self.canvas.polygon(
            [(x - u * 2.7, y - u * 1.1), (x - u * 0.9, y - u * 1.1), (x - u * 1.8, y - u * 1.5)],
            fill=(90, 50, 40),
        )
        self.canvas.rectangle([x - u * 3.2, y - u * 2.6, x - u * 2.9, y], fill=brick)
        for window in range(3):
            left = x - u * 2.4 + window * u * 0.5
            self.canvas.rectangle(
                [left, y - u * 0.8, left + u * 0.25, y - u * 0.3], fill=(60, 50, 45)
            )

    def motif_harbour(self, x):
        """A lighthouse at the end of the quay, cranes beside it."""
        u, y = self.unit, self.horizon
        self.canvas.polygon(
            [
                (x - u * 0.35, y),
                (x + u * 0.35, y),
                (x + u * 0.2, y - u * 3),
                (x - u * 0.2, y - u * 3),
            ],
            fill=(236, 232, 224),
        )
        for band in range(3):
            low = y - u * (0.5 + band * 0.9)
            self.canvas.rectangle(
                [x - u * 0.3, low - u * 0.35, x + u * 0.3, low], fill=(180, 40, 40)
            )
        self.canvas.rectangle(
            [x - u * 0.22, y - u * 3.4, x + u * 0.22, y - u * 3], fill=(250, 220, 120)
        )
        self.canvas.polygon(
            [(x - u * 0.3, y - u * 3.4), (x + u * 0.3, y - u * 3.4), (x, y - u * 3.7)],
            fill=(60, 60, 60),
        )
        crane = mix((200, 120, 40), self.colour, 0.2)
        width = max(int(u * 0.08), 2)
        for offset in (1.6, 3.0):
            foot = x + u * offset
            self.canvas.line([(foot, y), (foot, y - u * 2.4)], fill=crane, width=width)
            self.canvas.line(
                [(foot - u * 0.4, y - u * 2.4), (foot + u * 1.4, y - u * 2.4)],
                fill=crane,
                width=width,
            )
            self.canvas.line(
                [(foot + u * 1.2, y - u * 2.4), (foot + u * 1.2, y - u * 1.4)],
                fill=(60, 60, 60),
                width=1,
            )
        self.canvas.rectangle([x - u * 3, y - u * 0.5, x - u * 1.2, y], fill=(120, 60, 50))

    def motif_dome(self, x):
        """A concrete dome half sunk into a hill, a tunnel's mouth beside it."""
        u, y = self.unit, self.horizon
        hill = mix((88, 112, 60), self.colour, 0.4)
        self.canvas.chord([x - u * 4, y - u * 1.2, x + u * 4, y + u * 1.2], 180, 360, fill=hill)
        self.canvas.chord(
            [x - u * 2.6, y - u * 2.2, x + u * 2.6, y + u * 2.2], 180, 360, fill=CONCRETE
        )
        for ring in (0.55, 0.8):  # the seams of the concrete
            self.canvas.arc(
                [x - u * 2.6 * ring, y - u * 2.2 * ring, x + u * 2.6 * ring, y + u * 2.2 * ring],
                180,
                360,
                fill=mix(CONCRETE, DARK, 0.25),
                width=max(int(u * 0.03), 1),
            )
        self.canvas.rectangle(
            [x - u * 2.6, y, x + u * 2.6, y + u * 0.1], fill=mix(CONCRETE, DARK, 0.2)
        )
        self.canvas.chord([x + u * 2.8, y - u * 0.6, x + u * 3.6, y + u * 0.6], 180, 360, fill=DARK)

    def motif_bunker(self, x):
        """A concrete blockhouse with its firing slit, dunes and wire in front."""
        u, y = self.unit, self.horizon
        self.canvas.polygon(
            [
                (x - u * 1.8, y),
                (x + u * 1.8, y),
                (x + u * 1.4, y - u * 1.1),
                (x - u * 1.4, y - u * 1.1),
            ],
            fill=CONCRETE,
        )
        self.canvas.rectangle(
            [x - u * 1.5, y - u * 1.25, x + u * 1.5, y - u * 1.05], fill=mix(CONCRETE, DARK, 0.2)
        )
        self.canvas.rectangle([x - u * 0.9, y - u * 0.8, x + u * 0.9, y - u * 0.6], fill=DARK)
        self.canvas.ellipse(
            [x - u * 3, y - u * 0.3, x - u * 1.6, y + u * 0.3], fill=(200, 186, 140)
        )
        self.wire(x - u * 3.5, x + u * 3.5, y + u * 0.3)

    def motif_beach(self, x):
        """A blockhouse on the dunes above the beach."""
        self.motif_bunker(x)

    def motif_castle(self, x):
        """A castle's towers and gate: the museum's building."""
        u, y = self.unit, self.horizon
        stone, roof = (190, 176, 150), (80, 84, 96)
        self.canvas.rectangle([x - u * 1.8, y - u * 1.6, x + u * 1.8, y], fill=stone)
        for tower in (-1.8, 1.8):
            left, right = x + (tower - 0.45) * u, x + (tower + 0.45) * u
            self.canvas.rectangle([left, y - u * 2.3, right, y], fill=mix(stone, DARK, 0.1))
            self.canvas.polygon(
                [
                    (left - u * 0.1, y - u * 2.3),
                    (right + u * 0.1, y - u * 2.3),
                    (x + tower * u, y - u * 3.2),
                ],
                fill=roof,
            )
        self.canvas.chord(
            [x - u * 0.45, y - u * 1.3, x + u * 0.45, y - u * 0.4], 180, 360, fill=DARK
        )
        self.canvas.rectangle([x - u * 0.45, y - u * 0.85, x + u * 0.45, y], fill=DARK)
        for window in (-1.1, 1.1):
            cx = x + window * u
            self.canvas.rectangle(
                [cx - u * 0.15, y - u * 1.2, cx + u * 0.15, y - u * 0.8], fill=(60, 60, 70)
            )

    def motif_memorial(self, x):
        """A memorial arch over the field, rows of crosses before it."""
        u, y = self.unit, self.horizon
        stone = (214, 200, 176)
        self.canvas.rectangle([x - u * 1.6, y - u * 2.4, x + u * 1.6, y], fill=stone)
        self.canvas.rectangle([x - u * 1, y - u * 3, x + u * 1, y - u * 2.4], fill=stone)
        self.canvas.rectangle(
            [x - u * 0.5, y - u * 1.6, x + u * 0.5, y], fill=mix(stone, DARK, 0.55)
        )
        self.canvas.ellipse(
            [x - u * 0.5, y - u * 2.1, x + u * 0.5, y - u * 1.1], fill=mix(stone, DARK, 0.55)
        )
        self.crosses(x, y + u * 0.4)

    def motif_trenches(self, x):
        """A zigzag trench across the field, wire, shell holes and a cemetery's crosses."""
        u, y = self.unit, self.horizon
        earth = (96, 74, 52)
        line, left = [], x - u * 5
        for step in range(11):
            line.append((left + step * u, y + u * (0.5 if step % 2 else 0.8)))
        self.canvas.line(line, fill=earth, width=max(int(u * 0.3), 3), joint="curve")
        for _hole in range(4):
            cx = x + self.random.uniform(-4, 4) * u
            cy = y + self.random.uniform(1.1, 1.8) * u
            self.canvas.ellipse(
                [cx - u * 0.4, cy - u * 0.12, cx + u * 0.4, cy + u * 0.12],
                fill=mix(earth, DARK, 0.4),
            )
        self.wire(x - u * 5, x + u * 5, y + u * 0.25)
        self.crosses(x + u * 2.5, y - u * 0.05)
        for _poppy in range(12):
            px = x + self.random.uniform(-5, 5) * u
            py = y + self.random.uniform(1, 2.5) * u
            self.canvas.ellipse([px - 3, py - 3, px + 3, py + 3], fill=(200, 30, 30))

    def motif_tunnel(self, x):
        """The mouth of an underground quarry in a chalk bank."""
        u, y = self.unit, self.horizon
        self.canvas.polygon(
            [
                (x - u * 4, y),
                (x - u * 2.4, y - u * 1.8),
                (x + u * 2.4, y - u * 1.8),
                (x + u * 4, y),
            ],
            fill=CHALK,
        )
        self.canvas.chord([x - u * 1, y - u * 1.4, x + u * 1, y + u * 1.4], 180, 360, fill=DARK)
        self.canvas.rectangle([x - u * 1, y - u * 0.05, x + u * 1, y], fill=DARK)
        for post in (-1.05, 1.05):
            self.canvas.rectangle(
                [x + post * u - u * 0.06, y - u * 1.1, x + post * u + u * 0.06, y],
                fill=(110, 80, 50),
            )

    # Small things ----------------------------------------------------------------------

    def crosses(self, x, y):
        u = self.unit
        for row in range(3):
            for column in range(-4, 5):
                cx, cy = x + column * u * 0.35 + row * u * 0.1, y + row * u * 0.3
                size = u * (0.12 + row * 0.02)
                self.canvas.rectangle(
                    [cx - size * 0.15, cy - size, cx + size * 0.15, cy], fill=(242, 240, 234)
                )
                self.canvas.rectangle(
                    [cx - size * 0.5, cy - size * 0.75, cx + size * 0.5, cy - size * 0.55],
                    fill=(242, 240, 234),
                )

    def wire(self, left, right, y):
        u = self.unit
        posts = int((right - left) / (u * 0.6))
        for post in range(posts + 1):
            px = left + post * u * 0.6
            self.canvas.line([(px, y), (px, y - u * 0.3)], fill=(70, 60, 50), width=2)
        for height in (0.1, 0.2):
            self.canvas.line(
                [(left, y - u * height), (right, y - u * height)], fill=(90, 90, 90), width=1
            )

    # Underground ------------------------------------------------------------------------

    def draw_gallery(self):
        """A panorama inside a chalk quarry: the vault above, the floor below, the gallery
        going on ahead and behind, lamps along the walls."""
        width, height, horizon = self.width, self.height, self.horizon
        chalk = mix(CHALK, self.colour, 0.15)
        image = vertical_gradient(
            (width, height),
            [(0, mix(chalk, DARK, 0.75)), (horizon, chalk), (-1, mix(chalk, DARK, 0.6))],
        )
        canvas = ImageDraw.Draw(image)
        for yaw in (0, 180):  # the gallery, ahead and behind
            x = width // 2 + width * yaw // 360
            for offset in (-width, 0, width):
                for depth in range(5):
                    half = height * (0.16 - depth * 0.028)
                    shade_of = mix(chalk, DARK, 0.35 + depth * 0.13)
                    box = [
                        x + offset - half,
                        horizon - half * 1.3,
                        x + offset + half,
                        horizon + half * 1.3,
                    ]
                    canvas.chord(box, 180, 360, fill=shade_of)
                    canvas.rectangle([box[0], horizon, box[2], horizon + half * 0.6], fill=shade_of)
        for yaw in range(-150, 180, 60):  # lamps on the walls, either side
            x = width // 2 + width * yaw // 360
            for offset in (-width, 0, width):
                for radius, fill in (
                    (height // 28, (240, 214, 150)),
                    (height // 80, (255, 250, 220)),
                ):
                    cx, cy = x + offset, horizon - height // 9
                    canvas.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=fill)
        for yaw in range(-165, 180, 30):  # the ribs of the vault
            x = width // 2 + width * yaw // 360
            canvas.line([(x, 0), (x, horizon - height // 6)], fill=mix(chalk, DARK, 0.5), width=3)
        return image


def vertical_gradient(size, stops):
    """An RGB image of `size` whose rows go from colour to colour at the given rows (-1: the
    last row)."""
    width, height = size
    rows = sorted((height - 1 if row == -1 else row, colour) for row, colour in stops)
    column = []
    for y in range(height):
        below = [stop for stop in rows if stop[0] <= y] or rows[:1]
        above = [stop for stop in rows if stop[0] > y] or rows[-1:]
        (top, start), (bottom, end) = below[-1], above[0]
        share = 0 if bottom == top else (y - top) / (bottom - top)
        column.append(mix(start, end, share))
    strip = Image.new("RGB", (1, height))
    strip.putdata(column)
    return strip.resize(size, Image.Resampling.NEAREST)


def mix(first, second, share):
    """The colour `share` (0–1) of the way from `first` to `second`."""
    return tuple(round(a + (b - a) * share) for a, b in zip(first, second, strict=True))


def rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def jpeg_bytes(image, quality):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
