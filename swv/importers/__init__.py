"""One module per source; swv.importers.registry lists them in the order load_all imports them."""
