"""Clinic directory corrections shipped in clinics/seed/clinics.toml ([clinic.replaces], editing/seeding.py):
applied where a row still holds the old seed text, never over an editor's text (issue 15)."""

import pytest

from clinics.models import Clinic
from editing.seeding import CORRECTION_REASON, load_all

pytestmark = pytest.mark.django_db

# ВКО row 1: bus 42 was listed three times (as in the source); both languages now list each bus once.
OLD = {
    "transport_kk": "42,46,42,246, 42 автобустар, 1,3 трамвай",
    "transport_ru": "автобусы 42, 46, 42, 246, 42; трамваи 1, 3",
}
NEW = {"transport_kk": "42,46,246 автобустар, 1,3 трамвай", "transport_ru": "автобусы 42, 46, 246; трамваи 1, 3"}
FIELDS = list(NEW)


def vko_row_1():
    return Clinic.objects.get(region__slug="east-kazakhstan", position=1)


@pytest.mark.parametrize("field", FIELDS)
def test_the_seed_has_the_corrected_text(field):
    assert getattr(vko_row_1(), field) == NEW[field]


@pytest.mark.parametrize("field", FIELDS)
def test_a_row_still_holding_the_old_seed_text_is_corrected(field):
    row = vko_row_1()
    setattr(row, field, OLD[field])
    row.save()

    stats = load_all()

    row.refresh_from_db()
    assert getattr(row, field) == NEW[field]
    assert stats.corrected == 1 and stats.kept_edited == 0
    assert row.history.order_by("-history_id").first().history_change_reason == CORRECTION_REASON


@pytest.mark.parametrize("field", FIELDS)
def test_a_row_an_editor_changed_is_kept(field):
    row = vko_row_1()
    edited = NEW[field] + " (редактор)"
    setattr(row, field, edited)
    row.save()
    history = row.history.count()

    stats = load_all()

    row.refresh_from_db()
    assert getattr(row, field) == edited
    assert stats.corrected == 0 and stats.kept_edited == 1
    assert row.history.count() == history


@pytest.mark.parametrize(
    ("region", "positions", "address_ru_start"),
    [
        # The source gives no street type for these (e.g. «Қарағанды қаласы , Муканова 35»), so none is added.
        ("karaganda", range(1, 8), "г. Караганда, "),
        ("jambyl", (1, 2, 4, 5, 6, 7), "г. Тараз, "),  # «Тараз қаласы, Бейбитшилик, 99»
        # «Астана қаласы, Республика көш. 50/2»: the source says көшесі, not даңғылы.
        ("astana", (4, 5), "г. Астана, ул. Республики"),
    ],
)
def test_no_correction_the_source_does_not_support(region, positions, address_ru_start):
    for position in positions:
        row = Clinic.objects.get(region__slug=region, position=position)
        assert row.address_ru.startswith(address_ru_start)
        assert " пр. " not in row.address_ru
        if region != "astana":
            assert "ул." not in row.address_ru
