"""Writes for the marketplace. Keyword-only, validated, transactional.

Confirmations go to people without an account: each is an outbox row written in the same transaction as
what it confirms (marketplace.emails), so a mail server that is down never turns a saved entry or match
into an error page (an entry's link is sent again when the same entry is submitted again)."""

import hashlib
import zoneinfo
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workgroups.models import ActivityKind
from workgroups.services import activity_record_for_workgroup, activity_update_for_workgroup

from . import emails, links
from .models import (
    Entry,
    FollowUp,
    FollowUpAnswer,
    Marketplace,
    Match,
    MatchStatus,
    OrgKind,
    Side,
    answers_contradict,
)

# --- marketplaces ------------------------------------------------------------------------------------


def _check_marketplace(marketplace: Marketplace) -> None:
    marketplace.full_clean()
    errors = {}
    if not marketplace.allowed_kinds or any(k not in OrgKind.values for k in marketplace.allowed_kinds):
        errors["allowed_kinds"] = _("Kies minstens één soort organisatie die mag meedoen.")
    if marketplace.workgroup.community_id != marketplace.community_id:
        errors["workgroup"] = _("Deze werkgroep hoort niet bij deze gemeenschap.")
    if timezone.localdate(marketplace.entry_deadline) > marketplace.held_on:
        errors["entry_deadline"] = _("Inschrijven moet uiterlijk op de dag van de beursvloer sluiten.")
    if marketplace.starts_at and marketplace.ends_at and marketplace.ends_at <= marketplace.starts_at:
        errors["ends_at"] = _("De eindtijd moet na de begintijd liggen.")
    if errors:
        raise ValidationError(errors)


def marketplace_activity_sync(*, marketplace: Marketplace, now=None) -> None:
    """The marketplace as an event is one activity of its organising workgroup, on its day: create it,
    or keep its date, name and workgroup in step. Call it inside the caller's transaction."""
    if marketplace.activity_id is None:
        marketplace.activity = activity_record_for_workgroup(
            workgroup=marketplace.workgroup, kind=ActivityKind.MEETING, title=marketplace.title,
            happened_on=marketplace.held_on, created_by=marketplace.created_by, now=now)
        Marketplace.objects.filter(pk=marketplace.pk).update(activity=marketplace.activity)
        return
    activity = marketplace.activity
    if (activity.workgroup_id, activity.title, activity.happened_on) != (
            marketplace.workgroup_id, marketplace.title[:200], marketplace.held_on):
        activity_update_for_workgroup(activity=activity, workgroup=marketplace.workgroup,
                                      title=marketplace.title, happened_on=marketplace.held_on)


def marketplace_create(*, community, workgroup, by, now=None, **fields) -> Marketplace:
    marketplace = Marketplace(community=community, workgroup=workgroup, created_by=by, **fields)
    _check_marketplace(marketplace)
    with transaction.atomic():
        marketplace.save()
        marketplace_activity_sync(marketplace=marketplace, now=now)
    return marketplace


def marketplace_update(*, marketplace: Marketplace, **fields) -> Marketplace:
    for name, value in fields.items():
        setattr(marketplace, name, value)
    _check_marketplace(marketplace)
    with transaction.atomic():
        marketplace.save()
        marketplace_activity_sync(marketplace=marketplace)
    return marketplace


# --- entries -----------------------------------------------------------------------------------------


def entry_fingerprint(*, email: str, side: str, description: str) -> str:
    normalised = " ".join(description.lower().split())
    return hashlib.sha256(f"{email.strip().lower()}\n{side}\n{normalised}".encode()).hexdigest()


class DuplicateEntry(ValidationError):
    """The same email entered the same need or offer before; `resent` says whether the confirmation link
    went out again (only for an entry not yet confirmed)."""

    def __init__(self, message, *, resent: bool):
        super().__init__(message)
        self.resent = resent


