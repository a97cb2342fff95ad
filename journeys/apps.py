from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneysConfig(AppConfig):
    name = "journeys"
    verbose_name = _("Step-by-step journeys")

    def load_seed(self, stats):
        """Called by editing.seeding.load_all (`manage.py load_content`), after faq: steps cite its entries."""
        from .seed import load

        load(stats)
