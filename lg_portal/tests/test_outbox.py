from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

import pytest
from django.utils import timezone

from lg_portal import outbox
from lg_portal.models import OutboxMessage
from lg_portal.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def queue(user, key="test:1"):
    return outbox.enqueue(key=key, kind="test", user=user, template="invitation",
                          context={"invitation": mock.Mock(name="", message="Hoi"), "community": SimpleNamespace(name="LG Test", slug="lg-test", question="Hoe?"),
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


def test_every_html_email_extends_the_one_base_template():
    from pathlib import Path

    from django.conf import settings

    emails = Path(settings.BASE_DIR, "templates", "emails")
    pages = [p for p in emails.glob("*.html") if not p.name.startswith("_") and "__" not in p.name
             and p.name != "base.html"]
    assert len(pages) > 20
    assert [p.name for p in pages if not p.read_text().startswith('{% extends "emails/base.html" %}')] == []
    assert not [p.name for p in emails.glob("*.html") if "<body" in p.read_text() and p.name != "base.html"]


def test_the_html_says_its_language_and_keeps_to_a_readable_width(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    queue(UserFactory(language="en"), key="test:en")
    queue(UserFactory(language="nl"), key="test:nl")
    english, dutch = (OutboxMessage.objects.get(key=k).html for k in ("test:en", "test:nl"))
    assert '<html lang="en">' in english and '<html lang="nl">' in dutch
    assert "max-width: 600px" in english


def test_someone_without_an_account_gets_the_email_at_their_address_in_their_language(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    assert outbox.enqueue(key="test:address", kind="test", to="org@example.org", language="en",
                          template="invitation",
                          context={"invitation": mock.Mock(name="", message="Hi"), "community": SimpleNamespace(name="LG Test", slug="lg-test", question="Hoe?"),
                                   "inviter": None, "url": "http://x/"})
    row = OutboxMessage.objects.get(key="test:address")
    assert row.to == "org@example.org" and row.user is None and '<html lang="en">' in row.html
    with pytest.raises(ValueError):
        outbox.enqueue(key="test:nobody", kind="test", template="invitation", context={})


def test_a_series_key_is_never_one_the_purge_left_behind(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    user = UserFactory()
    for n in (1, 2, 3):
        OutboxMessage.objects.create(key=f"series:7:{n}", kind="test", user=user, to=user.email, subject="S", text="T")
    assert outbox.next_key("series:7") == "series:7:4"
    OutboxMessage.objects.filter(key__in=["series:7:1", "series:7:2"]).delete()  # the purge took the old ones
    assert outbox.next_key("series:7") == "series:7:4"
    assert outbox.next_key("series:70") == "series:70:1"
