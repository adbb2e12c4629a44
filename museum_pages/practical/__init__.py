"""Practical information of a museum: opening rules, display, structured data, geography."""
