from .base import ContentPage, full_url, public_pages, specific_pages
from .event import EventPage
from .exhibit import ExhibitPage
from .museum import MuseumPage
from .visit import VirtualVisitPage

__all__ = [
    "ContentPage",
    "full_url",
    "public_pages",
    "specific_pages",
    "EventPage",
    "ExhibitPage",
    "MuseumPage",
    "VirtualVisitPage",
]
