"""The page types of a museum's subtree, the practical rows of a museum page, and
what the last import of museums wrote."""

from .audience import Audience
from .audio_guide import AudioGuidePage
from .event import EventPage
from .exhibit import ExhibitPage
from .imported import ImportedFacts
from .museum import MuseumPage
from .recordings import LanguageRecordings
from .visit import VirtualVisitPage

__all__ = [
    "Audience",
    "AudioGuidePage",
    "EventPage",
    "ExhibitPage",
    "ImportedFacts",
    "LanguageRecordings",
    "MuseumPage",
    "VirtualVisitPage",
]
