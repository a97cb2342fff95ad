"""Staff previews of what is not public yet (a draft entry, a quota year not in force) on the site itself."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control


def may_preview(request) -> bool:
    """Whether the request comes from signed-in staff. Readers have no session: not touching it keeps
    their pages free of "Vary: Cookie", so they can be cached."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_staff


def mark_private(response):
    """A preview is never stored by any cache: not ours (no-store), not a proxy's or the browser's."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response
