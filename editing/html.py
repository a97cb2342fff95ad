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
