"""Admin lists: every filter choice and every search box of our apps lists exactly the records it names.

The cases below are written by hand, with what each choice should list computed here from the records
themselves (never by calling the filter). The registry tests walk `admin.site._registry`, so a filter,
a filter choice or a search box added to an admin without a case here fails the suite.
"""

import datetime
import html
import re
from urllib.parse import parse_qsl

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.filters import RelatedFieldListFilter
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from modeltranslation.translator import translator

from clinics.models import Clinic, ExaminationType, Quota, QuotaYear, Region
from faq.models import Entry, Topic
from search.admin import FoldedSearchMixin
from search.models import SearchQuery, SynonymGroup

pytestmark = pytest.mark.django_db

OUR_APPS = ("faq", "clinics", "search")
KAZAKH_LETTERS = "әөұүіқғңһ"
# What an editor types without a Kazakh keyboard (and ё/й/щ, which search treats the same way).
PLAIN = str.maketrans({**dict(zip(KAZAKH_LETTERS, "аоууикгнх", strict=True)), "ё": "е", "й": "и", "щ": "ш"})
VISITOR_QUERY = "Қандас мәртебесі"  # searched on the public site, so the search log has a row to find


def plain(text: str) -> str:
    """How admin search should compare text: lower case, Kazakh letters as their plain twins."""
    return (text or "").lower().translate(PLAIN)


def registered_models():
    return [model for model in admin.site._registry if model._meta.app_label in OUR_APPS]


def changelist(client, model, params=None):
    opts = model._meta
    response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), params or {})
    # An unknown filter parameter redirects with ?e=1 instead of listing.
    assert response.status_code == 200, (opts.label, params, response.get("Location"))
    return response.context["cl"]


def listed(cl) -> set:
    return set(cl.queryset.values_list("pk", flat=True))


# ---------------------------------------------------------------------------------------------------
# The records every filter choice has on both sides of it.


def change(obj, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()


@pytest.fixture
def content(db):
    """The seed, changed so that every filter choice lists some records and leaves others out."""
    today = timezone.localdate()
    # Changed with save(), as the admin does, so search documents and history follow.
    entries = list(Entry.objects.order_by("number"))
    change(entries[0], answer_ru="", last_reviewed=today)
    change(entries[1], question_ru=None, last_reviewed=today - datetime.timedelta(days=3))
    # No Kazakh source, so no Russian one is missing either.
    change(entries[2], source_kk="", source_ru="", last_reviewed=today - datetime.timedelta(days=2 * 365))
    change(entries[3], published=False, last_reviewed=today - datetime.timedelta(days=100))

    change(Topic.objects.order_by("order", "pk").first(), title_ru="")
    change(Region.objects.get(slug="east-kazakhstan"), short_name_ru="")  # ШҚО without ВКО
    change(ExaminationType.objects.order_by("order", "pk").first(), name_ru=None)

    rows = list(Clinic.objects.order_by("pk")[:2])
    change(rows[0], transport_ru="")
    change(rows[1], note_kk="", note_ru="Только по записи")  # Russian only: nothing is missing
    # Every region gets a clinic row, so the region filter has something behind each of its choices.
    types = list(ExaminationType.objects.order_by("order", "pk"))
    for number, region in enumerate(Region.objects.filter(clinics__isnull=True).order_by("slug")):
        Clinic.objects.create(
            region=region,
            examination_type=types[number % len(types)],
            position=1,
            address_kk=f"{region.name_kk}, Бейбітшілік көшесі, {number + 1}",
            address_ru=f"{region.name_ru}, улица Бейбитшилик, {number + 1}",
        )

    # A second, not yet translated quota year, with a quota for every region.
    earlier = QuotaYear.objects.create(year=2025, legal_order_kk="2025 жылғы квота туралы бұйрық", legal_order_ru="")
    Quota.objects.bulk_create(Quota(quota_year=earlier, region=region, count=10) for region in Region.objects.all())

    # The search log, written as visitors search: one query in each language finds something, one nothing;
    # each searched twice (the editors' list shows those by default), and one query searched once.
    visitor = Client()
    for language, query in (("kk", VISITOR_QUERY), ("kk", "ззщщхх"), ("ru", "квота")) * 2 + (("ru", "пенсия"),):
        assert visitor.get(f"/{language}/search/", {"q": query}).status_code == 200
    assert SearchQuery.objects.count() == 4


# ---------------------------------------------------------------------------------------------------
# What each filter choice should list, decided record by record.


def russian_missing(obj) -> bool:
    """A translated field with Kazakh text and no Russian text."""
    fields = translator.get_options_for_model(type(obj)).fields
    return any(getattr(obj, f"{name}_kk") and not getattr(obj, f"{name}_ru") for name in fields)


RUSSIAN = {"missing": russian_missing, "present": lambda obj: not russian_missing(obj)}


def one_year_ago() -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=365)


