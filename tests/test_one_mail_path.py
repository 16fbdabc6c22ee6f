"""One mail path: only the outbox hands email to the mail server. Every other module queues a row
(lg_portal.outbox.enqueue); django-allauth's account emails come through participants.adapters."""

import ast

from tests.test_import_order import LEVEL, ROOT

APPS = list(LEVEL)
MAIL = {"django.core.mail", "smtplib"}


def test_only_the_outbox_talks_to_the_mail_server():
    senders = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
                if any(n in MAIL or n.startswith("django.core.mail.") for n in names):
                    senders.add(str(path.relative_to(ROOT)))
    assert senders == {"lg_portal/outbox.py"}


def test_account_emails_are_queued_too(client, django_capture_on_commit_callbacks, mailoutbox, db):
    from lg_portal.models import OutboxMessage
    from participants.tests.factories import UserFactory

    UserFactory(email="vergeten@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "vergeten@example.org"})
    assert response.status_code == 302
    row = OutboxMessage.objects.get(kind="account")
    assert row.to == "vergeten@example.org" and row.user.email == "vergeten@example.org" and row.sent_at
    assert len(mailoutbox) == 1 and "/accounts/password/reset/key/" in mailoutbox[0].body
