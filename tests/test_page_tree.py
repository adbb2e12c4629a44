"""Page-tree rules: each page type can only be created where DESIGN.md puts it."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import NetworkHomePage, StandardPage
from museum_pages.models import EventPage, ExhibitPage, MuseumPage, VirtualVisitPage
from network.models import AgendaPage

MUSEUM_CHILDREN = [ExhibitPage, VirtualVisitPage, EventPage]


class TestPageTreeRules(WagtailPageTestCase):
    def test_network_home_only_under_root(self):
        self.assertCanCreateAt(Page, NetworkHomePage)
        for parent in [NetworkHomePage, MuseumPage, StandardPage, *MUSEUM_CHILDREN]:
            self.assertCanNotCreateAt(parent, NetworkHomePage)

    def test_museums_and_standard_pages_only_under_network_home(self):
        for child in [MuseumPage, StandardPage]:
            self.assertCanCreateAt(NetworkHomePage, child)
            for parent in [Page, MuseumPage, StandardPage, *MUSEUM_CHILDREN]:
                self.assertCanNotCreateAt(parent, child)

    def test_exhibits_visits_and_events_only_under_a_museum(self):
        for child in MUSEUM_CHILDREN:
            self.assertCanCreateAt(MuseumPage, child)
            for parent in [Page, NetworkHomePage, StandardPage, *MUSEUM_CHILDREN]:
                self.assertCanNotCreateAt(parent, child)

    def test_leaf_pages_take_no_children(self):
        self.assertAllowedSubpageTypes(StandardPage, {})
        for page_type in MUSEUM_CHILDREN:
            self.assertAllowedSubpageTypes(page_type, {})

    def test_the_agenda_only_under_the_network_home_and_without_children(self):
        self.assertCanCreateAt(NetworkHomePage, AgendaPage)
        for parent in [Page, MuseumPage, StandardPage, AgendaPage, *MUSEUM_CHILDREN]:
            self.assertCanNotCreateAt(parent, AgendaPage)
        self.assertAllowedSubpageTypes(AgendaPage, {})
