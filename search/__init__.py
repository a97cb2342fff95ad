"""Site search over FAQ entries and clinic rows: search.engine.search is the entry point."""
