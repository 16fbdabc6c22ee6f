"""Writes for catching up: the community's drift thresholds, a facilitator's logged contact, and a
person's answer to a nudge. A member's status (active, paused, stepped out) belongs to the
participants app and changes only through its service."""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lg_portal.common.cache import community_changed
from participants.models import Community, Membership, MemberStatus
from participants.services import membership_status_set

from . import rules
from .models import Contact, DriftSettings, Nudge, NudgeAnswer
from .selectors import drift_settings_for, nudge_answer_changeable

PAUSE_MAX_DAYS = 366


def drift_settings_update(*, community: Community, **fields) -> DriftSettings:
    """Validate, then write with update_or_create: two first saves at once make one row."""
    candidate = drift_settings_for(community=community)
    for name, value in fields.items():
        setattr(candidate, name, value)
    candidate.full_clean(validate_unique=False)
    found, _created = DriftSettings.objects.update_or_create(community=community, defaults=fields)
    community_changed(community.pk)
    return found


CONTACT_FOLLOW_UP_MAX_DAYS = 366


def contact_log(*, membership: Membership, by: Membership, note: str = "", channel: str = "",
                happened_on: date | None = None, follow_up_on: date | None = None, now=None) -> Contact:
    """A facilitator caught up with someone personally: their drift signals count again from then. With
    a follow-up date the person is back on the catch-up list on that day (unless a later contact is
    logged first)."""
    if not rules.can_log_contact(by, membership):
        raise ValidationError(_("Alleen een procesbegeleider van deze gemeenschap kan dit vastleggen."))
    now = now or timezone.now()
    today = timezone.localdate(now)
    if happened_on is not None and happened_on > today:
        raise ValidationError({"happened_on": _("Een contact dat nog moet komen, leg je vast als het geweest is.")})
    if follow_up_on is not None:
        if follow_up_on <= today:
            raise ValidationError({"follow_up_on": _("Kies een dag na vandaag om op te volgen.")})
        if follow_up_on > today + timedelta(days=CONTACT_FOLLOW_UP_MAX_DAYS):
            raise ValidationError({"follow_up_on": _("Opvolgen kan tot hooguit een jaar vooruit.")})
    happened_at = now
    if happened_on is not None and happened_on != today:
        happened_at = timezone.make_aware(datetime.combine(happened_on, time(12)))
    contact = Contact(membership=membership, by=by, note=note.strip(), channel=channel, happened_at=happened_at,
                      follow_up_on=follow_up_on)
    contact.full_clean()
    contact.save()
    community_changed(membership.community_id)
    return contact


def nudge_answer(*, nudge: Nudge, answer: str, pause_until: date | None = None, now=None) -> Nudge:
    """Record the person's answer and act on it: still in (a pause ends), paused until a date, or
    stepped out consciously. The answer can be changed from the same links until the next nudge is sent
    (engagement.selectors.nudge_answer_changeable): the last answer counts, with its effects. The same
    answer twice changes nothing. Raises ValidationError with a message for the person."""
    now = now or timezone.now()
    if answer not in NudgeAnswer.values:
        raise ValidationError(_("Onbekend antwoord."))
    today = timezone.localdate(now)
    if answer == NudgeAnswer.PAUSE:
        if pause_until is None:
            raise ValidationError({"pause_until": _("Kies tot wanneer je wilt pauzeren.")})
        if pause_until <= today:
            raise ValidationError({"pause_until": _("Kies een datum na vandaag.")})
        if pause_until > today + timedelta(days=PAUSE_MAX_DAYS):
            raise ValidationError({"pause_until": _("Pauzeren kan tot hooguit een jaar vooruit.")})
    status = {NudgeAnswer.PAUSE: MemberStatus.PAUSED, NudgeAnswer.STEP_OUT: MemberStatus.STEPPED_OUT}.get(
        answer, MemberStatus.ACTIVE)
    new_pause = pause_until if answer == NudgeAnswer.PAUSE else None
    with transaction.atomic():
        locked = Nudge.objects.select_for_update().get(pk=nudge.pk)
        if locked.answered_at is not None:
            if locked.answer == answer and locked.pause_until == new_pause:
                return _refresh(nudge, locked, None)  # the same answer again (a second click)
            if not nudge_answer_changeable(locked):
                raise ValidationError(_("Je kreeg intussen een nieuwere herinnering; antwoord met de knoppen daarin."))
        membership = membership_status_set(
            membership_id=locked.membership_id, status=status, paused_until=new_pause, now=now,
            reopen=locked.answered_at is not None and locked.answer == NudgeAnswer.STEP_OUT)
        locked.answer, locked.answered_at, locked.pause_until = answer, now, new_pause
        locked.save(update_fields=["answer", "answered_at", "pause_until"])
    return _refresh(nudge, locked, membership)


def _refresh(nudge, locked, membership):
    nudge.answer, nudge.answered_at, nudge.pause_until = locked.answer, locked.answered_at, locked.pause_until
    if membership is not None:
        nudge.membership.status, nudge.membership.paused_until = membership.status, membership.paused_until
    return nudge
