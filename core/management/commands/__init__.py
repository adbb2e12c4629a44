"""Commands of the core app: compile_catalogues (the .mo files of locale/)."""
