"""Links from a clinic's address to a map search (2GIS and OpenStreetMap), in the page's language.

Plain links: nothing is loaded from the map sites until the reader follows one. The query is the address
as written on the page (Kazakh on /kk/, Russian on /ru/), without notes in brackets such as «(облыстық
орталық)»; an address that names no settlement gets its region's name, so the search looks in the right
part of the country.
"""

import re
from urllib.parse import quote, urlencode

NOTE_IN_BRACKETS = re.compile(r"\s*\([^)]*\)")
# Words that show an address already names its city, district or village.
SETTLEMENT = re.compile(
    r"(қаласы|ауданы|ауылы|селосы|кенті|\bг\.|\bгород\b|район|\bс\.|\bсело\b|\bпос\.)", re.IGNORECASE
)


def map_query(address: str, region_name: str = "") -> str:
    query = NOTE_IN_BRACKETS.sub("", address or "").strip(" ,.;")
    if query and region_name and not SETTLEMENT.search(query):
        query = f"{query}, {region_name}"
    return query


def map_links(query: str) -> list[tuple[str, str]]:
    """(service name, URL) for a search of `query`; none for an empty query."""
    if not query:
        return []
    return [
        ("2GIS", "https://2gis.kz/search/" + quote(query, safe="")),
        ("OpenStreetMap", "https://www.openstreetmap.org/search?" + urlencode({"query": query})),
    ]
