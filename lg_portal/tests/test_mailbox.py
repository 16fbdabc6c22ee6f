"""The demo's mailbox: every email the portal sent, readable in the browser, only with DEBUG on."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lg_portal import outbox
from lg_portal.models import OutboxMessage
from lg_portal.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def queue(n=1, **extra):
    user = UserFactory(name="Marieke Smit")
    for i in range(n):
        outbox.enqueue_rendered(key=f"test:mailbox:{user.pk}:{i}", kind="test", to=user.email, user=user,
                                subject=f"Uitnodiging {i}: 't Hoekje",
                                text="Hallo,\nKlik hier: http://127.0.0.1:8000/uitnodiging/abc/\n",
                                html='<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body>'
                                     '<p style="color: red">Hallo</p><a href="http://127.0.0.1:8000/x/">x</a></body></html>',
                                headers={"List-Unsubscribe": "<http://127.0.0.1:8000/email/unsubscribe/x/>"}, **extra)
    return OutboxMessage.objects.filter(user=user).order_by("pk")


def urls(message):
    return [reverse(name, args=args) for name, args in (
        ("mailbox", []), ("mailbox_message", [message.pk]), ("mailbox_html", [message.pk]),
        ("mailbox_source", [message.pk]))]


def test_every_mailbox_page_is_absent_when_debug_is_off(client, settings):
    settings.DEBUG = False
    message = queue()[0]
    for url in urls(message):
        assert client.get(url).status_code == 404, url
    assert "Postvak" not in client.get(reverse("privacy")).content.decode()


def test_the_footer_links_to_the_mailbox_when_debug_is_on(client, settings):
    settings.DEBUG = True
    assert reverse("mailbox") in client.get(reverse("privacy")).content.decode()


def test_the_mailbox_lists_the_emails_the_demos_scheduler_sent(client, settings, mailoutbox):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for job in ("reminders", "nudges", "outbox"):
        call_command("run_job", job, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert OutboxMessage.objects.filter(kind="meeting_reminder", sent_at__isnull=False).exists()
    page = client.get(reverse("mailbox")).content.decode()
    assert "Tot binnenkort: Werkgroep " in page and "Hoe gaat het met je?" in page
    assert "thijs@demo.example" in page and "peter@demo.example" in page
    nudges = client.get(reverse("mailbox"), {"kind": "nudge"}).content.decode()
    assert nudges.count('class="mailbox-item"') == 2
    thijs = client.get(reverse("mailbox"), {"to": "thijs"}).content.decode()
    assert "thijs@demo.example" in thijs and "peter@demo.example" not in thijs


def test_a_message_shows_its_headers_text_with_clickable_links_and_its_html(client, settings):
    settings.DEBUG = True
    message = queue()[0]
    page = client.get(reverse("mailbox_message", args=[message.pk])).content.decode()
    assert "Uitnodiging 0: &#x27;t Hoekje" in page
    assert '<a href="http://127.0.0.1:8000/uitnodiging/abc/"' in page  # the text part's link, clickable
    assert "List-Unsubscribe" in page and "&lt;http://127.0.0.1:8000/email/unsubscribe/x/&gt;" in page
    assert f'src="{reverse("mailbox_html", args=[message.pk])}"' in page and "sandbox=" in page

    html = client.get(reverse("mailbox_html", args=[message.pk]))
    body = html.content.decode()
    assert body.startswith('<!doctype html><html lang="nl"><head><base target="_top">')
    assert html["X-Frame-Options"] == "SAMEORIGIN"
    policy = html["Content-Security-Policy"]
    assert "style-src 'unsafe-inline'" in policy and "frame-ancestors 'self'" in policy and "script" not in policy

    source = client.get(reverse("mailbox_source", args=[message.pk])).content.decode()
    assert re.search(r"^Message-ID: <outbox-\d+-test\.mailbox\.\d+\.0@", source, re.M)
    assert "Content-Type: multipart/alternative" in source


def test_the_mailbox_costs_the_same_queries_for_5_or_60_emails_and_changes_nothing(client, settings):
    settings.DEBUG = True
    queue(5)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("mailbox")).status_code == 200
    queue(55)
    before = list(OutboxMessage.objects.values_list("pk", "sent_at", "claim", "attempts"))
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("mailbox"))
    assert page.status_code == 200 and page.content.decode().count('class="mailbox-item"') == 50
    assert len(many) == len(few)
    assert client.get(reverse("mailbox"), {"page": 2}).content.decode().count('class="mailbox-item"') == 10
    assert list(OutboxMessage.objects.values_list("pk", "sent_at", "claim", "attempts")) == before


def test_the_mailbox_only_reads(client, settings):
    settings.DEBUG = True
    message = queue()[0]
    for url in urls(message):
        assert client.post(url).status_code == 405, url


def test_an_unknown_message_answers_404(client, settings):
    settings.DEBUG = True
    assert client.get(reverse("mailbox_message", args=[999999])).status_code == 404
    message = queue()[0]
    OutboxMessage.objects.filter(pk=message.pk).update(html="")
    assert client.get(reverse("mailbox_html", args=[message.pk])).status_code == 404


def test_with_debug_on_the_mailbox_is_only_for_this_machine_or_staff(client, settings):
    settings.DEBUG = True
    message = queue()[0]
    for url in urls(message):
        assert client.get(url, REMOTE_ADDR="192.0.2.10").status_code == 404, url
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("mailbox"), REMOTE_ADDR="192.0.2.10").status_code == 200
