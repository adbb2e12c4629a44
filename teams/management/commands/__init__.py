"""Commands of the teams app: setup_network (an empty database becomes a working network)."""
