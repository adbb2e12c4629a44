"""Content that spans the museums of the network: its themes and the routes between museums."""

from .route import RouteIndexPage, RoutePage, RouteStop
from .theme import THEME_COLOUR_CLASSES, THEME_COLOURS, Theme

__all__ = [
    "THEME_COLOURS",
    "THEME_COLOUR_CLASSES",
    "RouteIndexPage",
    "RoutePage",
    "RouteStop",
    "Theme",
]