def entry_submit(*, marketplace: Marketplace, side: str, organisation: str, contact_name: str, email: str,
                 org_kind: str, category: str, description: str, phone: str = "", in_return: str = "",
                 language: str = "nl", now=None) -> Entry:
    """Record a need or an offer and send the confirmation link. It counts once confirmed.
    Raises ValidationError (deadline, kind not invited, bad field) or DuplicateEntry."""
    now = now or timezone.now()
    if marketplace.community.is_read_only:
        raise ValidationError(_("De gemeenschap achter %(title)s is gestopt: de inschrijving is gesloten.") % {
            "title": marketplace.title})
    if not marketplace.is_open(now):
        raise ValidationError(_("De inschrijving voor %(title)s is gesloten sinds %(deadline)s.") % {
            "title": marketplace.title,
            "deadline": date_format(timezone.localtime(marketplace.entry_deadline), "DATETIME_FORMAT"),
        })
    email = email.strip().lower()
    entry = Entry(
        marketplace=marketplace, side=side, organisation=organisation.strip(), contact_name=contact_name.strip(),
        email=email, phone=phone.strip(), org_kind=org_kind, category=category, description=description.strip(),
        in_return=in_return.strip() if side == Side.OFFER else "", language=language, created_at=now,
        fingerprint=entry_fingerprint(email=email, side=side, description=description),
    )
    entry.full_clean(validate_constraints=False)
    if org_kind not in marketplace.allowed_kinds:
        raise ValidationError({"org_kind": _("Aan deze beursvloer doen alleen mee: %(kinds)s.") % {
            "kinds": ", ".join(str(OrgKind(k).label) for k in marketplace.allowed_kinds)}})
    existing = Entry.objects.filter(marketplace=marketplace, fingerprint=entry.fingerprint).first()
    if existing is not None:
        _refuse_duplicate(existing)
    try:
        with transaction.atomic():
            entry.save()
            emails.entry_confirmation_send(entry)
    except IntegrityError:
        # Two submissions at the same moment: the constraint lets one through.
        _refuse_duplicate(Entry.objects.get(marketplace=marketplace, fingerprint=entry.fingerprint))
    return entry


def _refuse_duplicate(existing: Entry):
    kind = _("deze vraag") if existing.side == Side.NEED else _("dit aanbod")
    if existing.is_confirmed:
        raise DuplicateEntry(
            _("U heeft %(kind)s al ingeschreven met dit e-mailadres, en bevestigd. U hoeft niets meer te doen.")
            % {"kind": kind}, resent=False)
    emails.entry_confirmation_send(existing)
    raise DuplicateEntry(
        _("U heeft %(kind)s al ingeschreven met dit e-mailadres, maar nog niet bevestigd. We hebben de "
          "bevestigingslink opnieuw naar %(email)s gestuurd.") % {"kind": kind, "email": existing.email},
        resent=True)


class LinkError(Exception):
    """A link that cannot be used; str(error) is the message for the person."""


def entry_confirm(*, token: str, now=None) -> Entry:
    """Confirm the entry the signed token names. Confirming twice is harmless. Raises LinkError."""
    now = now or timezone.now()
    try:
        pk, email = links.entry_from_token(token)
    except links.BadLink:
        raise LinkError(_("Deze bevestigingslink is niet geldig. Gebruik de link uit de e-mail precies zoals "
                          "hij is, of schrijf opnieuw in.")) from None
    with transaction.atomic():
        entry = (Entry.objects.select_for_update().select_related("marketplace", "marketplace__community")
                 .filter(pk=pk, email=email).first())
        if entry is None:
            raise LinkError(_("Deze inschrijving bestaat niet (meer)."))
        if entry.confirmed_at is None:
            if entry.marketplace.community.is_read_only:
                raise LinkError(_("De gemeenschap achter deze beursvloer is gestopt: de inschrijving is gesloten."))
            local_today = timezone.localdate(now, zoneinfo.ZoneInfo(entry.marketplace.community.time_zone))
            if local_today > entry.marketplace.held_on:
                raise LinkError(_("De beursvloer is al geweest; bevestigen kan niet meer."))
            entry.confirmed_at = now
            entry.save(update_fields=["confirmed_at"])
    return entry


# --- matches -----------------------------------------------------------------------------------------


def match_record(*, marketplace: Marketplace, need: Entry, offer: Entry, what: str, value_eur, due_on, by,
                 now=None) -> Match:
    """Record a match between a need and an offer of this marketplace and queue one email to each
    organisation. A match is a result of the marketplace (return, once delivered), not an activity of its
    own: the marketplace itself is the workgroup's activity. `due_on` may be None: then the follow-up goes
    out `follow_up_weeks` after the marketplace."""
    now = now or timezone.now()
    if need.side == Side.OFFER and offer.side == Side.NEED:
        need, offer = offer, need
    errors = {}
    if need.side == offer.side == Side.NEED:
        errors["offer"] = _("Een match verbindt een vraag met een aanbod; u koos twee vragen.")
    elif need.side == offer.side == Side.OFFER:
        errors["need"] = _("Een match verbindt een vraag met een aanbod; u koos twee aanbiedingen.")
    for name, entry in (("need", need), ("offer", offer)):
        if entry.marketplace_id != marketplace.pk:
            errors[name] = _("Deze inschrijving hoort niet bij deze beursvloer.")
        elif not entry.is_confirmed:
            errors[name] = _("Deze inschrijving is nog niet bevestigd en telt nog niet mee.")
    if value_eur is not None and Decimal(value_eur) < 0:
        errors["value_eur"] = _("De waarde kan niet negatief zijn; vul 0 in als het niets kost.")
    if due_on is not None and due_on < marketplace.held_on:
        errors["due_on"] = _("Deze datum ligt vóór de beursvloer.")
    if errors:
        raise ValidationError(errors)
    match = Match(marketplace=marketplace, need=need, offer=offer, what=what.strip(), value_eur=value_eur,
                  due_on=due_on, created_by=by, created_at=now)
    match.full_clean(validate_constraints=False)
    if Match.objects.filter(need=need, offer=offer).exists():
        raise ValidationError(_("Deze match is al vastgelegd."))
    try:
        with transaction.atomic():
            match.save()
            emails.match_confirmation_send(match)
    except IntegrityError:
        raise ValidationError(_("Deze match is al vastgelegd.")) from None
    return match


