"""Reads for catching up: the community's drift settings, the facilitator's catch-up list, and who is
drifting away. Every page and check that names people who drift reads `drifting_people`, which is the
drift scan (engagement.drift) with the community's own thresholds and each person's reset point."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from participants.models import Community, Membership, MemberStatus
from participants.selectors import is_paused, paused_members
from workgroups.selectors import posts_waiting_for_answer

from . import drift
from .models import Contact, DriftSettings, Nudge, NudgeAnswer, UnansweredAlert

NUDGE_LINK_DAYS = 60


def drift_settings_for(*, community: Community) -> DriftSettings:
    """The community's thresholds, or unsaved defaults (the row is created when a facilitator saves)."""
    return DriftSettings.objects.filter(community=community).first() or DriftSettings(community=community)


@dataclass
class DriftingPerson:
    membership: Membership
    signals: list
    since: object  # the oldest signal
    paused: bool
    reset_at: object  # signals count from here (joined, last contact, last answer, end of a pause)
    max_nudges: int  # the community's "stop after so many unanswered nudges"


def drifting_people(*, community: Community, now=None) -> list[DriftingPerson]:
    """Who in this community may be drifting away, with their signals: the one answer to that question
    (the home panel, the compass check and the catch-up list all read it). Someone paused without an end
    date can be on it, marked as paused; a pause with an end date moves their reset point past it, so
    they are not. Oldest signal first. Two queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    rows = drift.drifting(community=community, now=now)
    members = Membership.objects.select_related("user").in_bulk([r.membership_id for r in rows])
    people = []
    for row in rows:
        membership = members.get(row.membership_id)
        if membership is None:
            continue
        people.append(DriftingPerson(membership=membership, signals=row.signals, since=row.since,
                                     paused=is_paused(membership, today), reset_at=row.reset_at,
                                     max_nudges=row.max_nudges))
    people.sort(key=lambda p: (p.paused, p.since))
    return people


def drifting_count(*, community: Community, now=None) -> int:
    """len(drifting_people(...)) in one query: the scan's rows, without fetching the people."""
    return len(drift.drifting(community=community, now=now or timezone.now()))


def _nudge_salt(answer: str) -> str:
    # The salt predates the engagement app; links in nudges already sent must keep working.
    return f"participants.nudge.{answer}"


def nudge_token(nudge: Nudge, answer: str) -> str:
    """A link that can do one thing (this answer) for one nudge of one person."""
    return signing.dumps({"n": nudge.pk, "u": nudge.membership.user_id}, salt=_nudge_salt(answer))


def nudge_from_token(token: str, answer: str) -> Nudge | None:
    """The nudge this link answers, or None when the link is tampered, made for another answer, too
    old, or its person deleted their account."""
    if answer not in NudgeAnswer.values:
        return None
    try:
        data = signing.loads(token, salt=_nudge_salt(answer), max_age=timedelta(days=NUDGE_LINK_DAYS))
    except signing.BadSignature:
        return None
    return (Nudge.objects.select_related("membership__user", "membership__community", "signed_by__user")
            .filter(pk=data.get("n"), membership__user_id=data.get("u"), membership__user__is_active=True).first())


def nudge_waiting_for(*, membership: Membership, now=None) -> Nudge | None:
    """This member's latest nudge while it waits for an answer and its links still work: the community
    home asks it first. One query."""
    now = now or timezone.now()
    latest = (Nudge.objects.filter(membership=membership).select_related("membership")
              .order_by("-period").first())
    if latest is None or latest.answered_at is not None or latest.sent_at < now - timedelta(days=NUDGE_LINK_DAYS):
        return None
    return latest


def nudge_answer_changeable(nudge: Nudge) -> bool:
    """An answer can be given, or changed from the same links, until this person's next nudge is sent.
    One query."""
    return not Nudge.objects.filter(membership_id=nudge.membership_id, period__gt=nudge.period).exists()


