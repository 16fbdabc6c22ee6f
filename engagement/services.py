"""Writes for catching up: the community's drift thresholds, a facilitator's logged contact, and a
person's answer to a nudge. A member's status (active, paused, stepped out) belongs to the
participants app and changes only through its service."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lg_portal.common.cache import community_changed
from participants.models import Community, Membership, MemberStatus
from participants.services import membership_status_set

from . import rules
from .models import Contact, DriftSettings, Nudge, NudgeAnswer
from .selectors import drift_settings_for

PAUSE_MAX_DAYS = 366


def drift_settings_update(*, community: Community, **fields) -> DriftSettings:
    found = drift_settings_for(community=community)
    for name, value in fields.items():
        setattr(found, name, value)
    found.full_clean()
    found.save()
    community_changed(community.pk)
    return found


def contact_log(*, membership: Membership, by: Membership, note: str = "", now=None) -> Contact:
    """A facilitator caught up with someone personally: their drift signals count again from now."""
    if not rules.can_log_contact(by, membership):
        raise ValidationError(_("Alleen een procesbegeleider van deze gemeenschap kan dit vastleggen."))
    contact = Contact(membership=membership, by=by, note=note.strip(), happened_at=now or timezone.now())
    contact.full_clean()
    contact.save()
    community_changed(membership.community_id)
    return contact


def nudge_answer(*, nudge: Nudge, answer: str, pause_until: date | None = None, now=None) -> Nudge:
    """Record the person's answer (once) and act on it: still in (a pause ends), paused until a date,
    or stepped out consciously. Raises ValidationError with a message for the person."""
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
    with transaction.atomic():
        locked = Nudge.objects.select_for_update().get(pk=nudge.pk)
        if locked.answered_at is not None:
            raise ValidationError(_("Je hebt deze herinnering al beantwoord."))
        membership = membership_status_set(membership_id=nudge.membership_id, status=status,
                                           paused_until=pause_until if answer == NudgeAnswer.PAUSE else None)
        locked.answer, locked.answered_at = answer, now
        locked.pause_until = pause_until if answer == NudgeAnswer.PAUSE else None
        locked.save(update_fields=["answer", "answered_at", "pause_until"])
    nudge.answer, nudge.answered_at, nudge.pause_until = locked.answer, locked.answered_at, locked.pause_until
    nudge.membership.status, nudge.membership.paused_until = membership.status, membership.paused_until
    return nudge