def _local_today(match: Match, now) -> date:
    return timezone.localdate(now, zoneinfo.ZoneInfo(match.marketplace.community.time_zone))


def _delivered_on_for(*, old_status: str, old_delivered_on, status: str, day):
    """Delivered keeps the day it first became so; any other status has no delivery date."""
    if status != MatchStatus.DELIVERED:
        return None
    return old_delivered_on if old_status == MatchStatus.DELIVERED and old_delivered_on else day


def match_set_status(*, match: Match, status: str, now=None) -> Match:
    """An organiser heard how it went (by phone, on the street) and notes it; this also decides a match
    whose parties answered the follow-up differently. Delivered counts as return from today."""
    if status not in MatchStatus.values:
        raise ValidationError(_("Onbekende stand."))
    now = now or timezone.now()
    with transaction.atomic():
        locked = Match.objects.select_for_update().select_related("marketplace__community").get(pk=match.pk)
        delivered_on = _delivered_on_for(old_status=locked.status, old_delivered_on=locked.delivered_on,
                                         status=status, day=_local_today(locked, now))
        Match.objects.filter(pk=match.pk).update(status=status, delivered_on=delivered_on)
    match.status, match.delivered_on = status, delivered_on
    return match


# --- follow-up ---------------------------------------------------------------------------------------


def status_from_answers(answers) -> str:
    """Delivered once a party says so and nobody says it is dropped; dropped when a party says so and
    nobody says delivered. Contradicting answers count as neither (pending) until the organiser decides."""
    answers = set(answers)
    if answers_contradict(answers):
        return MatchStatus.PENDING
    if FollowUpAnswer.DELIVERED in answers:
        return MatchStatus.DELIVERED
    if FollowUpAnswer.DROPPED in answers:
        return MatchStatus.DROPPED
    return MatchStatus.PENDING


def follow_up_get(*, token: str) -> FollowUp:
    try:
        pk = links.follow_up_from_token(token)
    except links.BadLink:
        raise LinkError(_("Deze link is niet geldig (meer). Gebruik de link uit de e-mail precies zoals hij "
                          "is.")) from None
    follow_up = (FollowUp.objects.select_related("match", "match__need", "match__offer", "match__marketplace")
                 .filter(pk=pk).first())
    if follow_up is None:
        raise LinkError(_("Deze match bestaat niet (meer)."))
    return follow_up


def follow_up_answer(*, token: str, answer: str, now=None) -> FollowUp:
    """Record one party's answer (it may change it later) and update the match's status; a match that
    becomes delivered counts as return from the day of the answer."""
    if answer not in FollowUpAnswer.values:
        raise LinkError(_("Kies een van de antwoorden."))
    follow_up = follow_up_get(token=token)
    now = now or timezone.now()
    with transaction.atomic():
        match = Match.objects.select_for_update().select_related("marketplace__community").get(pk=follow_up.match_id)
        FollowUp.objects.filter(pk=follow_up.pk).update(answer=answer, answered_at=now)
        answers = FollowUp.objects.filter(match=match).exclude(answer="").values_list("answer", flat=True)
        status = status_from_answers(answers)
        delivered_on = _delivered_on_for(old_status=match.status, old_delivered_on=match.delivered_on,
                                         status=status, day=_local_today(match, now))
        if (status, delivered_on) != (match.status, match.delivered_on):
            Match.objects.filter(pk=match.pk).update(status=status, delivered_on=delivered_on)
    follow_up.answer, follow_up.answered_at = answer, now
    follow_up.match.status, follow_up.match.delivered_on = status, delivered_on
    return follow_up
