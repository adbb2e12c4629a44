"""Theme colours become a fixed palette (CSS classes instead of inline styles)."""

from django.db import migrations, models

PALETTE = [
    "#37474F",
    "#363C42",
    "#3F4E6E",
    "#1D5E7A",
    "#245C4A",
    "#5E5530",
    "#7A4A12",
    "#8A1C2B",
    "#5B3A7A",
]


def rgb(hex_code):
    return [int(hex_code[i : i + 2], 16) for i in (1, 3, 5)]


def nearest_palette_colour(hex_code):
    try:
        colour = rgb(hex_code)
    except ValueError:
        return PALETTE[0]
    return min(
        PALETTE, key=lambda p: sum((a - b) ** 2 for a, b in zip(rgb(p), colour, strict=True))
    )


def colours_to_palette(apps, schema_editor):
    Theme = apps.get_model("network", "Theme")
    for theme in Theme.objects.all():
        colour = nearest_palette_colour(theme.colour.upper())
        if colour != theme.colour:
            Theme.objects.filter(pk=theme.pk).update(colour=colour)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_museum_teams"),
    ]

    operations = [
        migrations.RunPython(colours_to_palette, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="theme",
            name="colour",
            field=models.CharField(
                choices=[
                    ("#37474F", "Ardoise"),
                    ("#363C42", "Anthracite"),
                    ("#3F4E6E", "Bleu nuit"),
                    ("#1D5E7A", "Bleu pétrole"),
                    ("#245C4A", "Vert sapin"),
                    ("#5E5530", "Kaki"),
                    ("#7A4A12", "Brun"),
                    ("#8A1C2B", "Bordeaux"),
                    ("#5B3A7A", "Violet"),
                ],
                default="#37474F",
                help_text="Fond des pastilles et des filtres, sous un texte blanc toujours lisible.",
                max_length=7,
                verbose_name="couleur",
            ),
        ),
    ]
