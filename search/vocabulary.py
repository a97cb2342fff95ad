"""The index vocabulary (SearchWord): every word of the search documents with its document count.

search.documents calls count_words() on the documents it removes and adds, and apply() writes the
difference, so the table follows the index on SQLite and PostgreSQL alike. Readers use snapshot():
this worker's copy of the table for the current content version (every content save changes it).
"""

import logging
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from search.models import SearchWord
from search.textfold import fold

log = logging.getLogger(__name__)

MIN_LENGTH = 3  # shorter words are matched whole and never corrected
MAX_LENGTH = 100
_NON_WORD = re.compile(r"[^\w]|_")


def tokens(text: str) -> list[tuple[str, str]]:
    """(folded word, spelling) of each word of a text: letters only, at least MIN_LENGTH of them."""
    found = []
    for word in _NON_WORD.sub(" ", (text or "").replace("\u0130", "I").lower()).split():
        if MIN_LENGTH <= len(word) <= MAX_LENGTH and word.isalpha():
            found.append((fold(word), word))
    return found


def count_words(texts) -> tuple[Counter, dict]:
    """Document counts per (language, folded word) of (language, text) pairs (one pair per document),
    and the spelling of each word as the texts write it."""
    counts: Counter = Counter()
    spellings: dict = {}
    for language, text in texts:
        words = dict(tokens(text))
        for word, spelling in words.items():
            counts[language, word] += 1
            spellings.setdefault((language, word), spelling)
    return counts, spellings


def apply(added: Counter, removed: Counter, spellings: dict) -> None:
    """Add the document counts of new documents and subtract those of removed ones."""
    delta = Counter(added)
    delta.subtract(removed)
    keys = [key for key, change in delta.items() if change]
    if not keys:
        return
    create, update, delete = [], [], []
    for start in range(0, len(keys), 500):
        batch = keys[start : start + 500]
        existing = {
            (w.language, w.word): w
            for w in SearchWord.objects.filter(word__in={word for _lang, word in batch}).only(
                "id", "word", "language", "count"
            )
        }
        for key in batch:
            row = existing.get(key)
            if row is None:
                if delta[key] > 0:
                    create.append(
                        SearchWord(language=key[0], word=key[1], spelling=spellings.get(key, key[1]), count=delta[key])
                    )
            elif row.count + delta[key] > 0:
                row.count += delta[key]
                update.append(row)
            else:
                delete.append(row.pk)
    # Two editors saving at once may both create a word: the second one's count is lost until
    # `rebuild_search` recounts, which costs a slightly low frequency, never an error.
    SearchWord.objects.bulk_create(create, batch_size=500, ignore_conflicts=True)
    SearchWord.objects.bulk_update(update, ["count"], batch_size=500)
    for start in range(0, len(delete), 500):
        SearchWord.objects.filter(pk__in=delete[start : start + 500]).delete()


@dataclass
class Snapshot:
    """The vocabulary as one worker reads it: folded word → (documents in all languages, spelling)."""

    counts: dict = field(default_factory=dict)
    spellings: dict = field(default_factory=dict)
    words: list = field(default_factory=list)  # folded words, for the typo search
    _prefixes: dict = field(default_factory=dict, repr=False)

    def prefixes(self, length: int) -> dict:
        """Folded beginnings of `length` letters of the words → (documents, spelling of the most used word)."""
        found = self._prefixes.get(length)
        if found is None:
            found = {}
            for word in self.words:
                if len(word) >= length:
                    count, spelling = found.get(word[:length], (0, ""))
                    if self.counts[word] > count:
                        spelling = self.spellings[word][:length]
                    found[word[:length]] = (count + self.counts[word], spelling)
            self._prefixes[length] = found  # a snapshot is replaced, never changed: no lock needed
        return found


_lock = threading.Lock()
_current: dict = {"version": None, "snapshot": None}


def content_version():
    """The page cache's content version; with the shared cache down, a new one each minute (search
    still answers, from data at most a minute old)."""
    from otandastar import pagecache

    try:
        return pagecache.content_version()
    except Exception:  # the cache server is unreachable: pages are served without it too
        log.warning("content version unavailable", exc_info=True)
        return ("no cache", int(time.monotonic() // 60))


def snapshot() -> Snapshot:
    version = content_version()
    with _lock:
        if _current["version"] != version or _current["snapshot"] is None:
            _current["snapshot"] = _load()
            _current["version"] = version
        return _current["snapshot"]


def _load() -> Snapshot:
    rows = list(SearchWord.objects.values_list("word", "language", "spelling", "count"))
    if not rows:
        rows = _fill_if_missing()
    snap = Snapshot()
    best: dict = {}
    for word, _language, spelling, count in rows:
        snap.counts[word] = snap.counts.get(word, 0) + count
        # The spelling of the language that uses the word most (ықтиярхат, not the folded form).
        if count > best.get(word, 0):
            best[word] = count
            snap.spellings[word] = spelling
    snap.words = list(snap.counts)
    return snap


# search.documents.rebuild_vocabulary, set by that module (it imports this one, not the other way round).
recount = None


def _fill_if_missing() -> list:
    """A database indexed before the vocabulary existed counts its words once, here."""
    from search.models import SearchDocument

    if recount is None or not SearchDocument.objects.exists():
        return []
    log.info("search vocabulary is empty: counting the words of the searchable objects")
    recount()
    return list(SearchWord.objects.values_list("word", "language", "spelling", "count"))
