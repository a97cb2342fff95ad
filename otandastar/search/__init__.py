"""Search over FAQ entries and clinic rows; see engine.search (the entry point)."""

from .engine import PER_PAGE, SearchResults, load_entries, record, search  # noqa: F401
from .query import MAX_QUERY_LENGTH  # noqa: F401
