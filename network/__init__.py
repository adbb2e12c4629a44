"""Content that spans museums: themes, listings, feeds."""
