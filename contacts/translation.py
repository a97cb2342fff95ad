import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import FoundationContacts


@register(FoundationContacts)
class FoundationContactsTranslationOptions(TranslationOptions):
    fields = ("name", "address", "hours")
    required_languages = {"kk": ("name",)}


# After the translation fields exist, so the history table has the _kk/_ru columns (as in faq/translation.py).
simple_history.register(FoundationContacts)
