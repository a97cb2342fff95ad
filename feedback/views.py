"""The "Was this page useful?" answers: Yes/No from any page (cached ones too), then an optional comment.

No CSRF token (the pages are cached whole); feedback.guard explains what protects the form instead.
Every outcome is a page in the reader's language, never an error page; none is cached.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt

from . import guard, services
from .forms import COMMENT_MAX_CHARS, CommentForm, VoteForm


def _answer(request, outcome, *, status=200, back="", form=None):
    response = render(
        request,
        "feedback/answer.html",
        {"outcome": outcome, "back": back, "form": form, "comment_max": COMMENT_MAX_CHARS},
        status=status,
    )
    add_never_cache_headers(response)
    if status == 429:
        response["Retry-After"] = str(settings.FEEDBACK_RATE_WINDOW)
    return response


def _refusal(request):
    """The checks every post passes first; a refusal page, or None."""
    if request.method != "POST":
        response = _answer(request, "use-form", status=405)
        response["Allow"] = "POST"
        return response
    if not guard.same_origin(request):
        return _answer(request, "other-site", status=403)
    if guard.rate_limited(request):
        return _answer(request, "too-many", status=429)
    return None


def _back(path: str) -> str:
    """The page the answer is about, if it is one of ours (it is signed), else the home page."""
    return path if path.startswith(f"/{get_language()}/") else f"/{get_language()}/"


@csrf_exempt
def vote(request):
    refusal = _refusal(request)
    if refusal is not None:
        return refusal
    form = VoteForm(request.POST)
    if form.filled_honeypot():
        return _answer(request, "not-saved", status=400)
    if not form.is_valid() or not guard.page_signature_ok(form.cleaned_data["page"], form.cleaned_data["sig"]):
        return _answer(request, "not-saved", status=400)
    path = form.cleaned_data["page"]
    language, _slash, rest = path[1:].partition("/")
    useful = form.cleaned_data["useful"] == "yes"
    answer = services.answer_record(path="/" + rest, language=language, useful=useful)
    if useful:
        return _answer(request, "thanks", back=_back(path))
    comment = CommentForm(initial={"token": guard.comment_token(answer.pk, path)})
    return _answer(request, "ask", back=_back(path), form=comment)


@csrf_exempt
def comment(request):
    refusal = _refusal(request)
    if refusal is not None:
        return refusal
    form = CommentForm(request.POST)
    if form.filled_honeypot():
        return _answer(request, "not-saved", status=400)
    token = guard.read_comment_token(request.POST.get("token", ""))
    if token is None:
        return _answer(request, "expired", status=400)
    answer_id, path, age = token
    back = _back(path)
    if not form.is_valid():
        return _answer(request, "ask", status=400, back=back, form=form)
    text = form.cleaned_data["comment"]
    if not text:
        return _answer(request, "thanks", back=back)
    if age < settings.FEEDBACK_MIN_SECONDS:
        # Faster than a person reads and types: refused, and the form shown again with the text (and the
        # same token, whose time keeps running), so a person sends it once more and loses nothing.
        return _answer(request, "too-fast", status=400, back=back, form=form)
    if not services.answer_add_comment(answer_id=answer_id, comment=text):
        return _answer(request, "already", back=back)
    return _answer(request, "thanks-comment", back=back)
