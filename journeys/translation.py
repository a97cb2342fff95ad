import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Journey, Step


@register(Journey)
class JourneyTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"kk": ("title",)}


@register(Step)
class StepTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "cost", "duration")
    required_languages = {"kk": ("title",)}


# As in faq/translation.py: registered after the translation fields exist, so history keeps both languages.
simple_history.register(Journey)
simple_history.register(Step, m2m_fields=["entries"])
