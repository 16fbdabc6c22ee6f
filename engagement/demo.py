"""The demo's catching up: the facilitator already called whoever drifts besides Thijs and Peter (the
meetings demo makes those two miss the last two plenaries), and one earlier nudge was answered. So
`manage.py send_nudges` after `seed_demo` nudges Thijs and Peter, once each."""

from datetime import timedelta

from . import drift
from .models import Contact, ContactChannel, Nudge, NudgeAnswer

LEFT_FOR_THE_DEMO = ("thijs", "peter")


def seed(ctx):
    community, now = ctx.community, ctx.now
    if Nudge.objects.filter(membership__community=community).exists() or Contact.objects.filter(
            membership__community=community).exists():
        return
    facilitator = ctx.members.get("facilitator")
    logins = {m.pk: login for login, m in ctx.members.items()}
    drifting = drift.drifting(community=community, now=now)
    called = [row for row in drifting if logins.get(row.membership_id) not in LEFT_FOR_THE_DEMO]
    # The first one asked to be called again in a week: the catch-up list shows the follow-up.
    Contact.objects.bulk_create([
        Contact(membership_id=row.membership_id, by=facilitator, happened_at=now - timedelta(days=3),
                channel=ContactChannel.PHONE, follow_up_on=(now + timedelta(days=7)).date() if i == 0 else None,
                note="Gebeld en bijgepraat: kon er de laatste keren niet bij, komt de volgende keer weer.")
        for i, row in enumerate(called)
    ])
    yvonne = ctx.members.get("yvonne")
    if yvonne is not None:
        Nudge.objects.create(
            membership=yvonne, period=1, signed_by=facilitator, sent_at=now - timedelta(days=40),
            signals=[drift.Signal(code=drift.UNANSWERED, since=now - timedelta(days=100), count=3).as_json()],
            answer=NudgeAnswer.STILL_IN, answered_at=now - timedelta(days=39),
        )
