"""English formats: dates day first, as British visitors read them ("3 April 2027")."""
