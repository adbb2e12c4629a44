"""Museums from a network's file of facts: read, checked in full, then written in one go.

The file is JSON (a list of museums, or `{"themes": […], "museums": […]}`) or CSV (one
museum a row, one column a fact); museum_pages.practical.facts describes the facts.
Every museum is checked before anything is written: one problem anywhere and nothing is
imported, each problem reported with its line. Then, in one transaction:

- a new museum becomes a French page (published, or a draft with `publish=False`) with its
  team, collection and workflow (teams.signals), and drafts of its English, German and
  Dutch translations, which wait for the translators of each language;
- a known museum (by the file's `slug`, even if an editor has changed the page's slug
  since) gets a new revision when a fact in the file differs from the page and from what
  the last import wrote: an editor's change survives until the file changes that fact. It is
  published if the page was live without unpublished changes, else kept as a draft for
  its moderators. Its live translations whose every string a person has translated take
  the new facts at once (teams.translation_sync); the others when their translators
  publish (their editor shows the changed words), so that no French text goes live under
  another language;
- nothing is written when nothing changed: importing the same file twice changes nothing.
"""

import bisect
import csv
import io
import json
import json.decoder
import json.scanner
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from core import languages
from core.translation import text_pairs, translate
from home.models import NetworkHomePage
from museum_pages.models import ImportedFacts, MuseumPage
from museum_pages.practical import facts as museum_facts
from network.models import THEME_COLOURS, Theme
from teams import translation_sync

MAX_BYTES = 2 * 1024 * 1024
MAX_MUSEUMS = 500
LIST_COLUMNS = ("themes", "access", "visit_languages", "audio_guide_languages")
ROW_COLUMNS = museum_facts.ROWS
YES = {"yes", "oui", "true", "1", "x"}
NO = {"no", "non", "false", "0"}
THEME_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FileProblem(Exception):
    """The file cannot be read at all (size, encoding, syntax, columns)."""


class RowProblems(Exception):
    """Some museums or themes of the file are wrong: [message], each with its line."""

    def __init__(self, messages):
        super().__init__(f"{len(messages)} problem(s)")
        self.messages = messages


@dataclass
class Entry:
    """One museum (or theme) of the file, where it is, and the problems of its syntax."""

    where: str
    raw: object
    lines: dict = field(default_factory=dict)  # id(nested object) → line, for JSON
    problems: list = field(default_factory=list)


# Reading -----------------------------------------------------------------------------------


def read_file(path, file_format=None):
    """(museum entries, theme entries) of the file at `path`; FileProblem if unreadable."""
    path = Path(path)
    if not path.is_file():
        raise FileProblem(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise FileProblem(f"{path.name}: {size} bytes, larger than {MAX_BYTES} (2 MB)")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            f"{path.name}: not UTF-8 text (byte {error.start}); save the file as UTF-8"
        ) from error
    if "\x00" in text:
        raise FileProblem(f"{path.name}: not a text file (it holds NUL characters)")
    file_format = file_format or path.suffix.lower().lstrip(".")
    if file_format == "json":
        museums, themes = read_json(text, path.name)
    elif file_format == "csv":
        museums, themes = read_csv(text, path.name), []
    else:
        raise FileProblem(f"{path.name}: a .json or .csv file is expected (or --format)")
    if len(museums) > MAX_MUSEUMS:
        raise FileProblem(f"{path.name}: {len(museums)} museums, {MAX_MUSEUMS} at most")
    return museums, themes


def read_json(text, name):
    newlines = [i for i, char in enumerate(text) if char == "\n"]
    lines = {}

    def line_of(position):
        return bisect.bisect_left(newlines, position) + 1

    def parse_object(s_and_end, *args):
        obj, end = json.decoder.JSONObject(s_and_end, *args)
        lines[id(obj)] = line_of(s_and_end[1] - 1)
        return obj, end

    decoder = json.JSONDecoder()
    decoder.parse_object = parse_object
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    try:
        data = decoder.decode(text)
    except json.JSONDecodeError as error:
        raise FileProblem(f"{name}: not JSON: {error.msg} (line {error.lineno})") from error
    except RecursionError as error:
        raise FileProblem(f"{name}: nested too deeply to be a file of museums") from error
    themes = []
    if isinstance(data, dict):
        unknown = set(data) - {"themes", "museums"}
        if unknown or not isinstance(data.get("museums", []), list):
            raise FileProblem(f'{name}: a list of museums, or {{"themes": […], "museums": […]}}')
        themes = data.get("themes") or []
        if not isinstance(themes, list):
            raise FileProblem(f'{name}: "themes" is a list')
        data = data.get("museums", [])
    if not isinstance(data, list):
        raise FileProblem(f"{name}: a list of museums is expected")

    def entries(items, kind):
        return [
            Entry(f"line {lines.get(id(item), '?')} ({kind} {index + 1})", item, lines)
            for index, item in enumerate(items)
        ]

    return entries(data, "museum"), entries(themes, "theme")


