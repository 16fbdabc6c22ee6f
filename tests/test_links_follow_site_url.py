"""Every absolute link the portal sends out (emails, their headers, calendar feeds) is on SITE_URL, so a
`make run PORT=8123` invitation can be followed. (SITE_URL following PORT is in
lg_portal/tests/test_settings_from_env.py; .ci/make-run checks the same on a real `make run`.)"""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lg_portal import registry
from lg_portal.models import OutboxMessage

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8123"
URL = re.compile(r"https?://[^\s\"'<>)]+")
# Links to the world outside the portal that an email may carry on purpose.
ELSEWHERE = ()


def quiet(*args):
    call_command(*args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_every_link_in_every_email_and_feed_starts_with_site_url(client, settings):
    settings.SITE_URL = SITE
    quiet("seed_demo")
    from marketplace import emails as marketplace_emails
    from marketplace.models import Entry, FollowUp, Match
    from meetings import emails as meeting_emails
    from meetings.models import Meeting
    from participants.models import Community, Membership, User
    from participants.services import invitation_create

    demo = Community.objects.get(slug="hellendoorn-demo")
    facilitator = Membership.objects.get(community=demo, user__email="facilitator@demo.example")
    invitation_create(community=demo, email="nieuw@example.org", message="Doe je mee?", by=facilitator.user)
    meeting = Meeting.objects.filter(community=demo, starts_at__gt=timezone.now()).order_by("starts_at").last()
    meeting_emails.host_request(meeting=meeting, host=meeting.host, by=facilitator)
    meeting_emails.meeting_changed(meeting=meeting, old_start=meeting.starts_at - timedelta(days=1), by=facilitator)
    meeting_emails.meeting_cancelled(meeting=meeting, by=facilitator)
    marketplace_emails.entry_confirmation_send(Entry.objects.first())
    marketplace_emails.match_confirmation_send(Match.objects.first())
    if FollowUp.objects.exists():
        marketplace_emails.follow_up_send(FollowUp.objects.first())
    for job in registry.JOBS:  # every scheduled email the demo has reason for
        quiet("run_job", job.name)
    # An account email, asked for on another host than SITE_URL's.
    client.post(reverse("account_reset_password"), {"email": "marieke@demo.example"}, HTTP_HOST="localhost")

    kinds = set(OutboxMessage.objects.values_list("kind", flat=True))
    assert {"invitation", "meeting_host_request", "meeting_reminder", "nudge", "digest", "marketplace_match",
            "marketplace_entry_confirm", "account"} <= kinds
    links = []
    for message in OutboxMessage.objects.all():
        for part in (message.text, message.html, *message.headers.values()):
            links += [(message.kind, url) for url in URL.findall(part)]
    user = User.objects.get(email="marieke@demo.example")
    feed = client.get(reverse("calendar_feed", args=[user.feed_token])).content.decode()
    links += [("feed", url) for url in URL.findall(feed.replace("\r\n ", ""))]
    assert len(links) > 100
    wrong = sorted({(kind, url) for kind, url in links if not url.startswith(SITE + "/") and not url.startswith(ELSEWHERE)})
    assert wrong == []
