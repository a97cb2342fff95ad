"""The HTML policy of answers: what editors' HTML may contain, and its plain text.

A plain module (no Django imports) so that models, templates, search and the seed loader
all use the same policy.
"""

import html
import re

import nh3

# What answers may contain; everything else (scripts, styles, event handlers, javascript: URLs) is removed.
ALLOWED_TAGS = {
    "p", "br", "ol", "ul", "li", "i", "em", "b", "strong", "u", "a", "h2", "h3", "h4", "blockquote",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}


def clean_html(value: str) -> str:
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


_SPACE = re.compile(r"\s+")
_BLOCK_END = re.compile(r"<(?:/p|br\s*/?|/li|/tr|/td|/th|/h\d)>", re.I)


def html_to_text(value: str) -> str:
    """Plain text of an HTML fragment, with block boundaries kept as spaces."""
    if not value:
        return ""
    # nh3 (a Rust HTML parser) with no allowed tags keeps only the text, escaped; scripts go whole.
    text = nh3.clean(_BLOCK_END.sub(" ", value), tags=set(), attributes={})
    return _SPACE.sub(" ", html.unescape(text)).strip()


# What the rich-text editor writes for what older answers (and pasted HTML) hold: <i> and <b> are the
# same emphasis as <em> and <strong>, so a re-save that only rewrites them changes nothing a reader sees.
_TAG_ALIASES = {"i": "em", "b": "strong"}
_ALIASED_TAG = re.compile(r"<(/?)(i|b)>")
_AROUND_BLOCK = re.compile(
    r"\s*(</?(?:p|br|ol|ul|li|h2|h3|h4|blockquote|table|caption|thead|tbody|tfoot|tr|th|td)\b[^>]*>)\s*"
)
_CELL_PARAGRAPH = re.compile(r"<(td|th)([^>]*)><p>((?:(?!</?p>).)*)</p></\1>", re.S)


def normalize_html(value: str | None) -> str:
    """The form of an answer that two versions are compared in: clean, with the editor's tag names,
    whitespace collapsed (none around blocks), and a table cell's lone paragraph unwrapped (the editor adds one)."""
    html = clean_html(value or "")
    html = _ALIASED_TAG.sub(lambda m: f"<{m[1]}{_TAG_ALIASES[m[2]]}>", html)
    html = _AROUND_BLOCK.sub(r"\1", _SPACE.sub(" ", html))
    html = _CELL_PARAGRAPH.sub(r"<\1\2>\3</\1>", html)
    return html.strip()


def normalize_text(value, *, multiline: bool = False) -> str:
    """A text field as the admin and the spreadsheet import both store it: empty is "", never None;
    no whitespace around it; runs of spaces as one (line breaks kept where a field has lines)."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
        return "\n".join(lines).strip()
    return _SPACE.sub(" ", text).strip()