def _latest_contact_pk():
    return Subquery(Contact.objects.filter(membership=OuterRef("membership")).order_by("-happened_at", "-pk")
                    .values("pk")[:1])


def follow_ups_waiting(*, community: Community, today) -> list[Contact]:
    """The contacts (each person's latest) that asked to follow up on a day still to come: those people
    are back on the catch-up list that day. Soonest first. One query."""
    return list(Contact.objects.filter(membership__community=community, follow_up_on__gt=today,
                                       pk=_latest_contact_pk())
                .exclude(membership__status=MemberStatus.STEPPED_OUT)
                .select_related("membership__user", "by__user").order_by("follow_up_on", "pk"))


def person(*, community: Community, membership: Membership, now=None) -> dict:
    """Everything the facilitator's page about one person shows: their drift signals now (the same scan
    as the catch-up list), every contact logged (newest first) and every nudge with its answer. Three
    queries, however long the history."""
    now = now or timezone.now()
    row = next((r for r in drift.drifting(community=community, now=now) if r.membership_id == membership.pk), None)
    contacts = list(Contact.objects.filter(membership=membership).select_related("by__user")
                    .order_by("-happened_at", "-pk"))
    nudges = list(Nudge.objects.filter(membership=membership).select_related("signed_by__user")
                  .order_by("-sent_at", "-pk"))
    today = timezone.localdate(now)
    latest = contacts[0] if contacts else None
    return {"person": membership, "signals": row.signals if row else [], "contacts": contacts, "nudges": nudges,
            "paused": is_paused(membership, today),
            "follow_up_on": latest.follow_up_on if latest and latest.follow_up_on else None,
            "follow_up_due": bool(latest and latest.follow_up_on and latest.follow_up_on <= today)}


def catch_up(*, community: Community, now=None) -> dict:
    """Everything the facilitator's catch-up list shows, in a fixed number of queries. Its people
    are drifting_people: the ones the home panel counts and the compass names (a follow-up that came is
    one of their signals). Beside them: whose follow-up is still to come, and who was contacted lately
    (so a person who left the list is still one click away)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    settings = drift_settings_for(community=community)
    drifting = drifting_people(community=community, now=now)
    ids = {p.membership.pk for p in drifting}
    history = defaultdict(list)
    answered = []
    for n in (Nudge.objects.filter(membership__community=community)
              .filter(Q(membership_id__in=ids) | Q(answered_at__gte=now - timedelta(days=60)))
              .select_related("membership__user", "signed_by__user").order_by("-sent_at", "-pk")):
        if n.membership_id in ids:
            history[n.membership_id].append(n)
        if n.answered_at:
            answered.append(n)
    contacts = {}
    for c in Contact.objects.filter(membership_id__in=ids).select_related("by__user").order_by("happened_at", "pk"):
        contacts[c.membership_id] = c  # the latest wins
    people = []
    for person in drifting:
        nudges = history[person.membership.pk]
        unanswered = [n for n in nudges if n.answered_at is None and n.sent_at > person.reset_at]
        people.append({
            "membership": person.membership, "signals": person.signals, "since": person.since, "nudges": nudges,
            "last_nudge": nudges[0] if nudges else None, "contact": contacts.get(person.membership.pk),
            "paused": person.paused, "stopped": len(unanswered) >= person.max_nudges,
            "unanswered": len(unanswered),
        })
    waiting = list(posts_waiting_for_answer(community=community, now=now).annotate(
        alerted=Exists(UnansweredAlert.objects.filter(post=OuterRef("pk")))))
    paused = list(paused_members(community=community, today=today))
    follow_ups = follow_ups_waiting(community=community, today=today)
    recent_contacts = list(Contact.objects.filter(membership__community=community,
                                                  happened_at__gte=now - timedelta(days=60))
                           .select_related("membership__user", "by__user").order_by("-happened_at", "-pk")[:30])
    return {"people": people, "answered": answered[:30], "waiting": waiting, "paused": paused,
            "drift_settings": settings, "follow_ups": follow_ups, "recent_contacts": recent_contacts}
