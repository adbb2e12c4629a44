"""A museum's pages: museum, exhibitions, virtual visits, events, and practical information."""
