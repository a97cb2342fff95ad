from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    name = "editing"
    verbose_name = _("Editing")

    def ready(self):
        from django.contrib import admin

        # The foundation's name in the admin's language, instead of Django's own.
        admin.site.site_header = _("«Otandastar Qory» foundation")
        admin.site.site_title = _("«Otandastar Qory» foundation")
        admin.site.index_title = _("Site content")
