from django.db.models import Q

from .textfold import fold


class FoldedSearchMixin:
    """Admin search over the folded search columns of both languages.

    SQLite's icontains ignores Cyrillic case, and neither database folds қ/к or ә/а,
    so the default admin search would miss most Kazakh and Russian queries.
    """

    folded_search_fields = ("search_kk", "search_ru")
    search_fields = ("search_kk",)  # shows the search box; the lookup itself is replaced below

    def get_search_results(self, request, queryset, search_term):
        terms = fold(search_term).split()
        if not terms:
            return queryset, False
        condition = Q()
        for term in terms:
            any_column = Q()
            for column in self.folded_search_fields:
                any_column |= Q(**{f"{column}__contains": term})
            condition &= any_column
        return queryset.filter(condition), False
