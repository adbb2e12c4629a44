"""Template tags of the home app: navigation."""
