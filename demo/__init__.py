"""The demo network: facts (museums.json), texts in four languages (content.json), and
placeholder images drawn at load time, so that no binary file enters git."""
