"""Short excerpts with the matching words marked.

Matches are found in the folded text; fold() maps one character to one, so the offsets
are valid in the original text, which keeps its Kazakh letters and capitals.
"""

import re
import threading

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from editing.html import html_to_text
from faq import amounts
from faq.selectors import current_mci
from search.textfold import index_text

WORD_CHAR = re.compile(r"\w")
# Plain and folded text of recent answers: an answer is turned into text once, not on every results page
# that shows it. Keyed by the answer itself (and what its amounts are shown with), so an edit is a new key.
PLAIN_CACHE_SIZE = 512
_plain_cache: dict = {}
_plain_lock = threading.Lock()


def _plain(answer: str, mci) -> tuple[str, str]:
    """(the answer as plain text with its amounts written out, that text as index_text() folds it)."""
    key = (answer, get_language(), mci and (mci.year, mci.value))
    found = _plain_cache.get(key)
    if found is None:
        text = html_to_text(amounts.expand(answer, mci))
        found = (text, index_text(text))
        with _plain_lock:
            if len(_plain_cache) >= PLAIN_CACHE_SIZE:
                _plain_cache.clear()
            _plain_cache[key] = found
    return found


def _spans(text: str, terms, indexed: str = "") -> list[tuple[int, int]]:
    # index_text() adds one leading space; positions in it are one more than in `text`.
    indexed = indexed or index_text(text)
    spans = []
    for term in terms:
        for pattern in term.patterns:
            found = indexed.find(pattern)
            while found != -1:
                start = found  # indexed[found] is the space before the word, text[found] its first letter
                end = start + len(pattern.rstrip()) - 1
                # Mark the whole word the stem begins.
                while end < len(text) and WORD_CHAR.match(text[end]):
                    end += 1
                spans.append((start, end))
                found = indexed.find(pattern, found + 1)
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms) -> str:
    """The whole text, escaped, with <mark> around matching words."""
    return _render(text, _spans(text, terms), 0, len(text))


def excerpt(text: str, terms, width: int = 220, indexed: str = "") -> str:
    """About `width` characters around the first match (or the start), escaped and marked.
    `indexed`: index_text(text), if already at hand."""
    spans = _spans(text, terms, indexed)
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        first = spans[0][0]
        start = max(0, first - width // 3)
        if start:
            space = text.rfind(" ", 0, start + 1)
            start = space + 1 if space != -1 and first - space < width // 2 else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > first else end
    return _render(text, spans, start, end)


def _render(text, spans, start, end):
    out = ["…" if start > 0 else ""]
    position = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[position:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        position = e
    out.append(escape(text[position:end]))
    if end < len(text):
        out.append("…")
    return mark_safe("".join(out))


def mark_results(entries, results) -> None:
    """Set the marked question and excerpt of each entry, and the marked address of each clinic row."""
    # The year's MCI value once, not once per excerpt, and only if an excerpt states an amount.
    mci = current_mci() if any(amounts.has_amounts(e.answer) for e in entries) else None
    for entry in entries:
        entry.question_html = highlight(entry.question, results.terms)
        text, indexed = _plain(entry.answer or "", mci)
        entry.excerpt_html = excerpt(text, results.terms, indexed=indexed)
    for group in results.clinic_groups:
        for row in group.rows:
            row.address_html = highlight(row.address or "", results.terms)
