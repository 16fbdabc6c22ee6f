"""The compass tables hold every item of the guide's 'all lessons in a row' overview, in both languages."""

import pytest
from django.utils import translation

from lessons.models import BonusTip, Chapter, InitiatorGuide, Item, Lesson
from participants.models import InitiatorKind

# lessons-overview.md: the guide's overview, item counts per chapter
GUIDE_COUNTS = {
    "choice": 8, "start": 5, "participants": 8, "working": 8, "organisation": 6,
    "themes": 5, "return": 7, "learning": 6, "communication": 5, "costs": 5,
}

pytestmark = pytest.mark.django_db


def test_item_counts_per_chapter_match_the_guide():
    counts = {c.key: c.items.count() for c in Chapter.objects.all()}
    assert counts == GUIDE_COUNTS
    assert Item.objects.count() == 63


def test_chapters_are_in_the_guides_order():
    assert list(Chapter.objects.values_list("key", flat=True)) == list(GUIDE_COUNTS)


def test_all_named_lessons_are_there():
    assert Lesson.objects.count() == 42


def test_kinds_per_chapter_follow_the_overview():
    kinds = {c.key: set(c.items.values_list("kind", flat=True)) for c in Chapter.objects.all()}
    assert kinds["choice"] == {"is", "is_not", "unsuitable"}
    assert kinds["participants"] == {"choose", "avoid"}
    assert kinds["costs"] == {"easy", "hard"}
    assert kinds["learning"] == {"always", "depends"}


def test_every_initiator_kind_has_bonus_tips_and_example_questions():
    for value, _label in InitiatorKind.choices:
        guide = InitiatorGuide.objects.get(initiator=value)
        assert guide.tips.filter(kind=BonusTip.Kind.TIP).exists()
        assert guide.tips.filter(kind=BonusTip.Kind.EXAMPLE).exists()


@pytest.mark.parametrize("model, fields", [
    (Chapter, ["title", "intro"]),
    (Item, ["text"]),
    (Lesson, ["title", "body"]),
    (InitiatorGuide, ["title"]),
    (BonusTip, ["text"]),
])
def test_both_languages_are_complete(model, fields):
    rows = list(model.objects.all())
    assert rows
    for row in rows:
        for field in fields:
            nl, en = getattr(row, f"{field}_nl").strip(), getattr(row, f"{field}_en").strip()
            assert nl and en, f"{model.__name__} {row.pk} {field} is missing a language"
            if len(nl) > 40:  # short titles such as "Go with the flow" are the same in both
                assert nl != en, f"{model.__name__} {row.pk} {field} is not translated"


def test_shown_text_follows_the_active_language():
    item = Item.objects.get(key="start-always-1")
    with translation.override("nl"):
        assert item.text == "bereidheid om te veranderen"
    with translation.override("en"):
        assert item.text == "willingness to change"


def test_loading_twice_changes_nothing():
    from lessons.compass import compass_load

    before = (Chapter.objects.count(), Item.objects.count(), Lesson.objects.count(), BonusTip.objects.count())
    compass_load(Chapter=Chapter, Item=Item, Lesson=Lesson, InitiatorGuide=InitiatorGuide, BonusTip=BonusTip)
    after = (Chapter.objects.count(), Item.objects.count(), Lesson.objects.count(), BonusTip.objects.count())
    assert before == after
