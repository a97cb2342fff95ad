from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Foundation contacts")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from otandastar.pagecache import bump_content_version

        from .models import FoundationContacts

        # Every page's footer links the contacts page and the empty region pages name it: a change shows at once.
        post_save.connect(bump_content_version, sender=FoundationContacts, dispatch_uid="pagecache-save-contacts")
        post_delete.connect(bump_content_version, sender=FoundationContacts, dispatch_uid="pagecache-delete-contacts")

    def load_seed(self, stats):
        """Called by editing.seeding.load_all (`manage.py load_content`)."""
        from .seed import load

        load(stats)
