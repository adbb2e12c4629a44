"""The page types of a museum's subtree, and the practical rows of a museum page."""

from .audience import Audience
from .event import EventPage
from .exhibit import ExhibitPage
from .museum import MuseumPage
from .visit import VirtualVisitPage

__all__ = ["Audience", "EventPage", "ExhibitPage", "MuseumPage", "VirtualVisitPage"]
