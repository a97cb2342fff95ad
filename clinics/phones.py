"""Phone numbers of clinic rows: stored in E.164 (for `tel:` links), shown in the national format.

Parsing and validation are Google's libphonenumber rules (the `phonenumbers` package). Numbers must be
valid in Kazakhstan: +7 is shared with Russia, and a short Kazakh number (a digit missing) can still read
as a valid Russian one.
"""

import phonenumbers
from django.utils.translation import gettext

REGION = "KZ"


def parse_phone(value: str) -> phonenumbers.PhoneNumber | None:
    """The number, if `value` is a valid Kazakhstan phone number; else None."""
    try:
        number = phonenumbers.parse((value or "").strip(), REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number_for_region(number, REGION) else None


def phone_is_valid(value: str) -> bool:
    return parse_phone(value) is not None


def normalize_phone(value: str) -> str:
    """E.164 for a valid number; anything else exactly as typed, so that nothing is lost."""
    number = parse_phone(value)
    if number is None:
        return value or ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_format(value: str) -> str:
    """How a reader in Kazakhstan writes it, e.g. 8 (7212) 34 70 42; an invalid number as typed."""
    number = parse_phone(value)
    if number is None:
        return (value or "").strip()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def e164(value: str) -> str:
    """E.164 of a valid number, else ''."""
    number = parse_phone(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else ""


def invalid_phone_message(value: str) -> str:
    """What the admin and the spreadsheet import say about a number that is not valid."""
    return gettext(
        "“%(value)s” is not a valid phone number in Kazakhstan. Enter one number with its area or operator "
        "code: 10 digits after 8 or +7."
    ) % {"value": value}
