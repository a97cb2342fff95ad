"""Why the feedback form needs no CSRF token, and what guards it instead.

The form is part of public pages that the page cache stores whole and serves to everyone
(otandastar.pagecache), so it cannot carry a per-visitor CSRF token or cookie. A CSRF token protects a
signed-in user's session from requests forged by another site; this form has no session and changes
nothing of the reader's: the worst a forged or scripted post can do is add an answer. So, instead:

1. Same origin (the point of a CSRF check, without a token): a browser says where a form was sent from.
   `Sec-Fetch-Site` must be `same-origin`; browsers without it send `Origin`, which must be this site
   (or one of CSRF_TRUSTED_ORIGINS); without either, a `Referer` from this site. A post with none of them
   is refused: every browser in use sends at least one, so a page on another site cannot make its
   visitors' browsers answer for it.
2. The page is named by its address and a signature of it (made with SECRET_KEY when the page was
   rendered, the same for every reader, so it can be cached): answers are kept only for pages the site
   itself rendered the form on, never for addresses a script makes up.
3. A hidden field (honeypot) that people do not see and bots fill in: a post with it filled is refused.
4. Too fast: the comment form (shown after "No") carries its signed issue time; a comment sent sooner than
   FEEDBACK_MIN_SECONDS after it is refused (and shown again with the text, so a person loses nothing).
   The Yes/No buttons cannot carry a useful time: the page may have been cached hours ago.
5. A rate limit per client address (otandastar.middleware.client_ip) in the shared cache:
   FEEDBACK_RATE_LIMIT posts per FEEDBACK_RATE_WINDOW seconds. The address is only part of a keyed hash
   in the cache key, kept for one window, never stored with an answer.

Scripts can forge the headers of 1; 2-5 limit what they can do. django-ratelimit was not used: its last
release (4.1.0, 2023) does not declare Django 5 support, and a fixed window is a few lines on the cache.
"""

import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from otandastar.middleware import client_ip

logger = logging.getLogger(__name__)

PAGE_SALT = "feedback.page"
COMMENT_SALT = "feedback.comment"


def same_origin(request) -> bool:
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site == "same-origin"
    own = f"{request.scheme}://{request.get_host()}"
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS
    referer = request.headers.get("Referer", "")
    return referer == own or referer.startswith(own + "/")


def sign_page(path: str) -> str:
    return signing.Signer(salt=PAGE_SALT).signature(path)


def page_signature_ok(path: str, signature: str) -> bool:
    return bool(path) and hmac.compare_digest(sign_page(path), signature or "")


def comment_token(answer_id: int, path: str) -> str:
    """Names the answer a comment belongs to, its page, and when the comment form was shown."""
    return signing.Signer(salt=COMMENT_SALT).sign_object({"a": answer_id, "p": path, "t": time.time()})


def read_comment_token(token: str) -> tuple[int, str, float] | None:
    """(answer id, page, seconds since the form was shown), or None for a token not ours or too old."""
    try:
        data = signing.Signer(salt=COMMENT_SALT).unsign_object(token or "")
        answer_id, path, issued = int(data["a"]), str(data["p"]), float(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    age = time.time() - issued
    if not 0 <= age <= settings.FEEDBACK_COMMENT_MAX_AGE:
        return None
    return answer_id, path, age


def rate_limited(request) -> bool:
    """Count this post against its client; True once the client is over the limit in this window."""
    window = settings.FEEDBACK_RATE_WINDOW
    address = client_ip(request) or "unknown"
    client = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]
    key = f"feedback:rate:{client}:{int(time.time() // window)}"
    try:
        cache.add(key, 0, window)
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    except Exception:  # the cache is down: answers still count (the other checks still apply)
        logger.warning("feedback rate limit: cache unavailable", exc_info=True)
        return False
    return count > settings.FEEDBACK_RATE_LIMIT
