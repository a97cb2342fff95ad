import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Entry, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("kk",)


@register(Entry)
class EntryTranslationOptions(TranslationOptions):
    fields = ("question", "answer", "source", "summary")
    required_languages = {"kk": ("question", "answer")}


# History is registered after the translation fields exist, so the history tables get the _kk/_ru
# columns too (a HistoricalRecords() field on the model would be built before modeltranslation runs).
simple_history.register(Topic)
simple_history.register(Entry)
