from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OtandastarConfig(AppConfig):
    name = "otandastar"
    verbose_name = _("Site")

    def ready(self):
        from . import pagecache

        pagecache.connect_signals()
