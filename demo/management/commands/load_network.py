"""Build the demo network: the French tree from facts and demo texts, then its translations.

Idempotent: what exists is left as it is, so a second run changes nothing. The only
exception keeps the demo from going stale: a demo event whose dates have all passed, or a
temporary exhibition that is no longer current, coming or ended as its data says, is dated
again from the day of the run (demo/events.py).
"""

import datetime
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from core import languages
from core.translation import (
    MissingText,
    ensure_locales,
    slug_of,
    source_slug,
    text_pairs,
    translate,
    with_slug,
)
from demo.accounts import ensure_demo_user, ensure_teams_and_demo_accounts
from demo.audio import Speaker, SpeechUnavailable
from demo.audio_guides import ensure_audio_guide
from demo.data import in_language, museums, network, routes
from demo.events import event_fields, event_texts, exhibition_dates
from demo.factories import (
    AgendaPageFactory,
    EventPageFactory,
    ExhibitPageFactory,
    ImageFactory,
    MuseumPageFactory,
    NetworkHomePageFactory,
    RouteIndexPageFactory,
    RoutePageFactory,
    StandardPageFactory,
    ThemeFactory,
)
from demo.placeholders import motif_of
from demo.practical import practical_fields, practical_texts
from demo.visits import ensure_visit
from home.models import NetworkHomePage
from museum_pages.models import Audience, ExhibitPage, MuseumPage
from museum_pages.practical import dates, geography
from network.models import RouteStop, Theme
from teams import translation_sync
from teams.permissions import collection_named
from teams.translators import ensure_translator_group

ADMIN_USERNAME = "admin"


def paragraphs(texts):
    return [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in texts]


def title_slugs(title):
    """{language: slug} made from a page's title in each language (an exhibition's)."""
    return {code: slug_of(in_language(title, code), code) for code in languages.CODES}


def rich_texts(blocks):
    return [str(value.source) for _kind, value in blocks]


