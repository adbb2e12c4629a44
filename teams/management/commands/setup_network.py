"""setup_network: an empty database becomes a working network; safe to run at every release.

After `migrate`, the site is Wagtail's "Welcome" page in French only. This command creates
what every Mem'Histo network needs and nothing an editor would have to undo: the four
locales; the network home page as the site's root, in French with its English, German and
Dutch translations; the common pages (about, legal notice, accessibility statement, privacy)
as skeletons in the four languages; the agenda; the network team, the translator groups and the
workflows; and it removes Wagtail's unused default groups. Pages are only created when
missing, never rewritten: what an editor changed stays as it is.
"""

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from core import languages
from core.translation import ensure_locales, source_slug, text_pairs, translate, with_slug
from home.models import NetworkHomePage, StandardPage
from network.models import AgendaPage
from teams import translation_sync
from teams.permissions import ensure_network_team, sync_all_museum_teams
from teams.translators import ensure_translator_group

SITE_NAME = "Mem'Histo"
HOME = {
    "slug": "mem-histo",
    "title": {"fr": "Mem'Histo", "en": "Mem'Histo", "de": "Mem'Histo", "nl": "Mem'Histo"},
    "intro": {
        "fr": "Les musées d'histoire et de mémoire des Hauts-de-France.",
        "en": "The history and memory museums of the Hauts-de-France.",
        "de": "Die Geschichts- und Gedenkmuseen von Hauts-de-France.",
        "nl": "De geschiedenis- en herinneringsmusea van Hauts-de-France.",
    },
}
# Slugs and titles as the demo network has them (demo/network.json), so that the demo loader
# finds these pages and fills them.
COMMON_PAGES = [
    {
        "slug": {"fr": "a-propos", "en": "about", "de": "ueber-uns", "nl": "over-ons"},
        "title": {
            "fr": "À propos de Mem'Histo",
            "en": "About Mem'Histo",
            "de": "Über Mem'Histo",
            "nl": "Over Mem'Histo",
        },
    },
    {
        "slug": {
            "fr": "mentions-legales",
            "en": "legal-notice",
            "de": "impressum",
            "nl": "juridische-informatie",
        },
        "title": {
            "fr": "Mentions légales",
            "en": "Legal notice",
            "de": "Impressum",
            "nl": "Juridische informatie",
        },
    },
    {
        "slug": {
            "fr": "accessibilite",
            "en": "accessibility",
            "de": "barrierefreiheit",
            "nl": "toegankelijkheid",
        },
        "title": {
            "fr": "Déclaration d’accessibilité",
            "en": "Accessibility statement",
            "de": "Erklärung zur Barrierefreiheit",
            "nl": "Toegankelijkheidsverklaring",
        },
    },
    {
        "slug": {"fr": "confidentialite", "en": "privacy", "de": "datenschutz", "nl": "privacy"},
        "title": {
            "fr": "Politique de confidentialité",
            "en": "Privacy policy",
            "de": "Datenschutzerklärung",
            "nl": "Privacybeleid",
        },
    },
]
# The network's agenda (/<lang>/agenda/): every coming event and exhibition, with its feeds.
AGENDA = {
    "slug": {"fr": "agenda", "en": "whats-on", "de": "veranstaltungen", "nl": "agenda"},
    "title": {
        "fr": "Agenda du réseau",
        "en": "What’s on across the network",
        "de": "Veranstaltungen im Netzwerk",
        "nl": "Agenda van het netwerk",
    },
}
# Created by Wagtail's own migrations; our rights go through the network team, the museum
# teams and the translator groups.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


class Command(BaseCommand):
    help = "Create the locales, the network home, the common pages, the teams and workflows."

    @transaction.atomic
    def handle(self, *args, **options):
        self.created = 0
        locales = self.ensure_locales()
        # It writes the translations itself: no automatic drafts meanwhile.
        with translation_sync.paused():
            home = self.ensure_home(locales)
            for entry in COMMON_PAGES:
                self.ensure_page(home, StandardPage, entry, locales)
            self.ensure_page(home, AgendaPage, AGENDA, locales)
        ensure_network_team()
        for code in languages.TARGETS:
            ensure_translator_group(code)
        sync_all_museum_teams()
        removed, _by_model = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()
        self.created += removed
        self.stdout.write(
            f"Network set up: {self.created} objects created or changed."
            if self.created
            else "Network set up: already complete, nothing changed."
        )

    def ensure_locales(self):
        locales, created = ensure_locales()
        self.created += created
        return locales

    def ensure_home(self, locales):
        source = locales[languages.SOURCE]
        home = NetworkHomePage.objects.filter(locale=source, depth=2).first()
        if home is None:
            # Wagtail's migrations leave a "Welcome" page as the site root: replace it.
            Page.objects.filter(depth=2, content_type__model="page", numchild=0).delete()
        home = self.ensure_page(Page.get_first_root_node(), NetworkHomePage, HOME, locales)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True, hostname="localhost", port=80)
        if site.root_page_id != home.pk:
            site.root_page, site.site_name = home, SITE_NAME
            site.save()
            self.created += 1
        return home

    def ensure_page(self, parent, model, entry, locales):
        """The French page `entry["slug"]` under `parent`, published, with its translations;
        created when missing, never rewritten. The slug is translated ({language: slug})
        unless the page type synchronises it (the home: one string)."""
        source = locales[languages.SOURCE]
        slug = source_slug(entry["slug"])
        page = model.objects.child_of(parent).filter(slug=slug, locale=source).first()
        if page is None:
            page = model(
                slug=slug,
                locale=source,
                title=entry["title"][languages.SOURCE],
                intro=entry.get("intro", {}).get(languages.SOURCE, ""),
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
        fields = ["title", "intro"] if "intro" in entry else ["title"]
        texts = with_slug(
            {code: [entry[field][code] for field in fields] for code in languages.CODES},
            entry["slug"],
        )
        for code in languages.TARGETS:
            if not page.has_translation(locales[code]):
                pairs = text_pairs(texts[languages.SOURCE], texts[code])
                translate(page, locales[code], pairs)
                self.created += 1
        return page
