from .models import FoundationContacts


def get_contacts() -> FoundationContacts | None:
    """The foundation's details, or None before the seed is loaded (a read never creates the record)."""
    return FoundationContacts.objects.filter(pk=FoundationContacts.singleton_instance_id).first()