def dates(name):
    """Django's date filter choices, as the calendar says them."""

    def value(obj):
        return getattr(obj, name)

    today = timezone.localdate()
    return {
        "Today": lambda obj: value(obj) == today,
        "Past 7 days": lambda obj: value(obj) is not None and today - datetime.timedelta(days=7) <= value(obj) <= today,
        "This month": lambda obj: (
            value(obj) is not None and (value(obj).year, value(obj).month) == (today.year, today.month)
        ),
        "This year": lambda obj: value(obj) is not None and value(obj).year == today.year,
        "No date": lambda obj: value(obj) is None,
        "Has date": lambda obj: value(obj) is not None,
    }


class Each:
    """A related-record filter: one choice per related record, listing the records that point at it."""

    def __init__(self, attname):
        self.attname = attname

    def __call__(self, obj, selected) -> bool:
        return str(getattr(obj, self.attname)) == selected


EACH = "each related record"


def _text(value) -> str:
    return (value or "").strip()


def _phone_valid(phone) -> bool:
    import phonenumbers

    try:
        number = phonenumbers.parse(phone, "KZ")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number_for_region(number, "KZ")


# The "Data to check" list: clinic rows an editor should complete or correct (clinics/quality.py).
TO_CHECK = {
    "No address (Kazakh)": lambda row: not _text(row.address_kk),
    "No address (Russian)": lambda row: not _text(row.address_ru),
    "No phone": lambda row: not _text(row.phone),
    "Phone number not valid": lambda row: bool(_text(row.phone)) and not _phone_valid(row.phone),
    "Russian missing": lambda row: any(
        _text(getattr(row, f"{name}_kk")) and not _text(getattr(row, f"{name}_ru")) for name in ("transport", "note")
    ),
}

FILTERS = {
    ("faq.topic", "ru"): RUSSIAN,
    ("faq.entry", "published"): {"Yes": lambda entry: entry.published, "No": lambda entry: not entry.published},
    ("faq.entry", "review"): {
        "Not reviewed for 12 months": lambda e: e.last_reviewed is None or e.last_reviewed < one_year_ago(),
        "Reviewed in the last 12 months": lambda e: e.last_reviewed is not None and e.last_reviewed >= one_year_ago(),
    },
    ("faq.entry", "topic"): {EACH: Each("topic_id")},
    ("faq.entry", "last_reviewed"): dates("last_reviewed"),
    ("faq.entry", "ru"): RUSSIAN,
    ("clinics.region", "kind"): {
        "region (oblast)": lambda region: region.kind == "oblast",
        "city of republican significance": lambda region: region.kind == "city",
    },
    ("clinics.region", "ru"): RUSSIAN,
    ("clinics.examinationtype", "ru"): RUSSIAN,
    ("clinics.clinic", "region"): {EACH: Each("region_id")},
    ("clinics.clinic", "examination_type"): {EACH: Each("examination_type_id")},
    ("clinics.clinic", "ru"): RUSSIAN,
    ("clinics.clinictocheck", "problem"): TO_CHECK,
    ("clinics.clinictocheck", "region"): {EACH: Each("region_id")},
    ("clinics.quotayear", "ru"): RUSSIAN,
    ("clinics.quota", "quota_year"): {EACH: Each("quota_year_id")},
    ("clinics.quota", "region"): {EACH: Each("region_id")},
    ("search.searchquery", "searched"): {
        "only once": lambda row: row.count == 1,
        "all searches": lambda row: True,
    },
    ("search.searchquery", "found"): {
        "found nothing": lambda row: row.last_results == 0,
        "found something": lambda row: row.last_results > 0,
    },
    ("search.searchquery", "language"): {
        "kk": lambda row: row.language == "kk",
        "ru": lambda row: row.language == "ru",
    },
    ("search.synonymgroup", "language"): {
        "Kazakh": lambda group: group.language == "kk",
        "Russian": lambda group: group.language == "ru",
        "Kazakh and Russian": lambda group: group.language == "kk+ru",
    },
}
FILTER_CASES = [(label, key, choice) for (label, key), choices in FILTERS.items() for choice in choices]
# Lists that show part of their records until a filter asks for the rest: (that filter, what is shown).
DEFAULT_FILTERS = {
    "search.searchquery": ("searched", lambda row: row.count > 1),
    # Only rows with a problem; the problem filter then narrows them down.
    "clinics.clinictocheck": ("problem", lambda row: any(check(row) for check in TO_CHECK.values())),
}


