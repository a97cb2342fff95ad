from modeltranslation.translator import TranslationOptions, register

from .models import Entry, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("kk",)


@register(Entry)
class EntryTranslationOptions(TranslationOptions):
    fields = ("question", "answer", "source")
    required_languages = {"kk": ("question", "answer")}