class Command(BaseCommand):
    help = "Build the demo network (demo/museums/, demo/network.json) in fr, en, de and nl."

    def add_arguments(self, parser):
        parser.add_argument(
            "--museum",
            action="append",
            dest="museums",
            metavar="SLUG",
            help="Only this museum (repeatable), with the network around it; all by default.",
        )

    def handle(self, *args, **options):
        self.network = network()
        self.created = 0
        self.today = timezone.localdate()
        self.speaker = self.start_speaker()
        started = time.monotonic()
        # No enclosing transaction: wagtail-localize publishes translations on commit, and a
        # run that stops half-way is completed by the next one.
        # The demo writes its translations itself: no automatic drafts meanwhile
        # (teams.translation_sync).
        try:
            with translation_sync.paused():
                self.locales = self.ensure_locales()
                self.themes = self.ensure_themes()
                self.audiences = self.ensure_audiences()
                home = self.ensure_home()
                self.ensure_standard_pages(home)
                for museum in museums():
                    if not options.get("museums") or museum["slug"] in options["museums"]:
                        self.ensure_museum(home, museum)
                self.ensure_routes(home)
                self.ensure_agenda(home)
        except MissingText as error:
            raise CommandError(str(error)) from error
        pages = Page.objects.type(NetworkHomePage).count()
        if self.created:
            self.stdout.write(f"Demo network: {self.created} objects created or updated.")
        else:
            self.stdout.write("Demo network: already complete, nothing changed.")
        self.stdout.write(f"Network home pages (languages): {pages}")
        self.report_speech(time.monotonic() - started)
        self.ensure_accounts()
        ensure_teams_and_demo_accounts(self.stdout)

    # Locales and themes ------------------------------------------------------------------

    def ensure_locales(self):
        locales, created = ensure_locales()
        self.created += created
        return locales

    def ensure_themes(self):
        themes = {}
        for entry in self.network["themes"]:
            slug, names = entry["slug"], entry["name"]
            theme = Theme.objects.filter(slug=slug, locale=self.source_locale).first()
            if theme is None:
                theme = ThemeFactory(
                    slug=slug,
                    name=names[languages.SOURCE],
                    colour=entry["colour"],
                    locale=self.source_locale,
                )
                self.created += 1
            for code in languages.TARGETS:
                if not theme.has_translation(self.locales[code]):
                    pairs = text_pairs([names[languages.SOURCE]], [names[code]])
                    translate(theme, self.locales[code], pairs)
                    self.created += 1
            themes[slug] = theme
        return themes

    def ensure_audiences(self):
        audiences = {}
        for entry in self.network["audiences"]:
            slug, names = entry["slug"], entry["name"]
            audience = Audience.objects.filter(slug=slug, locale=self.source_locale).first()
            if audience is None:
                audience = Audience.objects.create(
                    slug=slug, name=names[languages.SOURCE], locale=self.source_locale
                )
                self.created += 1
            for code in languages.TARGETS:
                if not audience.has_translation(self.locales[code]):
                    pairs = text_pairs([names[languages.SOURCE]], [names[code]])
                    translate(audience, self.locales[code], pairs)
                    self.created += 1
            audiences[slug] = audience
        return audiences

    # Pages ----------------------------------------------------------------------------

    def ensure_page(self, factory, parent, slug, texts, **fields):
        """The French page `slug` under `parent`, created if missing, then its translations.

        `slug` is one string when the page type synchronises it, else {language: slug};
        `texts` maps each language to the list of translatable texts of the page, in the
        same order in every language, its translated slug last (core.translation.with_slug);
        `fields` builds the French page.
        """
        slug = source_slug(slug)
        page = parent.get_children().filter(slug=slug, locale=self.source_locale).first()
        if page is None:
            page = factory(parent=parent, slug=slug, locale=self.source_locale, **fields)
            self.created += 1
        page = page.specific
        self.ensure_translations(page, texts)
        return page

    def ensure_translations(self, page, texts, update=False):
        for code in languages.TARGETS:
            if update or not page.has_translation(self.locales[code]):
                translate(
                    page, self.locales[code], text_pairs(texts[languages.SOURCE], texts[code])
                )
                self.created += 1

    def ensure_home(self):
        home = NetworkHomePage.objects.filter(locale=self.source_locale, depth=2).first()
        root = Page.get_first_root_node()
        data = self.network["home_page"]
        texts = {code: self.page_texts(data, code) for code in languages.CODES}
        if home is None:
            # Wagtail's migrations leave a "Welcome" page as the site root: replace it.
            Page.objects.filter(depth=2, content_type__model="page").delete()
        home = self.ensure_page(
            NetworkHomePageFactory,
            root,
            data["slug"],
            texts,
            **self.page_fields(data),
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        if site.root_page_id != home.pk:
            site.hostname, site.port = "localhost", 80
            site.root_page, site.site_name = home, "Mem'Histo"
            site.save()
            self.created += 1
        return home

    def ensure_standard_pages(self, home):
        for entry in self.network["common_pages"]:
            texts = self.slugged_texts(entry)
            self.ensure_page(
                StandardPageFactory, home, entry["slug"], texts, **self.page_fields(entry)
            )

    def ensure_museum(self, home, data):
        slug, page, town = data["slug"], data["museum_page"], data["location"]["town"]
        title = page["title"][languages.SOURCE]
        theme_slugs = data["themes"] or ["ww1"]
        texts = {
            code: [
                in_language(page["title"], code),
                in_language(page["intro"], code),
                in_language(page["title"], code),  # alt text: the picture stands for the place
                in_language(town, code),
                *rich_texts(paragraphs(in_language(page["body"], code))),
                *practical_texts(data, code),
            ]
            for code in languages.CODES
        }
        existing = home.get_children().filter(slug=slug, locale=self.source_locale).exists()
        hero = None
        if not existing:
            collection = self.museum_collection(title)
            hero = ImageFactory(
                title=title,
                colour=self.themes[theme_slugs[0]].colour,
                motif=motif_of(data),
                collection=collection,
            )
        museum = self.ensure_page(
            MuseumPageFactory,
            home,
            slug,
            texts,
            **self.page_fields(page),
            hero_image=hero,
            hero_image_alt=title,
            town=town[languages.SOURCE],
            themes=[self.themes[theme] for theme in theme_slugs],
            **practical_fields(data),
        )
        self.ensure_exhibit(museum, data)
        self.ensure_temporary_exhibit(museum, data)
        self.ensure_visit(museum, data)
        ensure_audio_guide(self, museum, data)
        self.ensure_event(museum, data)

    def ensure_exhibit(self, museum, data):
        exhibition = data["exhibition"]
        title = exhibition["title"][languages.SOURCE]
        slug = title_slugs(exhibition["title"])
        texts = {
            code: [
                in_language(exhibition["title"], code),
                in_language(exhibition["intro"], code),
                in_language(exhibition["title"], code),
                *rich_texts(paragraphs(in_language(exhibition["body"], code))),
                slug[code],
            ]
            for code in languages.CODES
        }
        hero = None
        if not museum.get_children().filter(slug=slug[languages.SOURCE]).exists():
            hero = ImageFactory(
                title=title,
                colour=museum.themes.first().colour,
                motif=motif_of(data),
                collection=self.museum_collection(museum.title),
            )
        self.ensure_page(
            ExhibitPageFactory,
            museum,
            slug,
            texts,
            **self.page_fields(exhibition),
            hero_image=hero,
            hero_image_alt=title,
        )

    def ensure_visit(self, museum, data):
        return ensure_visit(self, museum, data)

    # Demo speech (demo/audio.py) ------------------------------------------------------

    def start_speaker(self):
        if not settings.MEMHISTO_DEMO_AUDIO:
            self.stdout.write(
                "Demo speech: off (MEMHISTO_DEMO_AUDIO=0): the visits have transcripts, no audio."
            )
            return None
        try:
            return Speaker()
        except SpeechUnavailable as error:
            self.speech_failed(error)
            return None

    def speech_failed(self, error):
        """No espeak-ng or ffmpeg (or one failed): said plainly, and the demo goes on."""
        self.stdout.write(self.style.WARNING(f"Demo speech: {error}"))
        self.speaker = None

    def report_speech(self, seconds):
        speaker = self.speaker
        if speaker is None:
            return
        spoken = ""
        if speaker.durations:
            spoken = f" ({min(speaker.durations):.1f} to {max(speaker.durations):.1f} s each)"
        self.stdout.write(
            f"Demo speech: {speaker.spoken} tracks spoken{spoken}, {speaker.reused} "
            f"already made; load {seconds:.1f} s."
        )

    def ensure_event(self, museum, data):
        """The museum's demo event, dated from the day of the run (demo/events.py); dated
        again when all its dates have passed, rewritten when its demo data changed."""
        slug = self.network["page_slugs"]["event"]
        texts = with_slug({code: event_texts(data, code) for code in languages.CODES}, slug)
        words = data["event"]
        fields = event_fields(data, self.today, data["contact"]["website"])
        audiences = [self.audiences[slug] for slug in data["event"]["audiences"]]
        event = self.ensure_page(
            EventPageFactory,
            museum,
            slug,
            texts,
            title=words["title"][languages.SOURCE],
            intro=words["intro"][languages.SOURCE],
            audiences=audiences,
            **fields,
        )
        wanted = {
            "title": words["title"][languages.SOURCE],
            "intro": words["intro"][languages.SOURCE],
            **fields,
        }
        stale = not event.is_upcoming
        changed = {
            name: value
            for name, value in wanted.items()
            if name not in ("start_at", "end_at", "repeat_until") and getattr(event, name) != value
        }
        if stale or changed or set(event.audiences.all()) != set(audiences):
            for name, value in (wanted if stale else changed).items():
                setattr(event, name, value)
            event.audiences.set(audiences)
            event.save_revision().publish()
            self.ensure_translations(event, texts, update=True)
            self.created += 1
        return event

    def ensure_temporary_exhibit(self, museum, data):
        """A temporary exhibition for the museums whose data has one: current, coming or
        ended as its days from the run say, dated again when that is no longer so."""
        entry = data.get("temporary_exhibition")
        if not entry:
            return None
        start, end = exhibition_dates(data, self.today)
        slug = title_slugs(entry["title"])
        texts = {
            code: [
                in_language(entry["title"], code),
                in_language(entry["intro"], code),
                *rich_texts(paragraphs(in_language(entry["body"], code))),
                slug[code],
            ]
            for code in languages.CODES
        }
        exhibit = self.ensure_page(
            ExhibitPageFactory,
            museum,
            slug,
            texts,
            **self.page_fields(entry),
            kind=ExhibitPage.Kind.TEMPORARY,
            start_date=start,
            end_date=end,
        )
        wanted_phase = dates.exhibition_phase("temporary", start, end, self.today)
        if exhibit.phase(self.today) != wanted_phase:
            exhibit.start_date, exhibit.end_date = start, end
            exhibit.save_revision().publish()
            self.ensure_translations(exhibit, texts, update=True)
            self.created += 1
        return exhibit

    def ensure_agenda(self, home):
        entry = self.network["agenda"]
        texts = self.slugged_texts(entry)
        self.ensure_page(AgendaPageFactory, home, entry["slug"], texts, **self.page_fields(entry))

    # Routes between museums -----------------------------------------------------------

    def ensure_routes(self, home):
        data = routes()
        entry = data["index"]
        texts = self.slugged_texts(entry)
        index = self.ensure_page(
            RouteIndexPageFactory, home, entry["slug"], texts, **self.page_fields(entry)
        )
        museum_pages = {
            page.slug: page
            for page in MuseumPage.objects.filter(locale=self.source_locale).child_of(home)
        }
        for route in data["routes"]:
            if any(
                "museum" in stop and stop["museum"] not in museum_pages for stop in route["stops"]
            ):
                continue  # a museum left out (--museum): the route waits for a full load
            texts = {
                code: [
                    *self.page_texts(route, code),
                    *self.stop_texts(route["stops"], code),
                    route["slug"][code],
                ]
                for code in languages.CODES
            }
            self.ensure_page(
                RoutePageFactory,
                index,
                route["slug"],
                texts,
                **self.page_fields(route),
                start_time=datetime.time.fromisoformat(route["start"]),
                stops=[self.route_stop(stop, museum_pages) for stop in route["stops"]],
            )

    @staticmethod
    def route_stop(stop, museum_pages):
        source = languages.SOURCE
        return RouteStop(
            museum=museum_pages[stop["museum"]] if "museum" in stop else None,
            name=stop["place"][source] if "place" in stop else "",
            location=geography.make_point(stop["longitude"], stop["latitude"])
            if "latitude" in stop
            else "",
            stay_minutes=stop["stay_minutes"],
            transport=stop["transport"][source] if stop["transport"] else "",
            note=stop["note"][source] if stop["note"] else "",
        )

    @staticmethod
    def stop_texts(stops, code):
        """The translatable texts of a route's stops in one language, aligned with French."""
        texts = []
        for stop in stops:
            for key in ("place", "transport", "note"):
                if stop.get(key):
                    texts.append(in_language(stop[key], code))
        return texts

    # Helpers --------------------------------------------------------------------------

    @property
    def source_locale(self):
        return self.locales[languages.SOURCE]

    @staticmethod
    def page_texts(entry, code):
        """The title, intro and body paragraphs of a page's demo data, in one language."""
        body = paragraphs(in_language(entry["body"], code))
        return [
            in_language(entry["title"], code),
            in_language(entry["intro"], code),
            *rich_texts(body),
        ]

    def slugged_texts(self, entry):
        """{language: the page's texts, its slug last} of a page's demo data."""
        return with_slug(
            {code: self.page_texts(entry, code) for code in languages.CODES}, entry["slug"]
        )

    @staticmethod
    def page_fields(entry):
        """The French title, intro and body of a page's demo data, for its factory."""
        return {
            "title": entry["title"][languages.SOURCE],
            "intro": entry["intro"][languages.SOURCE],
            "body": paragraphs(in_language(entry["body"], languages.SOURCE)),
        }

    def museum_collection(self, name):
        """Each museum keeps its images in its own collection (editors' rights follow it)."""
        collection, created = collection_named(name)
        self.created += created
        return collection

    def ensure_accounts(self):
        translator_groups = {code: ensure_translator_group(code) for code in languages.TARGETS}
        if not settings.MEMHISTO_DEMO_ACCOUNTS:
            return
        self.stdout.write(
            "Demo logins for the admin at /admin/ (to change a password: "
            ".venv/bin/python manage.py changepassword <user>):"
        )
        ensure_demo_user(self.stdout, ADMIN_USERNAME, superuser=True)
        for code, group in translator_groups.items():
            ensure_demo_user(self.stdout, f"translator-{code}", groups=[group], language=code)
