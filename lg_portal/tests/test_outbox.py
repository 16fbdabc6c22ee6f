from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from lg_portal import outbox
from lg_portal.models import OutboxMessage
from lg_portal.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def queue(user, key="test:1"):
    return outbox.enqueue(key=key, kind="test", user=user, template="invitation",
                          context={"invitation": mock.Mock(name="", message="Hoi"), "community": mock.Mock(),
                                   "inviter": user, "url": "http://x/"})


def test_same_key_is_queued_once(settings, mailoutbox):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    user = UserFactory()
    assert queue(user) is True
    assert queue(user) is False
    assert OutboxMessage.objects.count() == 1


def test_flush_twice_sends_once(settings, mailoutbox):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    queue(UserFactory())
    assert outbox.flush() == (1, 0)
    assert outbox.flush() == (0, 0)
    assert len(mailoutbox) == 1


def test_failed_send_is_retried_later_and_sent_once(settings, mailoutbox):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    queue(UserFactory())
    with mock.patch("lg_portal.outbox.send_one", side_effect=ConnectionError("smtp down")):
        assert outbox.flush() == (0, 1)
    row = OutboxMessage.objects.get()
    assert row.sent_at is None and "smtp down" in row.last_error and row.send_after > timezone.now()
    assert outbox.flush() == (0, 0)  # backing off
    assert outbox.flush(now=timezone.now() + timedelta(minutes=5)) == (1, 0)
    assert len(mailoutbox) == 1


def test_message_is_rendered_in_the_recipients_language(settings, mailoutbox):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    queue(UserFactory(language="en"))
    row = OutboxMessage.objects.get()
    assert row.to and row.subject
