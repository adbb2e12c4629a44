"""The demo network: its data (one JSON file a museum in museums/, and network.json, read by
data.py), the factories, and placeholder images drawn at load time, so that no binary file
enters git."""
