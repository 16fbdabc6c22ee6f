"""Questions, proposals and ideas nobody answered in three days: the workgroup's members hear it once,
personally."""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagement import jobs
from engagement.models import UnansweredAlert
from lg_portal import outbox
from participants.models import EmailPreference, MemberStatus
from participants.tests.factories import MembershipFactory
from workgroups.models import Post, Reply, Workgroup, WorkgroupMember

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _queue_only(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False


@pytest.fixture
def group(community):
    workgroup = Workgroup.objects.create(community=community, name="Stages")
    members = [MembershipFactory(community=community, user__name=n) for n in ("Anouk", "Bas", "Wilma")]
    for m in members:
        WorkgroupMember.objects.create(workgroup=workgroup, membership=m)
    return workgroup, members


def ask(community, author, workgroup=None, days=4, kind="question"):
    return Post.objects.create(community=community, workgroup=workgroup, author=author, kind=kind,
                               title="Wie kent een leerbedrijf in de zorg?", body="Ik zoek er twee.",
                               created_at=timezone.now() - timedelta(days=days))


def test_the_workgroups_members_are_alerted_once_each_but_not_the_author(community, group, mailoutbox):
    workgroup, (anouk, bas, wilma) = group
    post = ask(community, anouk, workgroup)
    assert jobs.unanswered_alerts_send() == 2
    assert jobs.unanswered_alerts_send() == 0
    outbox.flush()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([bas.user.email, wilma.user.email])
    email = mailoutbox[0]
    assert "leerbedrijf" in email.subject and f"/posts/{post.pk}/" in email.body
    assert "Stages" in email.alternatives[0][0]
    assert "/email/unsubscribe/alerts/" in email.body and "List-Unsubscribe" in email.extra_headers
    assert UnansweredAlert.objects.filter(post=post).exists()


def test_posts_with_an_answer_or_too_young_or_updates_are_not_alerted(community, group, mailoutbox):
    workgroup, (anouk, bas, _wilma) = group
    answered = ask(community, anouk, workgroup)
    Reply.objects.create(post=answered, author=bas, body="Zorggroep Sint Maarten")
    ask(community, anouk, workgroup, days=1)
    Post.objects.create(community=community, workgroup=workgroup, author=anouk, kind="update", topic="content",
                        title="Tussenstap", body="We zijn begonnen.", created_at=timezone.now() - timedelta(days=5))
    ask(community, anouk, workgroup, days=30)  # too old to mail about; on the catch-up list
    assert jobs.unanswered_alerts_send() == 0


def test_a_community_wide_post_alerts_the_facilitators(community, facilitator, participant, mailoutbox):
    ask(community, participant)
    assert jobs.unanswered_alerts_send() == 1
    outbox.flush()
    assert [m.to for m in mailoutbox] == [[facilitator.user.email]]


def test_people_who_switched_alerts_off_or_stepped_out_get_none(community, group, mailoutbox):
    workgroup, (anouk, bas, wilma) = group
    EmailPreference.objects.create(user=bas.user, alerts=False)
    wilma.status = MemberStatus.STEPPED_OUT
    wilma.save()
    ask(community, anouk, workgroup)
    assert jobs.unanswered_alerts_send() == 0


def test_the_task_runs_the_scan(community, group, mailoutbox):
    from engagement import tasks

    workgroup, (anouk, _bas, _wilma) = group
    ask(community, anouk, workgroup)
    assert tasks.unanswered_alerts.apply().get() == {"queued": 2}
