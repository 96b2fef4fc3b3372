"""One module per source; each Source subclass registers itself (swv.importing.registry)."""
