"""What the Kazakh verb endings merge, measured on the site's own vocabulary (`manage.py search_stems`).

Words that share a stem are searched as one. The report compares the stems with noun endings only
and with the verb endings too: how many more words now share a stem, and which groups grew, so a
person can check that no unrelated words were joined.
"""

from collections import defaultdict

from search.models import SearchWord
from search.query import KK_NOUN_SUFFIXES, KK_SUFFIXES, kazakh_stem


def groups(words, suffixes) -> dict[str, set[str]]:
    found = defaultdict(set)
    for word in words:
        found[kazakh_stem(word, suffixes)].add(word)
    return found


def report(words=None) -> dict:
    """Counts (words, stems before/after, words joined) and the groups that grew, largest first."""
    if words is None:
        # Filtered here, not by a database regex: \w differs between SQLite and PostgreSQL locales.
        words = sorted(
            {w for w in SearchWord.objects.filter(language="kk").values_list("word", flat=True) if len(w) >= 4}
        )
    before = groups(words, KK_NOUN_SUFFIXES)
    after = groups(words, KK_SUFFIXES)
    before_of = {w: stem for stem, members in before.items() for w in members}
    grown = []
    for stem, members in after.items():
        previous = {before_of[w] for w in members}
        if len(previous) > 1:  # words that had different stems now share one
            grown.append((stem, sorted(members)))
    grown.sort(key=lambda g: (-len(g[1]), g[0]))
    return {
        "words": len(words),
        "stems_before": len(before),
        "stems_after": len(after),
        "groups_joined": len(grown),
        "words_in_joined_groups": sum(len(m) for _s, m in grown),
        "joined": grown,
    }
