"""The abstract content page and the page helpers: public pages, specific pages, absolute URLs."""

from functools import cache
from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import page_cache, pictures, remembered
from core.blocks import BodyBlock
from core.forms import ContentPageForm


def view_restricted():
    """Whether a page or one of its ancestors has a view restriction, as an expression.

    Wagtail's `public()` first lists every view restriction in a query of its own; here the
    same rule (a restricted page among the page and its ancestors) is a subquery.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def full_url(page, request):
    """The absolute URL of `page` on the host the visitor asked for.

    Wagtail's `get_full_url()` takes the host from the Site record, which says `localhost`
    until someone edits it in the admin; the request's host is the one visitors and search
    engines use (checked against ALLOWED_HOSTS, with the scheme the TLS proxy reports).
    A page of another site keeps that site's address.
    """
    if request is None:
        return page.get_full_url()
    return request.build_absolute_uri(page.get_url(request))


@cache
def page_permission_tester():
    """The class that says what a user may do with a page: Wagtail's PagePermissionTester,
    or the subclass settings.PAGE_PERMISSION_TESTER names (the teams' rules, teams/rights.py:
    core cannot import them)."""
    return import_string(
        getattr(settings, "PAGE_PERMISSION_TESTER", "wagtail.models.PagePermissionTester")
    )


def public_pages(queryset):
    """`queryset.public()` in a single query."""
    return queryset.exclude(view_restricted())


def with_synchronised_slug(fields):
    """A page type's translatable fields with the slug synchronised from French instead of
    translated: a museum is called by its place's name in every language
    (/de/carriere-wellington/), and a home's slug shows in no URL."""
    return [SynchronizedField("slug"), *(field for field in fields if field.field_name != "slug")]


class ContentPage(Page):
    """What every public page has: an intro, a hero image with its alt text, a body."""

    base_form_class = ContentPageForm
    # Public pages are read, never written to: OPTIONS says so, and POST or PUT get a 405.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
    # The query-string parameters the page reads: the page cache keys the page by these
    # only, so `?ref=x` or `?v=2` makes no new entry (core.page_cache).
    query_parameters = ()

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("Deux ou trois phrases, affichées en tête de page et dans les listes."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("texte alternatif de l'image principale"),
        max_length=250,
        blank=True,
        help_text=_("Décrivez l'image. Laissez vide si elle est purement décorative."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel(
            "hero_image",
            help_text=_(
                "Au moins 1600 × 900 pixels, paysage. Choisissez-la dans la collection de "
                "votre musée."
            ),
        ),
        FieldPanel("hero_image_alt"),
        FieldPanel(
            "body",
            help_text=_("Paragraphes, citations, images : ajoutez les blocs avec le bouton +."),
        ),
    ]

    # Slugs are translated: /de/carriere-wellington/virtueller-rundgang/ is the German
    # address of /fr/carriere-wellington/visite-virtuelle/. wagtail-localize slugifies what
    # the translator types and makes it unique among its siblings when it publishes; an
    # untranslated slug keeps the French one (teams/translation_guard.py), and the French
    # path under /de/ moves permanently to the German page (core/routing.py). Pages named
    # after a place keep the same slug in every language (`with_synchronised_slug`).
    override_translatable_fields = [
        TranslatableField("slug"),
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        TranslatableField("body"),
    ]

    class Meta:
        abstract = True

    # Where this page's hero image is shown (core.pictures.USES): on the page, and as a
    # search result's thumbnail; museum pages add the home page's card.
    hero_uses = ("hero", "thumbnail")

    def pictures_used(self):
        """(image, filter specs) of every picture the page shows, and of its hero image
        where other pages and sites show it (listings, search, Open Graph): what
        core.renditions makes in the background when the page is published."""
        if self.hero_image:
            filters = [spec for use in self.hero_uses for spec in pictures.USES[use].filters]
            yield self.hero_image, (*filters, pictures.OPEN_GRAPH_FILTER)
        for block in self.body:
            if block.block_type == "image" and block.value["image"]:
                yield block.value["image"], pictures.FIGURE.filters

    def serve(self, request, *args, **kwargs):
        return page_cache.reads_parameters(
            super().serve(request, *args, **kwargs), self.query_parameters
        )

    @property
    def language_code(self):
        """The page's language, from the site root paths (no query).

        Every language's tree hangs under its own home page, a root path of the site.
        """
        for root in remembered.site_root_paths():
            if self.url_path.startswith(root.root_path):
                return root.language_code
        return self.locale.language_code

    def permissions_for_user(self, user):
        """What `user` may do with this page, as every admin path asks it (Wagtail's page
        views, action menus, listing buttons, bulk actions, choosers, wagtail-localize)."""
        return page_permission_tester()(user, self)

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors, in one query, or none at all when
        core.routing found the page unrestricted (`known_unrestricted`).

        Wagtail first fetches the ancestors to resolve aliases, on every request; the
        ancestors' paths are prefixes of this page's path, and an alias ancestor is
        replaced by its source page in the same query.
        """
        if getattr(self, "known_unrestricted", False):
            return PageViewRestriction.objects.none()
        if self.alias_of_id:
            return super().get_view_restrictions()
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        aliased = Page.objects.filter(path__in=paths, alias_of__isnull=False)
        return PageViewRestriction.objects.filter(
            (Q(page__path__in=paths) & ~Q(page__in=aliased.values("pk")))
            | Q(page__in=aliased.values("alias_of_id"))
        )


@cache
def specific_relations():
    """{page model: the name by which a Page row reaches that model's own table}.

    `Page.objects.select_related(*names)` LEFT JOINs every ContentPage table, so that a row
    becomes its specific page without the query per page type that `.specific()` costs.
    """
    return {
        model: model._meta.model_name
        for model in get_page_models()
        if issubclass(model, ContentPage) and list(model._meta.parents) == [Page]
    }


def as_specific(row):
    """The row's specific page, from the joined table (a query for an unexpected type)."""
    relation = specific_relations().get(row.specific_class)
    return getattr(row, relation) if relation else row.specific


def with_specific_tables(pages):
    """The queryset with every ContentPage table and its hero image joined (see as_specific)."""
    return pages.select_related(*[f"{name}__hero_image" for name in specific_relations().values()])


def specific_pages(rows):
    """Page rows as their specific classes, in one query (`.specific()` costs one per type)."""
    joined = with_specific_tables(Page.objects.filter(pk__in=[row.pk for row in rows]))
    by_pk = {row.pk: as_specific(row) for row in joined}
    return [by_pk[row.pk] for row in rows if row.pk in by_pk]
