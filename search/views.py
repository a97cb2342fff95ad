from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from faq import selectors as faq_selectors
from scripts import translit
from scripts.languages import content_language, script_of

from . import completions, engine, snippets, suggest
from .forms import SearchForm
from .query import query_words
from .statistics import RESULTS_HEADER


def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"form": form, "query": query, "breadcrumbs": [(_("Search"), None)]}
    counted = None
    if query:
        # ?exact=1: "search instead for" the query as typed, without correcting it.
        exact = request.GET.get("exact") == "1"
        results = engine.search(query, content_language(), correct=not exact)
        page = Paginator(results.entry_hits, engine.PER_PAGE).get_page(request.GET.get("page"))
        page.object_list = engine.load_entries(page.object_list)
        snippets.mark_results(page.object_list, results)
        if page.number == 1:
            counted = results.count
        context.update(results=results, page=page, page_range=page.paginator.get_elided_page_range(page.number))
        if not results.count:
            context["suggestions"] = [c.query for c in suggest.corrections(query_words(query), results.unmatched)]
    if not query or not context["results"].count:
        context["topics"] = faq_selectors.topics_with_counts()
    response = render(request, "search/search.html", context)
    if counted is not None:
        # Counted by search.statistics.SearchStatisticsMiddleware, also when the page cache answers.
        response[RESULTS_HEADER] = str(counted)
    return response


def suggestions(request):
    """Typing suggestions for search/suggest.js: JSON, cached by the page cache like a page."""
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    items = completions.suggestions(query, content_language())
    # JSON is not HTML: the page middleware does not transliterate it, so the labels are converted here.
    language = get_language()
    convert = {"arab": translit.to_arabic, "latn": translit.to_latin}.get(script_of(language))
    if convert:
        kazakh = f"/{content_language(language)}/"
        for item in items:
            item["label"] = convert(item["label"])
            if item["url"].startswith(kazakh):  # the reader stays in the script they read
                item["url"] = f"/{language}/" + item["url"].removeprefix(kazakh)
    return JsonResponse({"suggestions": items})