def read_csv(text, name):
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = [column.strip() for column in reader.fieldnames or []]
        unknown = [column for column in columns if column not in museum_facts.KEYS]
        if unknown:
            raise FileProblem(
                f"{name}: unknown column(s) {', '.join(map(repr, unknown))} "
                f"(the columns are: {', '.join(museum_facts.KEYS)})"
            )
        if "name" not in columns:
            raise FileProblem(f"{name}: the first line names the columns, `name` among them")
        reader.fieldnames = columns
        found, line = [], reader.line_num + 1
        for number, row in enumerate(reader, start=1):
            entry = Entry(f"line {line} (row {number})", {})
            if None in row:
                entry.problems.append(("", f"{len(row[None])} cell(s) more than columns"))
            for column, cell in row.items():
                if column is not None and cell is not None and cell.strip():
                    entry.raw[column] = csv_value(column, cell.strip(), entry)
            found.append(entry)
            line = reader.line_num + 1
            if len(found) > MAX_MUSEUMS:
                break
    except csv.Error as error:
        raise FileProblem(f"{name}: not CSV: {error} (line {reader.line_num})") from error
    return found


def csv_value(column, cell, entry):
    """A CSV cell as the JSON value of that fact."""
    if column in LIST_COLUMNS:
        return [code for code in re.split(r"[,\s]+", cell) if code]
    if column in ROW_COLUMNS:
        return [part.strip() for part in cell.split(";") if part.strip()]
    if column == "guided_visits_only":
        if cell.lower() in YES | NO:
            return cell.lower() in YES
        entry.problems.append((column, f"{cell!r}: yes or no is expected"))
        return False
    return cell


# Checking ----------------------------------------------------------------------------------


def line_for(entry, path):
    """The line of the innermost object of a JSON museum that `path` (hours[1].opens) names."""
    line, value = None, entry.raw
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        value = value.get(name) if isinstance(value, dict) else None
        if index and isinstance(value, list) and int(index) < len(value):
            value = value[int(index)]
        line = entry.lines.get(id(value), line)
    return line


def describe(entry, label, where, message):
    line = line_for(entry, where) if where else None
    place = entry.where if line is None else re.sub(r"^line \S+", f"line {line}", entry.where)
    return f"{place}{label}: {where + ': ' if where else ''}{message}"


def check_themes(entries):
    """[theme data] of the file's themes, and the problems found."""
    themes, problems, colours = [], [], [code for code, _name, _label in THEME_COLOURS]
    for entry in entries:
        raw = entry.raw if isinstance(entry.raw, dict) else {}
        names = raw.get("name")
        found = []
        if not isinstance(raw.get("slug"), str) or not THEME_SLUG.match(raw["slug"]):
            found.append(("slug", "a slug (a-z, 0-9 and hyphens) is required"))
        if raw.get("colour") not in colours:
            found.append(("colour", f"one of {', '.join(colours)}"))
        if (
            not isinstance(names, dict)
            or set(names) != set(languages.CODES)
            or not all(isinstance(text, str) and 0 < len(text) <= 80 for text in names.values())
        ):
            found.append(("name", f"a name in each of {', '.join(languages.CODES)}"))
        if set(raw) - {"slug", "colour", "name"} or not isinstance(entry.raw, dict):
            found.append(("", "a theme has a slug, a colour and a name, nothing else"))
        problems += [describe(entry, "", where, message) for where, message in found]
        if not found:
            themes.append(raw)
    return themes, problems


def check(museum_entries, theme_entries, source_locale):
    """(museums' facts, themes) of the file, or RowProblems listing everything wrong."""
    themes, problems = check_themes(theme_entries)
    known = set(Theme.objects.filter(locale=source_locale).values_list("slug", flat=True))
    known |= {theme["slug"] for theme in themes}
    home = NetworkHomePage.objects.filter(locale=source_locale, depth=2).first()
    other_pages = {}
    if home is not None:
        other_pages = dict(
            home.get_children()
            .exclude(content_type__model="museumpage")
            .values_list("slug", "title")
        )
    museums, seen = [], {}
    for entry in museum_entries:
        facts, found = museum_facts.clean_facts(entry.raw, sorted(known))
        found.found[:0] = entry.problems
        slug = facts.get("slug")
        label = f" {slug}" if slug else ""
        if slug in seen:
            found.add("slug", f"{slug!r} is already the museum of {seen[slug]}")
        elif slug in other_pages:
            found.add("slug", f"{slug!r} is the address of the page {other_pages[slug]!r}")
        if slug:
            seen.setdefault(slug, entry.where)
        problems += [describe(entry, label, where, message) for where, message in found.found]
        museums.append(facts)
    if problems:
        raise RowProblems(problems)
    return museums, themes


