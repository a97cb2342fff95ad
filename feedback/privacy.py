"""Personal data is taken out of a reader's comment before it is saved.

The comment box says not to write contact details, but people do (to get a reply). What can be
recognised is replaced by a marker, so editors see that something was there:
- e-mail addresses → [e-mail];
- a 12-digit number (ИИН/ЖСН, the personal identification number) → [ИИН/ЖСН];
- 7 or more digits in a row, spaces, dashes, dots and brackets allowed between them, with an optional
  leading + (phone numbers of Kazakhstan, China, Mongolia…, with or without their codes) → [телефон].
  Large amounts written with spaces ("1 730 000") are taken out too: privacy comes first.
"""

import re

EMAIL = re.compile(r"[\w.%+-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\s*\.\s*[\w-]+)+", re.IGNORECASE)
IIN = re.compile(r"(?<!\d)\d{12}(?!\d)")
# A digit, then digits and separators, ending on a digit; counted below.
DIGIT_RUN = re.compile(r"\+?\(?\d[\d \t\u00a0().\-‒–—/]*\d\)?")
MIN_PHONE_DIGITS = 7


def _phone(match: re.Match) -> str:
    text = match.group()
    digits = sum(ch.isdigit() for ch in text)
    return "[телефон]" if digits >= MIN_PHONE_DIGITS else text


def scrub(text: str) -> str:
    """The comment without e-mail addresses, ИИН/ЖСН and phone numbers."""
    text = EMAIL.sub("[e-mail]", text or "")
    text = IIN.sub("[ИИН/ЖСН]", text)
    return DIGIT_RUN.sub(_phone, text)
