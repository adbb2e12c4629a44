"""The project: settings, root URLs and WSGI only."""
