"""The search backend: Wagtail's database backend, with one text-search language per locale.

On PostgreSQL, every page is indexed with the text-search configuration of its own
language (French pages with French stemming, German pages with German stemming…) and a
query is parsed with the configuration of the active language, so that plurals and
inflections match. The configurations are copies of PostgreSQL's own with `unaccent`
in front (search/migrations/0001): case and accents do not matter.

On SQLite, Wagtail's FTS5 backend folds case and accents but has no stemming and
ranks every column alike; here the fields boosted above the body (title, town, themes)
go into the FTS "title" column, which bm25 weighs ten times more than the body.
"""

import copy

from django.db import connection
from django.utils import translation
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from core import languages

# Our text-search configurations, created by search/migrations/0001 on PostgreSQL.
TEXT_SEARCH_CONFIGS = {
    "fr": "memhisto_french",
    "en": "memhisto_english",
    "de": "memhisto_german",
    "nl": "memhisto_dutch",
}
# Suggestions match word beginnings: no stemming, but accents are still folded.
AUTOCOMPLETE_CONFIG = "memhisto_simple"


def config_for_language(language_code):
    code = (language_code or languages.SOURCE).split("-")[0].lower()
    return TEXT_SEARCH_CONFIGS.get(code, TEXT_SEARCH_CONFIGS[languages.SOURCE])


# On SQLite, the weight of each FTS5 column in bm25 (columns: autocomplete, body, title).
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 10.0)


def SearchBackend(params):  # noqa: N802 - Wagtail's name for a backend factory
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _sqlite_backend_class()(params)
    return backend


def _sqlite_backend_class():
    from django.db.models import F
    from modelsearch.backends.database.sqlite import sqlite
    from modelsearch.backends.database.sqlite.query import BM25
    from modelsearch.index import SearchField
    from modelsearch.query import Not, Phrase, PlainText
    from modelsearch.utils import get_content_type_pk

    class WeightedBM25(BM25):
        def as_sql(self, compiler, connection, function=None, template=None):
            weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
            return f"bm25({sqlite.SQLiteFTSIndexEntry._meta.db_table}, {weights})", []

    class BoostingObjectIndexer(sqlite.ObjectIndexer):
        """Puts every field boosted like the title into the title column."""

        def _texts(self, boosted):
            texts = []
            for field in self.search_fields:
                for current_field, value in self.prepare_field(self.obj, field):
                    if isinstance(current_field, SearchField):
                        is_boosted = (
                            current_field.field_name == "title" or (current_field.boost or 1) > 1
                        )
                        if is_boosted == boosted:
                            texts.append(value)
            return " ".join(texts)

        @property
        def title(self):
            return self._texts(boosted=True)

        @property
        def body(self):
            return self._texts(boosted=False)

    class BoostingIndex(sqlite.SQLiteIndex):
        def add_items(self, model, objs):
            # modelsearch's add_items, with our indexer.
            if not model.get_search_fields():
                return
            data = {}
            for obj in objs:
                indexer = BoostingObjectIndexer(obj, self.backend)
                data[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
            if not data:
                return
            entries = self.entries.filter(content_type_id=get_content_type_pk(model))
            existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
            for object_id in existing:
                title, autocomplete, body = data[object_id]
                entries.filter(object_id=object_id).update(
                    title=title, autocomplete=autocomplete, body=body
                )
            self.entries.bulk_create(
                sqlite.IndexEntry(
                    content_type_id=get_content_type_pk(model),
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            )
            self._refresh_title_norms()

    class WeightedQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, (Phrase, PlainText, Not)):
                return WeightedBM25() * boost if boost != 1.0 else WeightedBM25()
            return super().build_tsrank(vector, query, config=config, boost=boost)

        def get_index_vectors(self):
            # bm25 scores the whole row, columns weighted: one score, no title norm, which
            # would favour short titles over the boosted fields.
            return [(F("index_entry__title"), 1.0)]

    class BoostingSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        index_class = BoostingIndex
        query_compiler_class = WeightedQueryCompiler

    return BoostingSQLiteSearchBackend


def _postgres_backend_class():
    # Imported here: django.contrib.postgres needs psycopg, which SQLite-only setups lack.
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class LocalisedIndex(PostgresIndex):
        """Indexes each object with the text-search configuration of its language."""

        def add_items(self, model, objs):
            from wagtail.models import Locale

            languages = dict(Locale.objects.values_list("pk", "language_code"))
            by_config = {}
            for obj in objs:
                language = languages.get(getattr(obj, "locale_id", None))
                by_config.setdefault(config_for_language(language), []).append(obj)
            for config, group in by_config.items():
                backend = copy.copy(self.backend)
                backend.config = config
                PostgresIndex(backend).add_items(model, group)

    class LocalisedQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            from wagtail.models import TranslatableMixin

            # Objects without a language (images, documents…) are indexed in French.
            if not issubclass(self.queryset.model, TranslatableMixin):
                return backend.config
            return config_for_language(translation.get_language())

    class LocalisedPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LocalisedQueryCompiler
        autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
        index_class = LocalisedIndex

        def __init__(self, params):
            super().__init__(params)
            self.config = TEXT_SEARCH_CONFIGS[languages.SOURCE]
            self.autocomplete_config = AUTOCOMPLETE_CONFIG

    return LocalisedPostgresSearchBackend
