import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Clinic, ExaminationType, Quota, QuotaYear, Region


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name", "short_name")
    required_languages = {"kk": ("name",)}


@register(ExaminationType)
class ExaminationTypeTranslationOptions(TranslationOptions):
    fields = ("name", "short_name")
    required_languages = {"kk": ("name", "short_name")}


@register(Clinic)
class ClinicTranslationOptions(TranslationOptions):
    fields = ("address", "transport", "note")


@register(QuotaYear)
class QuotaYearTranslationOptions(TranslationOptions):
    fields = ("legal_order", "eligibility")
    required_languages = {"kk": ("legal_order",)}


# After the translation fields exist, so the history tables get the _kk/_ru columns (see faq/translation.py).
for model in (Region, ExaminationType, Clinic, QuotaYear, Quota):
    simple_history.register(model)
