"""Factories shared by the demo-network loader and the test suite."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection

from demo.placeholders import draw_placeholder
from home.models import NetworkHomePage, StandardPage
from museum_pages.models import (
    AudioGuidePage,
    EventPage,
    ExhibitPage,
    MuseumPage,
    VirtualVisitPage,
)
from network.models import AgendaPage, RouteIndexPage, RoutePage, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    colour = "#37474F"

    class Meta:
        model = Theme


class ImageFactory(factory.django.DjangoModelFactory):
    """A Wagtail image whose file is a scene drawn with Pillow (demo/placeholders.py)."""

    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = get_image_model()

    class Params:
        colour = "#37474F"
        motif = None  # demo/placeholders.py: "headframe", "harbour"…; None: a farm
        size = (1600, 900)

    @factory.lazy_attribute
    def file(self):
        data = draw_placeholder(self.title, self.colour, self.size, self.motif)
        return ContentFile(data, name=f"{slugify(self.title) or 'image'}.jpg")


class PageFactory(factory.django.DjangoModelFactory):
    """Creates the page under `parent` and publishes it through a revision, as an editor would."""

    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une introduction."

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class NetworkHomePageFactory(PageFactory):
    title = "Mem'Histo"

    class Meta:
        model = NetworkHomePage


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage


class MuseumPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Musée {n}")
    town = "Arras"

    class Meta:
        model = MuseumPage


class ExhibitPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Exposition {n}")

    class Meta:
        model = ExhibitPage


class VirtualVisitPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Visite virtuelle {n}")

    class Meta:
        model = VirtualVisitPage


class AudioGuidePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Audioguide {n}")

    class Meta:
        model = AudioGuidePage


class EventPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Événement {n}")
    start_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))

    class Meta:
        model = EventPage


class AgendaPageFactory(PageFactory):
    title = "Agenda"
    slug = "agenda"

    class Meta:
        model = AgendaPage


class RouteIndexPageFactory(PageFactory):
    title = "Parcours"
    slug = "parcours"

    class Meta:
        model = RouteIndexPage


class RoutePageFactory(PageFactory):
    """A route; its stops are RouteStop rows passed as `stops=[RouteStop(...), …]`."""

    title = factory.Sequence(lambda n: f"Parcours {n}")

    class Meta:
        model = RoutePage
