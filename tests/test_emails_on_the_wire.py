"""Every kind of email the portal sends, read back from the bytes a real SMTP server received (aiosmtpd,
started here), parsed with Python's email package, as a mail provider reads them:
- List-Unsubscribe is `<https://...>` on the wire, never an RFC 2047 encoded word, with
  List-Unsubscribe-Post (RFC 8058); List-Id on every email; Auto-Submitted on automatic mail, not on a
  facilitator's personal invitation;
- subjects and text parts are plain text (no HTML entity ever); Message-ID on the site's own domain;
- a text and an HTML part, the HTML on the one base layout (lang, a readable width)."""

import email
import email.policy
import re
import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lg_portal import outbox, registry
from lg_portal.models import OutboxMessage

pytestmark = pytest.mark.django_db
SITE = "https://lg.example.nl"
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
PERSONAL = {"invitation"}  # written by a person to a person: no Auto-Submitted


class Inbox:
    def __init__(self):
        self.received = []  # (envelope recipients, the bytes)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.received.append((envelope.rcpt_tos, envelope.original_content or envelope.content))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                    "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5}}}
    settings.CELERY_TASK_ALWAYS_EAGER = False  # this test flushes the outbox itself, to the server above
    yield inbox
    controller.stop()


def quiet(*args):
    call_command(*args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def every_kind(client):
    """The demo, then one of every email a person's action or a job sends."""
    quiet("seed_demo")
    from marketplace import emails as marketplace_emails
    from marketplace.models import Entry, FollowUp, Match
    from meetings import emails as meeting_emails
    from meetings.models import Meeting
    from participants.models import Community, Membership
    from participants.services import invitation_create, suggestion_create

    demo = Community.objects.get(slug="hellendoorn-demo")
    facilitator = Membership.objects.get(community=demo, user__email="facilitator@demo.example")
    marieke = Membership.objects.get(community=demo, user__email="marieke@demo.example")
    invitation_create(community=demo, email="nieuw@example.org", message="Doe je mee? Groet & tot gauw", by=facilitator.user)
    suggestion_create(community=demo, by=marieke.user, name="Bakkerij 't Hoekje & Zn", reason="Bakt met jongeren")
    meeting = Meeting.objects.filter(community=demo, starts_at__gt=timezone.now()).order_by("starts_at").last()
    Meeting.objects.filter(pk=meeting.pk).update(title="Plenair: 't Dorp & de zorg")
    meeting.refresh_from_db()
    meeting_emails.host_request(meeting=meeting, host=meeting.host, by=facilitator)
    meeting_emails.meeting_changed(meeting=meeting, old_start=meeting.starts_at - timedelta(days=1), by=facilitator)
    meeting_emails.meeting_cancelled(meeting=meeting, by=facilitator)
    entry = Entry.objects.first()
    Entry.objects.filter(pk=entry.pk).update(organisation="Bakkerij 't Hoekje & Zn")
    entry.refresh_from_db()
    marketplace_emails.entry_confirmation_send(entry)
    marketplace_emails.match_confirmation_send(Match.objects.first())
    if FollowUp.objects.exists():
        marketplace_emails.follow_up_send(FollowUp.objects.first())
    for job in registry.JOBS:
        if job.name != "outbox":
            quiet("run_job", job.name)
    client.post(reverse("account_reset_password"), {"email": "marieke@demo.example"})


def raw_headers(data: bytes) -> dict[str, str]:
    """The header block as it went over the wire: unfolded, not decoded."""
    head = data.split(b"\r\n\r\n", 1)[0].decode("ascii")
    unfolded = re.sub(r"\r\n[ \t]+", " ", head)
    return {line.split(":", 1)[0].lower(): line.split(":", 1)[1].strip() for line in unfolded.split("\r\n")}


def test_every_email_kind_reads_right_on_the_wire(client, settings, smtp):
    settings.SITE_URL = SITE
    every_kind(client)
    kinds = dict(OutboxMessage.objects.values_list("key", "kind"))
    assert outbox.flush() == (len(kinds), 0)
    assert len(smtp.received) == len(kinds) > 40
    seen = set()
    for _rcpt, data in smtp.received:
        raw = raw_headers(data)
        message = email.message_from_bytes(data, policy=email.policy.default)
        key = re.match(r"<outbox-\d+-(.+)@lg\.example\.nl>$", raw["message-id"]).group(1)
        kind = next(k for stored_key, k in kinds.items() if stored_key.replace(":", ".") == key)
        seen.add(kind)
        where = f"{kind}: {message['Subject']}"
        assert not ENTITY.search(str(message["Subject"])), where
        assert "list-id" in raw and raw["list-id"].endswith(".lg.example.nl>"), where
        assert ("auto-submitted" in raw) == (kind not in PERSONAL), where
        if kind not in PERSONAL:
            assert raw["auto-submitted"] == "auto-generated"
        if "list-unsubscribe" in raw:
            assert re.fullmatch(r"<https://lg\.example\.nl/email/unsubscribe/\w+/[^>\s]+/>", raw["list-unsubscribe"]), where
            assert raw["list-unsubscribe-post"] == "List-Unsubscribe=One-Click", where
        assert message.get_content_type() == "multipart/alternative", where
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert not ENTITY.search(text), where
        assert re.search(r'<html lang="(nl|en)">', html) and "max-width: 600px" in html, where
        assert 'name="viewport"' in html, where
    assert {"invitation", "meeting_host_request", "meeting_changed", "meeting_cancelled", "meeting_reminder",
            "nudge", "digest", "unanswered", "marketplace_match", "marketplace_entry_confirm", "account"} <= seen
    mails_with_unsubscribe = [d for _r, d in smtp.received if b"List-Unsubscribe:" in d]
    assert len(mails_with_unsubscribe) > 20


def test_a_subject_with_an_apostrophe_and_an_ampersand_arrives_as_written(client, settings, smtp):
    every_kind(client)
    outbox.flush()
    subjects = [str(email.message_from_bytes(d, policy=email.policy.default)["Subject"]) for _r, d in smtp.received]
    assert any("'t Dorp & de zorg" in s for s in subjects)
    assert any("Bakkerij 't Hoekje & Zn" in s for s in subjects) or any(
        "Bakkerij 't Hoekje & Zn" in email.message_from_bytes(d, policy=email.policy.default).get_body(
            ("plain",)).get_content() for _r, d in smtp.received)


def test_the_one_click_unsubscribe_post_works_without_a_login_or_csrf_token(settings, smtp):
    from django.test import Client

    from participants.models import EmailPreference
    from participants.preferences import unsubscribe_headers
    from participants.tests.factories import MembershipFactory

    member = MembershipFactory()
    url = unsubscribe_headers(member.user, "nudges")["List-Unsubscribe"].strip("<>")
    path = url.removeprefix(settings.SITE_URL)
    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert EmailPreference.objects.get(user=member.user).nudges is False


def test_the_list_id_names_the_community_on_the_sites_own_domain(settings):
    from types import SimpleNamespace

    settings.SITE_URL = "https://portaal.gemeente.example:8443"
    assert outbox.list_id(SimpleNamespace(name='LG "Noord" (demo)', slug="noord")) == \
        '"LG \\"Noord\\" (demo)" <noord.portaal.gemeente.example>'
    assert outbox.list_id(SimpleNamespace(name="LG Zuidoost-Twente één", slug="zot")).startswith("=?utf-8?")
    assert outbox.list_id() == "<portal.portaal.gemeente.example>"
    assert outbox.site_domain() == "portaal.gemeente.example"


def test_a_long_accented_community_name_with_a_line_break_still_gets_its_email_sent(settings, smtp):
    from participants.tests.factories import CommunityFactory

    community = CommunityFactory(name="Lerende Gemeenschap Hellendoorn-Nijverdal en omstreken (Zoë)\r\nBcc: x@evil.example")
    outbox.enqueue_rendered(key="test:list-id", kind="test", to="a@example.org", subject="S", text="T",
                            community=community)
    assert outbox.flush() == (1, 0)
    raw = raw_headers(smtp.received[0][1])
    assert "bcc" not in raw and raw["list-id"].endswith(f"<{community.slug}.127.0.0.1>")


def test_the_facilitators_status_emails_read_right_on_the_wire(settings, smtp, community, facilitator):
    """Someone pauses, then comes back: the facilitators read both, as sent, with links on SITE_URL."""
    from engagement.models import Nudge, NudgeAnswer
    from engagement.services import nudge_answer
    from participants.tests.factories import MembershipFactory

    settings.SITE_URL = SITE
    person = MembershipFactory(community=community, user__name="Thijs Dekker & Zn <test>")
    nudge = Nudge.objects.create(membership=person, period=1, signed_by=facilitator)
    until = timezone.localdate() + timedelta(days=40)
    nudge_answer(nudge=nudge, answer=NudgeAnswer.PAUSE, pause_until=until)
    nudge_answer(nudge=nudge, answer=NudgeAnswer.STILL_IN)
    assert outbox.flush() == (2, 0)
    assert [rcpt for rcpt, _d in smtp.received] == [[facilitator.user.email]] * 2
    paused, back = (email.message_from_bytes(d, policy=email.policy.default) for _r, d in smtp.received)
    assert str(paused["Subject"]) == "Thijs Dekker & Zn <test> pauzeert in LG Test"
    assert str(back["Subject"]) == "Thijs Dekker & Zn <test> doet weer mee in LG Test"
    text = back.get_body(("plain",)).get_content()
    assert "doet weer mee" in text and not ENTITY.search(text)
    assert "Thijs Dekker &amp; Zn &lt;test&gt;" in back.get_body(("html",)).get_content()
    assert until.strftime("%Y") in paused.get_body(("plain",)).get_content()
    for message in (paused, back):
        links = re.findall(r"https?://[^\s\"'<>]+", message.get_body(("plain",)).get_content())
        assert links and all(link.startswith(SITE + "/") for link in links)
