"""MuseumTeam now belongs to the teams app (teams/migrations/0001): the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_theme_colour_palette"),
        ("teams", "0001_museum_team_from_network"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="MuseumTeam")],
            database_operations=[],
        ),
    ]