def shown_by_default(label, records, key=None) -> list:
    """The records a list shows while its default filter (if any, and not the one chosen) applies."""
    default_key, shown = DEFAULT_FILTERS.get(label, (None, None))
    return records if default_key is None or default_key == key else [obj for obj in records if shown(obj)]


def filter_key(spec) -> str:
    return spec.parameter_name if isinstance(spec, admin.SimpleListFilter) else spec.field_path


def filter_links(cl):
    """(filter key, choice key, query parameters) of every link in the list's filter sidebar but "All"."""
    for spec in cl.filter_specs:
        for choice in spec.choices(cl):
            params = dict(parse_qsl(choice["query_string"].lstrip("?"), keep_blank_values=True))
            if not set(params) & set(spec.expected_parameters()):
                continue  # "All"
            if isinstance(spec, RelatedFieldListFilter) and spec.lookup_kwarg in params:
                yield filter_key(spec), EACH, params, params[spec.lookup_kwarg]
                continue
            with translation.override("en"):
                yield filter_key(spec), str(choice["display"]), params, None


@pytest.mark.parametrize(("label", "key", "choice"), FILTER_CASES, ids=["-".join(case) for case in FILTER_CASES])
def test_filter_choice_lists_exactly_its_records(editor_client, content, label, key, choice):
    model = apps.get_model(label)
    records = shown_by_default(label, list(model.objects.all()), key)
    expect = FILTERS[label, key][choice]
    links = [
        (params, selected)
        for (k, c, params, selected) in filter_links(changelist(editor_client, model))
        if (k, c) == (key, choice)
    ]
    assert links, f"no {key}={choice!r} link in the {label} list"
    for params, selected in links:
        found = listed(changelist(editor_client, model, params))
        if isinstance(expect, Each):
            expected = {obj.pk for obj in records if expect(obj, selected)}
        else:
            expected = {obj.pk for obj in records if expect(obj)}
        assert found == expected, params
        assert (
            0 < len(found) < len(records)
            or label in DEFAULT_FILTERS
            and found != {obj.pk for obj in shown_by_default(label, records)}
        ), (params, len(found), len(records))


def test_every_filter_choice_of_every_admin_list_has_a_case(editor_client, content):
    choices = set()
    for model in registered_models():
        cl = changelist(editor_client, model)
        label = model._meta.label_lower
        assert listed(cl) == {obj.pk for obj in shown_by_default(label, list(model.objects.all()))}, label
        choices |= {(model._meta.label_lower, key, choice) for key, choice, _params, _selected in filter_links(cl)}
    assert choices == set(FILTER_CASES)


def test_filter_cases_name_every_filter_an_admin_declares(rf, editor):
    """Also without rendering a list: each list_filter entry in the registry has its cases."""
    request = rf.get("/")
    request.user = editor
    declared = set()
    for model in registered_models():
        for entry in admin.site._registry[model].get_list_filter(request):
            if isinstance(entry, (list, tuple)):
                entry = entry[0]
            key = entry if isinstance(entry, str) else entry.parameter_name
            declared.add((model._meta.label_lower, key))
    assert declared == set(FILTERS)


# ---------------------------------------------------------------------------------------------------
# Search boxes.


def strip_tags(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text or ""))


def both(obj, *names) -> str:
    return " ".join(str(getattr(obj, f"{name}_{language}") or "") for name in names for language in ("kk", "ru"))


