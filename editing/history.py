"""Readable history: what changed between two versions of a record, in the words a reader sees.

Each translated field is compared per language (the `_kk` and `_ru` columns; the untranslated base
column only mirrors the language the admin was in). Answers are compared as visible text, word by word,
never as HTML; a version that changes nothing visible is not recorded at all (HistoryMixin in
editing/admin.py).
"""

import difflib

from django.conf import settings
from django.db import models
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .html import html_to_text, normalize_html, normalize_text

CONTEXT_WORDS = 8  # unchanged words kept on each side of a change
SKIPPED = {"id", "created", "updated"}  # the record's own bookkeeping


def _languages() -> dict[str, str]:
    return dict(settings.LANGUAGES)


def compared_fields(model, *, html_fields=(), fields=None):
    """(name, label, kind) of the fields whose changes are shown: kind is "html", "text", "lines" or "value"."""
    opts = model._meta
    names = {f.name for f in opts.concrete_fields}
    languages = _languages()
    result = []
    for field in opts.concrete_fields:
        if field.name in SKIPPED or field.auto_created or (fields is not None and field.name not in fields):
            continue
        if any(f"{field.name}_{code}" in names for code in languages):
            continue  # the base column of a translated field: the _kk/_ru columns are shown instead
        base, _sep, code = field.name.rpartition("_")
        if code in languages and base in names:
            label = f"{capfirst(opts.get_field(base).verbose_name)} ({languages[code]})"
        else:
            base, label = field.name, capfirst(field.verbose_name)
        if base in html_fields:
            kind = "html"
        elif isinstance(field, models.TextField):
            kind = "lines"
        elif isinstance(field, models.CharField) and not field.choices:
            kind = "text"
        else:
            kind = "value"
        result.append((field.name, label, kind))
    return result


def comparable(value, kind):
    if kind == "html":
        return normalize_html(value)
    if kind in ("text", "lines"):
        return normalize_text(value, multiline=kind == "lines")
    return value


def differs(old_obj, new_obj, name, kind) -> bool:
    field = new_obj._meta.get_field(name)
    attname = field.attname
    return comparable(getattr(old_obj, attname), kind) != comparable(getattr(new_obj, attname), kind)


def word_diff(old: str, new: str, context: int = CONTEXT_WORDS):
    """The two texts as one, removed words in <del>, added in <ins>, long unchanged runs shortened."""
    a, b = old.split(), new.split()
    parts = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = a[i1:i2]
            first, last = index == 0, index == len(opcodes) - 1
            head = [] if first else words[:context]
            tail = [] if last else words[-context:]
            if len(words) > len(head) + len(tail):
                shown = [*head, "…", *tail] if head or tail else ["…"]
            else:
                shown = words
            parts.append(escape(" ".join(shown)))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))


def _shown(obj, name, kind) -> str:
    field = obj._meta.get_field(name)
    value = getattr(obj, field.attname)
    if kind == "html":
        return html_to_text(value)
    if kind in ("text", "lines"):
        return normalize_text(value)
    if value is None or value == "":
        return ""
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    return str(value)


def changes(older, newer, *, html_fields=()) -> list[dict]:
    """What changed from the historical record `older` to `newer`: label, and either a word diff
    (texts) or the old and new value; `formatting` when only an answer's formatting changed."""
    result = []
    for name, label, kind in compared_fields(newer.instance_type, html_fields=html_fields):
        if not differs(older, newer, name, kind):
            continue
        old, new = _shown(older, name, kind), _shown(newer, name, kind)
        if kind in ("html", "text", "lines"):
            result.append({"label": label, "diff": word_diff(old, new), "formatting": old == new})
        else:
            result.append({"label": label, "old": old, "new": new})
    return result
