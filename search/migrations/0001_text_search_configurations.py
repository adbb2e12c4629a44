"""PostgreSQL text-search configurations, one per language, that fold accents.

Each is a copy of PostgreSQL's own configuration with the `unaccent` dictionary in front
of the stemmer: "memorial" finds "Mémorial", "Dunkirchen" finds "Dünkirchen". Nothing
happens on SQLite, whose FTS5 tokenizer folds accents itself.
"""

from django.db import migrations

CONFIGS = {
    "memhisto_french": ("french", "french_stem"),
    "memhisto_english": ("english", "english_stem"),
    "memhisto_german": ("german", "german_stem"),
    "memhisto_dutch": ("dutch", "dutch_stem"),
    "memhisto_simple": ("simple", "simple"),
}


def create_configs(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (parent, dictionary) in CONFIGS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parent})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}"
        )


def drop_configs(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_configs, drop_configs)]
