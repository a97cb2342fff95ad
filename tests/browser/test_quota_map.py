"""The quota's bars and tile map on a 360 px phone: names fit, and break only between words or at a
syllable (a soft hyphen), never «Павлодарска-я» or «Қостана-й»."""

import pytest

from .conftest import LANGS

# For each label: the places where a line ends inside it, as (text before, text after).
BREAKS = """selector => [...document.querySelectorAll(selector)].flatMap(label => {
  const node = [...label.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  if (!node) return [];
  const text = node.textContent, found = [];
  let lastTop = null;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\u00ad' || text[i] === ' ') continue;
    const range = document.createRange();
    range.setStart(node, i); range.setEnd(node, i + 1);
    const rects = range.getClientRects();  // a character that starts a line may also report the end of the one before
    const top = rects[rects.length - 1].top;
    if (lastTop !== null && top > lastTop + 2) found.push([text.slice(0, i), text.slice(i)]);
    lastTop = top;
  }
  return found;
})"""
OVERFLOWING = """selector => [...document.querySelectorAll(selector)]
  .filter(e => e.scrollWidth > e.clientWidth + 0.5).map(e => e.textContent)"""


@pytest.mark.parametrize("selector", [".tile", ".bar-label"])
@pytest.mark.parametrize("lang", LANGS)
def test_region_names_break_only_between_words_or_syllables(phone, lang, selector):
    assert phone.goto(phone.base + f"/{lang}/quota/").status == 200
    breaks = phone.evaluate(BREAKS, selector)
    bad = [(before, after) for before, after in breaks if not before.endswith(("\u00ad", " "))]
    assert not bad, bad
    assert not phone.evaluate(OVERFLOWING, selector)
    if selector == ".tile":
        assert breaks, "at 360 px some names need a break; the test would not see a bad one"
