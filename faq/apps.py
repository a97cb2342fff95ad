from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = _("Questions and answers")

    def load_seed(self, stats):
        """Called by editing.seeding.load_all (`manage.py load_content`)."""
        from .seed import load

        load(stats)
