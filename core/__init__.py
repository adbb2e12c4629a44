"""The bottom layer: what every page of the site relies on; imports no app of ours."""
