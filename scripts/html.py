"""Transliterate a whole rendered HTML page: what readers and machines read, nothing else.

Changed: text, the attributes that are read out or shown (title, alt, aria-label, placeholder,
<meta content>, data-label, the label of a submit button) and JSON-LD. Left alone: markup, URLs,
scripts and styles, what a reader typed (text inputs, <textarea>), and any element marked as being
in another language or script by its `lang` (the language switch names «Қазақша» and «Русский» in
their own script). `<html>` gets the script's language tag, and `dir="rtl"` for the Arabic script.

Text split by inline tags (<mark>, <a>, <strong>…) is transliterated as one text, so a word
highlighted in part («<mark>мәртебе</mark>сін») is still spelled as one word.
"""

import json
import re

from .languages import TAGS
from .translit import convert_pieces

VISIBLE_ATTRIBUTES = {"title", "alt", "aria-label", "aria-description", "placeholder", "label", "data-label"}
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "em", "i", "mark", "q", "s", "small", "span",
          "strong", "sub", "sup", "time", "u", "wbr", "br"}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW = {"script", "style", "textarea"}

_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>")
_ATTRIBUTE = re.compile(r"""(\s)([\w:-]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)')""")


def _attributes(text: str) -> dict[str, str]:
    return {m.group(2).lower(): m.group(4) if m.group(4) is not None else m.group(5) for m in _ATTRIBUTE.finditer(text)}


class _Page:
    def __init__(self, script: str, language: str):
        self.script = script
        self.own = {language.lower(), TAGS[language].lower()}
        self.tag = TAGS[language]
        self.out: list[str] = []
        self.run: list[int] = []  # indexes in out of the text pieces of the current inline run

    def text(self, piece: str) -> None:
        self.run.append(len(self.out))
        self.out.append(piece)

    def flush(self) -> None:
        if self.run:
            converted = convert_pieces([self.out[i] for i in self.run], self.script)
            for index, piece in zip(self.run, converted, strict=True):
                self.out[index] = piece
            self.run = []

    def convert(self, value: str) -> str:
        return convert_pieces([value], self.script)[0]

    def start_tag(self, raw: str, name: str, rest: str) -> str:
        attributes = _attributes(rest)
        if name == "html":
            rest = re.sub(r"""\slang=("[^"]*"|'[^']*')""", "", rest)
            rest = f' lang="{self.tag}"' + (' dir="rtl"' if self.script == "arab" else "") + rest
            return f"<{name}{rest}>"

        def attribute(m):
            key = m.group(2).lower()
            value = m.group(4) if m.group(4) is not None else m.group(5)
            if key in ("lang", "hreflang") and value.lower() in self.own:
                value = self.tag
            elif self.shown(name, key, attributes):
                value = self.convert(value)
            else:
                return m.group()
            quote = '"' if m.group(4) is not None else "'"
            return f"{m.group(1)}{m.group(2)}{m.group(3)}{quote}{value}{quote}"

        return f"<{name}{_ATTRIBUTE.sub(attribute, rest)}>"

    @staticmethod
    def shown(name: str, key: str, attributes: dict) -> bool:
        """Whether an attribute is read out or shown (a button's label, not what a reader typed)."""
        if key in VISIBLE_ATTRIBUTES or (key == "content" and name == "meta"):
            return True
        return key == "value" and name == "input" and attributes.get("type", "").lower() in ("submit", "button")

    def foreign(self, rest: str) -> bool:
        lang = _attributes(rest).get("lang")
        return lang is not None and lang.lower() not in self.own


def transliterate_html(html: str, script: str, language: str) -> str:
    page = _Page(script, language)
    out = page.out
    position = 0
    skip_name, skip_depth = None, 0  # inside an element in another language
    length = len(html)
    lowered = html.lower()
    while position < length:
        lt = html.find("<", position)
        if lt == -1:
            lt = length
        if lt > position:
            piece = html[position:lt]
            if skip_name:
                out.append(piece)
            else:
                page.text(piece)
            position = lt
            continue
        if html.startswith("<!--", position):
            end = html.find("-->", position)
            end = length if end == -1 else end + 3
            out.append(html[position:end])
            position = end
            continue
        match = _TAG.match(html, position)
        if not match:  # a lone "<" in text
            page.text("<") if not skip_name else out.append("<")
            position += 1
            continue
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        position = match.end()
        if name not in INLINE:
            page.flush()
        if skip_name:
            out.append(match.group())
            if name == skip_name and not rest.rstrip().endswith("/"):
                skip_depth += -1 if closing else 1
                if skip_depth == 0:
                    skip_name = None
            continue
        if closing:
            out.append(match.group())
            continue
        if name not in VOID and page.foreign(rest):
            out.append(match.group())
            skip_name, skip_depth = name, 1
            continue
        out.append(page.start_tag(match.group(), name, rest))
        if name in RAW:
            end = lowered.find(f"</{name}", position)
            end = length if end == -1 else end
            body = html[position:end]
            if name == "script" and "ld+json" in _attributes(rest).get("type", ""):
                body = _jsonld(body, page.convert)
            out.append(body)
            position = end
    page.flush()
    return "".join(out)


def _jsonld(body: str, convert) -> str:
    """JSON-LD: every string value (keys and URLs stay), written back as the site writes it."""
    try:
        data = json.loads(body)
    except ValueError:
        return body

    def walk(value):
        if isinstance(value, str):
            return convert(value).replace("\u2066", "").replace("\u2069", "")  # no bidi marks in data
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        return value

    text = json.dumps(walk(data), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
