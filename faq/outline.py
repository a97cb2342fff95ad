"""Subheadings of an answer: anchors for them and the on-page contents list of a long answer."""

import re

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# Answers are cleaned by editing.html.clean_html first, so headings carry no attributes.
HEADING = re.compile(r"<(h[23])>(.*?)</\1>", re.S)
# A contents list helps only when there is something to jump between.
MIN_HEADINGS = 2


def outline(html: str) -> tuple[str, list[dict]]:
    """The answer with an id on each h2/h3, and the contents: [{"id", "title", "level"}], or [] if too few."""
    contents = []

    def anchor(match):
        number = len(contents) + 1
        title = strip_tags(match[2]).strip()
        contents.append({"id": f"part-{number}", "title": title, "level": int(match[1][1])})
        return f'<{match[1]} id="part-{number}">{match[2]}</{match[1]}>'

    anchored = HEADING.sub(anchor, str(html))
    if len(contents) < MIN_HEADINGS:
        return html, []
    return mark_safe(anchored), contents
