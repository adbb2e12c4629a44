from .base import ContentPage, public_pages, specific_pages
from .event import EventPage
from .exhibit import ExhibitPage
from .museum import MuseumPage
from .visit import VirtualVisitPage

__all__ = [
    "ContentPage",
    "public_pages",
    "specific_pages",
    "EventPage",
    "ExhibitPage",
    "MuseumPage",
    "VirtualVisitPage",
]
