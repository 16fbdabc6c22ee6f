"""The demo: last year's marketplace with 60 confirmed entries and 30 followed-up matches, next year's open."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from marketplace.models import FollowUp, Marketplace, Match
from marketplace.selectors import results_for_marketplace
from participants.models import Community
from workgroups.models import Activity

pytestmark = pytest.mark.django_db


def test_demo_has_last_years_results_and_next_years_open_marketplace():
    call_command("seed_demo", stdout=None)
    demo = Community.objects.get(slug="hellendoorn-demo")
    last, upcoming = Marketplace.objects.filter(community=demo).order_by("held_on")
    today = timezone.localdate()
    assert last.held_on < today < upcoming.held_on and upcoming.is_open()
    assert not last.workgroup.is_core_group and last.workgroup.community == demo
    r = results_for_marketplace(marketplace=last)
    assert (r.entries, r.needs, r.offers, r.matches) == (60, 30, 30, 30)
    assert r.delivered and r.dropped and r.pending and r.value > 0
    assert FollowUp.objects.filter(match__marketplace=last, sent_at__isnull=False).count() == 60
    # Each marketplace is one activity of its workgroup on its day; the matches are not activities.
    assert last.activity.happened_on == last.held_on and last.activity.workgroup == last.workgroup
    assert upcoming.activity.happened_on == upcoming.held_on
    assert not Activity.objects.filter(community=demo, kind="match", title__startswith="Match op").exists()
    assert r.delivered == Match.objects.filter(marketplace=last, status="delivered", delivered_on__lte=today).count()
    assert results_for_marketplace(marketplace=upcoming).matches == 0
    assert upcoming.entries.filter(confirmed_at__isnull=True).exists()


def test_demo_follow_up_job_has_nothing_left_to_send(mailoutbox):
    call_command("seed_demo", stdout=None)
    from marketplace.jobs import follow_ups_run

    assert follow_ups_run() == {"created": 0, "queued": 0}
    assert mailoutbox == []


def test_seeding_twice_changes_nothing():
    call_command("seed_demo", stdout=None)
    before = (Marketplace.objects.count(), Match.objects.count(), FollowUp.objects.count())
    call_command("seed_demo", stdout=None)
    assert (Marketplace.objects.count(), Match.objects.count(), FollowUp.objects.count()) == before
