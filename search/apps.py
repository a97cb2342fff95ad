from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # A changed synonym group changes search results: cached pages must not outlive it.
        from django.db.models.signals import post_delete, post_save

        from otandastar.pagecache import bump_content_version

        from . import documents  # noqa: F401  (connects the indexing signals)
        from .models import SynonymGroup

        post_save.connect(bump_content_version, sender=SynonymGroup, dispatch_uid="pagecache-save-SynonymGroup")
        post_delete.connect(bump_content_version, sender=SynonymGroup, dispatch_uid="pagecache-delete-SynonymGroup")
