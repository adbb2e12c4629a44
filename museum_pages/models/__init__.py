from .base import ContentPage
from .event import EventPage
from .exhibit import ExhibitPage
from .museum import MuseumPage
from .visit import VirtualVisitPage

__all__ = ["ContentPage", "EventPage", "ExhibitPage", "MuseumPage", "VirtualVisitPage"]
