"""With REDIS_URL pointing at a closed port, the catch-up list, the answers and the scan still work;
what was queued is sent once the worker runs."""

import pytest
import time_machine

from engagement import emails, jobs
from engagement.models import Nudge, NudgeAnswer
from lg_portal import outbox
from lg_portal.tests.test_redis_down import DEAD, DEAD_CACHE

from .drift_factories import NOW, member, plenary

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    settings.REDIS_URL = DEAD
    settings.CACHES = DEAD_CACHE
    settings.CELERY_TASK_ALWAYS_EAGER = False


def test_pages_and_sending_work_while_redis_is_down(redis_down, community, facilitator, facilitator_client,
                                                    anon_client, mailoutbox):
    away = member(community, user__name="Peter Lammers")
    plenary(community, days_ago=40)
    plenary(community, days_ago=10)
    with time_machine.travel(NOW, tick=False):
        assert jobs.nudges_send(now=NOW) == (1, 0)
        assert "Peter Lammers" in facilitator_client.get(f"/c/{community.slug}/catch-up/").content.decode()
        assert facilitator_client.post(f"/c/{community.slug}/catch-up/{away.pk}/contact/",
                                       {"note": "gebeld"}).status_code == 302
        url = emails.nudge_url(Nudge.objects.get(), NudgeAnswer.STILL_IN)
        assert anon_client.post(url[url.index("/nudge/"):]).status_code == 302
        assert not mailoutbox
        assert outbox.flush(now=NOW) == (1, 0)
    assert len(mailoutbox) == 1
