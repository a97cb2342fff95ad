from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClinicsConfig(AppConfig):
    name = "clinics"
    verbose_name = _("Regions, quotas and clinics")

    def load_seed(self, stats):
        """Called by editing.seeding.load_all (`manage.py load_content`): regions first, rows and quotas name them."""
        from .seed import load_directory, load_quotas, load_regions

        load_regions(stats)
        load_directory(stats)
        load_quotas(stats)
