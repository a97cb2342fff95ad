from django.http import Http404
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from clinics import selectors as clinic_selectors
from editing import previews
from editing.html import clean_html, html_to_text

from . import amounts, outline, selectors
from .models import Entry


def index(request):
    topics = selectors.topics_with_entries()
    return render(
        request,
        "faq/index.html",
        {"topics": topics, "breadcrumbs": [(_("Questions and answers"), None)]},
    )


def topic(request, slug):
    topic = selectors.get_topic(slug)
    if topic is None:
        raise Http404
    return render(
        request,
        "faq/topic.html",
        {
            "topic": topic,
            "entries": selectors.topic_entries(topic),
            "breadcrumbs": [(_("Questions and answers"), "faq:index"), (topic.title, None)],
        },
    )


def entry(request, slug):
    # Staff can preview an unpublished entry; everyone else gets a 404 for it.
    entry = selectors.get_entry(slug, include_unpublished=previews.may_preview(request))
    if entry is None:
        raise Http404
    response = render(
        request,
        "faq/entry.html",
        {
            "entry": entry,
            # Cleaned and expanded once: the page, its description and its structured data all show it.
            **answer_display(entry.answer),
            "others": selectors.other_entries_of_topic(entry),
            # The entry on the medical examination shows the examinations and leads to each region's table.
            "directory": clinic_selectors.directory() if entry.feature == Entry.Feature.CLINICS else None,
            "breadcrumbs": [
                (_("Questions and answers"), "faq:index"),
                (entry.topic.title, entry.topic.get_absolute_url()),
                (entry.question, None),
            ],
        },
    )
    return response if entry.published else previews.mark_private(response)


def answer_display(answer: str) -> dict:
    """The answer as the page shows it (clean HTML, amounts with this year's tenge figures) and as plain text."""
    html = mark_safe(clean_html(answer))
    if amounts.has_amounts(answer):
        html = amounts.expand(html, selectors.current_mci())
    anchored, contents = outline.outline(html)
    return {"answer_html": anchored, "answer_text": html_to_text(html), "contents": contents}
