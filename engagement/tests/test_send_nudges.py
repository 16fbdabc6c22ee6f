"""`manage.py send_nudges`: the scan and sending once, for operators without beat."""

from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from engagement.models import Nudge

from .drift_factories import NOW, member, plenary

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_drifting(community, facilitator):
    away = [member(community), member(community)]
    there = member(community)
    for days in (40, 10):
        plenary(community, days_ago=days, present=[there], answered=[there, *away])
    return away


def run(*args):
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("send_nudges", *args, stdout=out)
    return out.getvalue().strip()


def test_sends_each_drifting_person_one_nudge_and_says_so(two_drifting, mailoutbox, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    assert run() == "sent 2, skipped 0"
    assert sorted(m.to[0] for m in mailoutbox) == sorted(m.user.email for m in two_drifting)
    assert run() == "sent 0, skipped 2"
    assert len(mailoutbox) == 2 and Nudge.objects.count() == 2


def test_one_community_only(two_drifting, other_community, mailoutbox):
    member(other_community, login_days_ago=None)
    assert run("--community", other_community.slug) == "sent 1, skipped 0"
    with pytest.raises(CommandError):
        run("--community", "nope")


def test_no_flush_leaves_sending_to_the_worker(two_drifting, mailoutbox, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    assert run("--no-flush") == "sent 2, skipped 0"
    assert not mailoutbox
