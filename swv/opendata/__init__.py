"""Open data: downloads (CSV/JSON), the read-only API and the Atom feeds."""
