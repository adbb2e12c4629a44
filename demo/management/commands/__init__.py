"""Commands of the demo app: load_network (the demo network)."""
