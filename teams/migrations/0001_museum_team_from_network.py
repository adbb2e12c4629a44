"""MuseumTeam moves from the network app to teams: the same table, only Django's state moves.

The table `network_museumteam` was created by network's migration 0002 and keeps its name
(Meta.db_table); its content type follows the model, so that permissions stay attached.
"""

import django.db.models.deletion
from django.db import migrations, models


def content_type_to_teams(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="network", model="museumteam").update(app_label="teams")


def content_type_to_network(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="teams", model="museumteam").update(app_label="network")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("network", "0003_theme_colour_palette"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="MuseumTeam",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "museum_key",
                            models.UUIDField(
                                editable=False, unique=True, verbose_name="clé du musée"
                            ),
                        ),
                        (
                            "collection",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.collection",
                                verbose_name="collection",
                            ),
                        ),
                        (
                            "editors",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="auth.group",
                                verbose_name="rédacteurs",
                            ),
                        ),
                        (
                            "moderators",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="auth.group",
                                verbose_name="modérateurs",
                            ),
                        ),
                        (
                            "workflow",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.workflow",
                                verbose_name="circuit de validation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "équipe d'un musée",
                        "verbose_name_plural": "équipes des musées",
                        "db_table": "network_museumteam",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_teams, content_type_to_network),
    ]
