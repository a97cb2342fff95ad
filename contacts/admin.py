from django import forms
from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin
from solo.admin import SingletonModelAdmin

from .models import FoundationContacts


@admin.register(FoundationContacts)
class FoundationContactsAdmin(SingletonModelAdmin, SimpleHistoryAdmin, TranslationAdmin):
    """One record: the list is skipped, there is nothing to add or delete; changes are kept in its history."""

    fieldsets = ((None, {"fields": ("name", "website", "phone", "email", "address", "hours")}),)
    # A plain field (the admin's default links to the current address); typed without a scheme, https.
    formfield_overrides = {models.URLField: {"widget": forms.URLInput, "assume_scheme": "https"}}
