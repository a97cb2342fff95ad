"""What the admin's "Data to check" page lists: clinic rows an editor should complete or correct."""

from django.utils.translation import gettext_lazy as _

from .phones import phone_is_valid

PROBLEMS = {
    "no_address_kk": _("No address (Kazakh)"),
    "no_address_ru": _("No address (Russian)"),
    "no_phone": _("No phone"),
    "invalid_phone": _("Phone number not valid"),
    "no_russian": _("Russian missing"),
}
RUSSIAN_OF = ("transport", "note")  # a Kazakh text here without its Russian (the address has its own problem)


def _text(clinic, name: str) -> str:
    return (getattr(clinic, name) or "").strip()  # translated fields may be NULL


def problems_of(clinic) -> list[str]:
    found = []
    if not _text(clinic, "address_kk"):
        found.append("no_address_kk")
    if not _text(clinic, "address_ru"):
        found.append("no_address_ru")
    if not _text(clinic, "phone"):
        found.append("no_phone")
    elif not phone_is_valid(clinic.phone):
        found.append("invalid_phone")
    if any(_text(clinic, f"{name}_kk") and not _text(clinic, f"{name}_ru") for name in RUSSIAN_OF):
        found.append("no_russian")
    return found


def rows_with(queryset, problem: str | None = None) -> list[int]:
    """Primary keys of the rows with any problem (or with `problem`). Checked in Python: phone validity is
    libphonenumber's rule; the directory has tens of rows, a few thousand at most."""
    fields = ["pk", "phone"] + [f"{name}_{lang}" for name in ("address", *RUSSIAN_OF) for lang in ("kk", "ru")]
    return [
        clinic.pk
        for clinic in queryset.only(*fields)
        if (problem in problems_of(clinic) if problem else problems_of(clinic))
    ]
