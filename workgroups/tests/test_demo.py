import pytest
from django.core.management import call_command

from workgroups.models import ActivityKind, Post, Workgroup
from workgroups.selectors import heterogeneity, posts_waiting_for_answer

pytestmark = pytest.mark.django_db


def test_demo_seeds_four_workgroups_and_a_second_run_changes_nothing():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Workgroup.objects.count(), Post.objects.count())
    workgroups = list(Workgroup.objects.filter(community__slug="hellendoorn-demo").prefetch_related(
        "members__membership", "activities"))
    assert len(workgroups) == 4
    core = next(w for w in workgroups if w.is_core_group)
    assert len(core.members.all()) == 8
    assert all(wm.membership.is_core_group for wm in core.members.all())
    assert sum(w.closed for w in workgroups) == 1
    kinds = {a.kind for w in workgroups for a in w.activities.all()}
    assert kinds == set(ActivityKind.values)
    lessons = {w.name: [x["lesson"] for x in heterogeneity(members=[wm.membership for wm in w.members.all()],
                                                            community_members=[])["warnings"]]
               for w in workgroups}
    assert lessons["Stages en leerbanen"] == []
    assert "Denkers én doeners" in lessons["Handen uit de mouwen"]
    from django.utils import timezone

    waiting = list(posts_waiting_for_answer(now=timezone.now()))
    assert [p.title for p in waiting] == ["Wie heeft een zaal voor de bijeenkomst in mei?"]

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Workgroup.objects.count(), Post.objects.count()) == counts