# Writing -----------------------------------------------------------------------------------


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    drafts: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    themes: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated or self.themes)


def import_museums(museum_entries, theme_entries, publish=True, dry_run=False):
    """Check every museum of the file, then write them all in one transaction: a Report."""
    source = Locale.objects.filter(language_code=languages.SOURCE).first()
    home = NetworkHomePage.objects.filter(locale=source, depth=2).first() if source else None
    if home is None:
        raise FileProblem("no network home page: run `manage.py setup_network` first")
    museums, themes = check(museum_entries, theme_entries, source)
    report = Report()
    if dry_run:
        return report
    with transaction.atomic():
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        ensure_themes(themes, locales, report)
        by_slug = {theme.slug: theme for theme in Theme.objects.filter(locale=source)}
        for facts in museums:
            Writer(home, locales, by_slug, publish, report).write(facts)
    return report


def ensure_themes(themes, locales, report):
    """The file's themes that do not exist yet, with their names in every language."""
    source = locales[languages.SOURCE]
    for data in themes:
        if Theme.objects.filter(slug=data["slug"], locale=source).exists():
            continue  # an existing theme is the network's: never renamed by an import
        names = data["name"]
        theme = Theme.objects.create(
            slug=data["slug"], name=names[languages.SOURCE], colour=data["colour"], locale=source
        )
        for code in languages.TARGETS:
            translate(theme, locales[code], text_pairs([names[languages.SOURCE]], [names[code]]))
        report.themes.append(data["slug"])


class Writer:
    def __init__(self, home, locales, themes, publish, report):
        self.home, self.locales, self.themes = home, locales, themes
        self.publish, self.report = publish, report
        self.source = locales[languages.SOURCE]

    def write(self, facts):
        record = ImportedFacts.objects.filter(slug=facts["slug"]).first()
        page = None
        if record is not None:
            page = MuseumPage.objects.filter(
                translation_key=record.museum_key, locale=self.source
            ).first()
        if page is None:
            page = (
                MuseumPage.objects.child_of(self.home)
                .filter(slug=facts["slug"], locale=self.source)
                .first()
            )
        if page is None:
            page = self.create(facts)
        else:
            self.update(page, facts, record.facts if record else None)
        remembered = {**(record.facts if record else {}), **facts}
        if record is None:
            ImportedFacts.objects.create(
                slug=facts["slug"], museum_key=page.translation_key, facts=remembered
            )
        elif record.facts != remembered or record.museum_key != page.translation_key:
            record.facts, record.museum_key = remembered, page.translation_key
            record.save()

    def create(self, facts):
        keys = [key for key in facts if key != "themes"]
        page = MuseumPage(
            locale=self.source, live=self.publish, **museum_facts.page_fields(facts, keys)
        )
        page.themes = [self.themes[slug] for slug in facts.get("themes", [])]
        self.home.add_child(instance=page)  # the team, collection and workflow: teams.signals
        revision = page.save_revision(log_action=True)
        if self.publish:
            with translation_sync.paused():  # synchronised below, in this transaction
                revision.publish()
        translation_sync.sync_page(page)  # a draft for the translators of each language
        self.report.created.append(page.slug)
        return page

    def update(self, page, facts, last):
        """A new revision with the facts the file changed, unless none changed."""
        latest = page.get_latest_revision_as_object()
        now = museum_facts.page_facts(latest)
        changed = [
            key
            for key, value in facts.items()
            if key != "slug"
            and value != now.get(key)
            and (last is None or key not in last or last[key] != value)
        ]
        if not changed:
            self.report.unchanged.append(page.slug)
            return
        keys = [key for key in changed if key != "themes"]
        for name, value in museum_facts.page_fields(facts, keys, page=latest).items():
            setattr(latest, name, value)
        if "themes" in changed:
            latest.themes = [self.themes[slug] for slug in facts["themes"]]
        publish = page.live and not page.has_unpublished_changes
        revision = latest.save_revision(log_action=True)
        if publish:
            with translation_sync.paused():  # synchronised at once by update_translations
                revision.publish()
            self.update_translations(page)
            self.report.updated.append(f"{page.slug} ({', '.join(changed)})")
        else:
            self.report.drafts.append(f"{page.slug} ({', '.join(changed)})")

    def update_translations(self, page):
        """Through teams.translation_sync, as any French publication: drafts are rebuilt;
        a live translation whose every string a person translated takes the new facts at
        once (facts are synchronised, the words are the translators'); the others keep
        their live page, their editor shows the changed strings, and the facts follow when
        their translators publish, so that no French nor machine text goes live."""
        translation_sync.sync_page(page, live_facts=True)
