"""Search of the live pages of one language, and title suggestions."""
