"""Content that spans the museums of the network: its themes, its agenda and the routes between
museums."""

from .agenda import AgendaPage
from .route import RouteIndexPage, RoutePage, RouteStop
from .theme import THEME_COLOUR_CLASSES, THEME_COLOURS, Theme

__all__ = [
    "AgendaPage",
    "THEME_COLOURS",
    "THEME_COLOUR_CLASSES",
    "RouteIndexPage",
    "RoutePage",
    "RouteStop",
    "Theme",
]