def entry_text(entry) -> str:
    return " ".join([both(entry, "question", "source"), strip_tags(both(entry, "answer"))])


def clinic_text(row) -> str:
    # A row is found by its own text and by the names of its region and examination type.
    return " ".join(
        [both(row, "address", "note"), both(row.region, "name", "short_name"), both(row.examination_type, "name")]
    )


class SearchCase:
    def __init__(self, target, source, text):
        self.target = target  # the record searched for
        self.source = source  # the Kazakh text a word is taken from
        self.text = text  # everything an editor can find a record by


SEARCHES = {
    "faq.topic": SearchCase(
        lambda: Topic.objects.order_by("order", "pk").first(),
        lambda topic: topic.title_kk,
        lambda topic: " ".join([both(topic, "title"), topic.slug]),
    ),
    # The unpublished entry: drafts have no public search document, editors must still find them.
    "faq.entry": SearchCase(
        lambda: Entry.objects.get(published=False),
        lambda entry: entry.question_kk,
        entry_text,
    ),
    "clinics.region": SearchCase(
        lambda: Region.objects.get(slug="east-kazakhstan"),
        lambda region: region.name_kk,
        lambda region: " ".join([both(region, "name"), region.slug]),
    ),
    "clinics.examinationtype": SearchCase(
        lambda: ExaminationType.objects.get(slug="drug-addiction"),
        lambda kind: kind.name_kk,
        lambda kind: both(kind, "name", "short_name"),
    ),
    "clinics.clinic": SearchCase(
        lambda: Clinic.objects.select_related("region", "examination_type").order_by("pk").first(),
        lambda row: row.address_kk,
        clinic_text,
    ),
    "search.searchquery": SearchCase(
        lambda: SearchQuery.objects.get(language="kk", last_results__gt=0),
        lambda row: VISITOR_QUERY,
        lambda row: row.query,
    ),
    "search.synonymgroup": SearchCase(
        lambda: SynonymGroup.objects.get(words__startswith="психиатр"),
        lambda group: group.words,
        lambda group: " ".join([group.words, group.note]),
    ),
}
NONSENSE = "жщфхъ qzxv"


def searchable_models():
    return [
        model
        for model in registered_models()
        if admin.site._registry[model].search_fields or isinstance(admin.site._registry[model], FoldedSearchMixin)
    ]


def search_setup(label):
    """The record, a word of it with Kazakh letters that few records share, and who has that word."""
    case = SEARCHES[label]
    model = apps.get_model(label)
    target = case.target()
    records = list(model.objects.all())
    candidates = [
        w for w in re.findall(r"\w+", case.source(target)) if len(w) >= 4 and set(w.lower()) & set(KAZAKH_LETTERS)
    ]
    assert candidates, f"no word with a Kazakh letter in {target!r}"

    def holders(word):
        return {obj.pk for obj in records if plain(word) in plain(case.text(obj))}

    word = min(candidates, key=lambda w: len(holders(w)))
    expected = holders(word)
    assert target.pk in expected
    assert len(expected) < len(records), f"{word!r} is in every {label}"
    return model, word, expected


def test_every_admin_search_box_has_a_case():
    assert {model._meta.label_lower for model in searchable_models()} == set(SEARCHES)


@pytest.mark.parametrize("label", list(SEARCHES))
def test_admin_search_finds_the_records_with_the_word(editor_client, content, label):
    model, word, expected = search_setup(label)
    assert listed(changelist(editor_client, model, {"q": word})) == expected


@pytest.mark.parametrize("label", list(SEARCHES))
def test_admin_search_ignores_case_and_kazakh_letters(editor_client, content, label):
    model, word, expected = search_setup(label)
    typed = word.upper().translate(str.maketrans(KAZAKH_LETTERS.upper(), "АОУУИКГНХ"))
    assert typed.lower() != word.lower()
    assert listed(changelist(editor_client, model, {"q": typed})) == expected


@pytest.mark.parametrize("label", list(SEARCHES))
def test_admin_search_for_nonsense_finds_nothing(editor_client, content, label):
    model = apps.get_model(label)
    assert model.objects.exists()
    assert listed(changelist(editor_client, model, {"q": NONSENSE})) == set()
