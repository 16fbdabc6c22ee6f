import pytest


def ensure_compass():
    """The compass comes from a data migration; a transactional test elsewhere may have flushed it."""
    from lessons.compass import compass_load
    from lessons.models import BonusTip, Chapter, InitiatorGuide, Item, Lesson

    if not Chapter.objects.exists():
        compass_load(Chapter=Chapter, Item=Item, Lesson=Lesson, InitiatorGuide=InitiatorGuide, BonusTip=BonusTip)


@pytest.fixture(autouse=True)
def _compass(request):
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        ensure_compass()
