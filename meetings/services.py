"""Writes for meetings. Keyword-only, validated, in one transaction; every email goes through the
outbox in the same transaction (a request never talks to the broker)."""

import zoneinfo

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lg_portal.common.once import sent_just_before
from participants.models import Membership, MemberStatus
from participants.selectors import is_paused

from . import emails
from .models import (
    AgendaItem,
    Answer,
    Attendance,
    HostDecline,
    HostState,
    Meeting,
    MeetingKind,
    MeetingSettings,
    Rsvp,
)
from .selectors import agenda_moments_of, host_proposal

EDITABLE_FIELDS = ("title", "description", "starts_at", "ends_at", "venue", "address", "at_host_home", "meal_note")


def meeting_settings_update(*, community, **fields) -> MeetingSettings:
    """Validate, then write with update_or_create: two first saves at the same moment make one row (the
    second updates it) instead of the second failing on the unique community."""
    candidate = MeetingSettings.objects.filter(community=community).first() or MeetingSettings(community=community)
    for name, value in fields.items():
        setattr(candidate, name, value)
    candidate.full_clean(validate_unique=False)
    obj, _created = MeetingSettings.objects.update_or_create(community=community, defaults=fields)
    community._meeting_settings_cache = obj
    return obj


def _check_times(*, starts_at, ends_at, now, moving=True):
    errors = {}
    if starts_at and ends_at and ends_at <= starts_at:
        errors["ends_at"] = _("De bijeenkomst moet eindigen na het begin.")
    if moving and starts_at and starts_at <= now:
        errors["starts_at"] = _("Het begin ligt in het verleden. Kies een moment dat nog moet komen.")
    if errors:
        raise ValidationError(errors)


def _check_host(*, community, host):
    if host is None:
        return
    if host.community_id != community.pk or host.status == MemberStatus.STEPPED_OUT:
        raise ValidationError({"host": _("De gastheer of gastvrouw moet lid zijn van deze gemeenschap.")})
    if is_paused(host, timezone.localdate()) or host.status == MemberStatus.PAUSED:
        raise ValidationError({"host": _("%(name)s pauzeert nu; vraag iemand anders.") % {"name": host.user.name}})


def _default_venue(host) -> str:
    return _("Bij %(name)s") % {"name": host.user.name}


def _host_default_venues(host) -> set[str]:
    """The venue texts that only say "at this host's": the portal's default in every language, with or
    without "thuis" or the organisation, and the host's organisation alone. Compared case-blind."""
    name, org = host.user.name, (host.organisation or "").strip()
    texts = {org} if org else set()
    for code, _label in django_settings.LANGUAGES:
        with translation.override(code):
            base = _("Bij %(name)s") % {"name": name}
        texts |= {base, f"{base} thuis"}
        if org:
            texts.add(f"{base} ({org})")
    texts |= {f"Bij {name}", f"Bij {name} thuis", f"bij {name} thuis"}
    return {" ".join(t.split()).casefold() for t in texts if t}


def _is_default_venue(venue: str, host) -> bool:
    return host is not None and " ".join(venue.split()).casefold() in _host_default_venues(host)


def _apply_home_address(meeting) -> None:
    """The host's home address is the meeting's address only when the place is "at the host's home"
    (at_host_home) and the host has said yes; a typed address always wins. Without that choice the
    address stays as typed, or empty: never the home address by default."""
    host = meeting.host
    if (meeting.at_host_home and host is not None and meeting.host_state == HostState.ACCEPTED
            and not meeting.address):
        meeting.address = host.user.address


def meeting_schedule(*, community, by: Membership, kind: str, title: str, starts_at, ends_at, host=None,
                     workgroup=None, venue: str = "", address: str = "", meal_note: str = "",
                     description: str = "", at_host_home: bool = False, now=None) -> Meeting:
    """Schedule a meeting. A host other than the scheduler is asked (email and portal); a work visit is
    hosted by whoever opens their place. The venue text defaults to "Bij <host>"; the address is the
    one given, or, only when `at_host_home` and once the host has said yes, the host's home address."""
    now = now or timezone.now()
    _check_times(starts_at=starts_at, ends_at=ends_at, now=now)
    _check_host(community=community, host=host)
    if workgroup is not None and workgroup.community_id != community.pk:
        raise ValidationError({"workgroup": _("Deze werkgroep hoort niet bij deze gemeenschap.")})
    if kind == MeetingKind.WORK_VISIT and host is None:
        host = by
    meeting = Meeting(
        community=community, kind=kind, workgroup=workgroup if kind == MeetingKind.WORKGROUP else None,
        title=title, description=description, starts_at=starts_at, ends_at=ends_at,
        venue=venue or (_default_venue(host) if host else ""),
        address=address, at_host_home=bool(at_host_home and host), meal_note=meal_note, host=host,
        host_state=(HostState.ACCEPTED if host and host.pk == by.pk else HostState.PROPOSED) if host else "",
        created_by=by, created_at=now, updated_at=now,
    )
    _apply_home_address(meeting)
    meeting.full_clean()
    with transaction.atomic():
        meeting.save()
        if host is not None and meeting.host_state == HostState.PROPOSED:
            emails.host_request(meeting=meeting, host=host, by=by)
    return meeting


def _touch(meeting, now):
    meeting.sequence = F("sequence") + 1
    meeting.updated_at = now


class ChangedMeanwhile(ValidationError):
    """The meeting changed after the form was loaded: the second writer is told, nothing is overwritten."""


def _lock(meeting: Meeting) -> None:
    """Inside a transaction: wait for anyone else changing this meeting, then read it as they left it.
    Every change to a meeting (edit, cancel, host asked or answering, attendance) goes through here, so
    they are served one after the other and each saves only its own fields: a cancel is never undone by
    an edit that started before it, and a host's answer is not lost against an edit."""
    meeting.refresh_from_db(from_queryset=Meeting.objects.select_for_update())  # one query: lock and read


_SAVED_ON_EDIT = [*EDITABLE_FIELDS, "sequence", "updated_at"]


def meeting_update(*, meeting: Meeting, by: Membership, now=None, version: int | None = None,
                   **fields) -> Meeting:
    """Change a meeting. Moving it (another start or end) tells everyone who said yes or maybe. Ticking
    at_host_home fills an empty address with the (accepted) host's home address; unticking it takes
    that home address away again. `version` is the meeting's sequence when the form was loaded: if
    someone changed the meeting since, ChangedMeanwhile is raised and nothing is saved."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock(meeting)
        if meeting.cancelled_at:
            raise ValidationError(_("Deze bijeenkomst is afgelast."))
        if version is not None and version != meeting.sequence:
            raise ChangedMeanwhile(_("Iemand anders heeft deze bijeenkomst veranderd terwijl jij dit formulier "
                                     "invulde. Bekijk de bijeenkomst en sla je wijziging opnieuw op als die nog "
                                     "nodig is: wat je invulde staat hieronder nog."))
        return _update_locked(meeting, by, now, fields)


def _update_locked(meeting, by, now, fields):
    old_start, old_end = meeting.starts_at, meeting.ends_at
    old_at_home, old_address = meeting.at_host_home, meeting.address
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {unknown}")
    for name, value in fields.items():
        setattr(meeting, name, value)
    moved = meeting.starts_at != old_start or meeting.ends_at != old_end
    _check_times(starts_at=meeting.starts_at, ends_at=meeting.ends_at, now=now, moving=moved)
    if not meeting.host_id:
        meeting.at_host_home = False
    if (old_at_home and not meeting.at_host_home and meeting.address == old_address and meeting.host_id
            and meeting.address == meeting.host.user.address):
        meeting.address = ""  # no longer at the host's home: their home address goes with it
    _apply_home_address(meeting)
    meeting.full_clean()
    _touch(meeting, now)
    meeting.save(update_fields=_SAVED_ON_EDIT)
    meeting.refresh_from_db(fields=["sequence"])
    if moved:
        emails.meeting_changed(meeting=meeting, old_start=old_start, by=by)
    return meeting


def meeting_cancel(*, meeting: Meeting, by: Membership, reason: str = "", now=None) -> Meeting:
    now = now or timezone.now()
    with transaction.atomic():
        _lock(meeting)
        if meeting.cancelled_at:
            return meeting
        if meeting.ends_at <= now:
            raise ValidationError(_("Deze bijeenkomst is al voorbij."))
        meeting.cancelled_at = now
        meeting.cancel_reason = reason[:500]
        _touch(meeting, now)
        meeting.save(update_fields=["cancelled_at", "cancel_reason", "sequence", "updated_at"])
        meeting.refresh_from_db(fields=["sequence"])
        emails.meeting_cancelled(meeting=meeting, by=by)
    return meeting


# Host ---------------------------------------------------------------------------------------------

def host_ask(*, meeting: Meeting, host: Membership, by: Membership, now=None) -> Meeting:
    """Ask (another) member to host. The place follows the host: a venue text that only named the previous
    host ("Bij Anouk", "Bij Anouk thuis", their organisation) names the new one, and the previous host's
    home address is dropped (the new host's comes when they say yes "at my place")."""
    now = now or timezone.now()
    _check_host(community=meeting.community, host=host)
    with transaction.atomic():
        _lock(meeting)
        if meeting.cancelled_at or meeting.starts_at <= now:
            raise ValidationError(_("Voor deze bijeenkomst kun je geen gastheer of gastvrouw meer vragen."))
        if HostDecline.objects.filter(meeting=meeting, membership=host).exists():
            raise ValidationError({"host": _("%(name)s zei al af voor deze bijeenkomst.") % {"name": host.user.name}})
        previous = meeting.host
        # The place follows the host: the previous host's home address goes (the new host's comes only
        # once they say yes, and only "at my place"), and a venue text that only named the previous host
        # names the new one.
        if previous is not None and meeting.address and meeting.address == previous.user.address:
            meeting.address = ""
        if not meeting.venue or _is_default_venue(meeting.venue, previous):
            meeting.venue = _default_venue(host)
        meeting.host = host
        meeting.host_state = HostState.ACCEPTED if host.pk == by.pk else HostState.PROPOSED
        _apply_home_address(meeting)
        _touch(meeting, now)
        meeting.save(update_fields=["host", "host_state", "venue", "address", "at_host_home", "sequence",
                                    "updated_at"])
        meeting.refresh_from_db(fields=["sequence"])
        if meeting.host_state == HostState.PROPOSED:
            emails.host_request(meeting=meeting, host=host, by=by)
    return meeting


def host_answer(*, meeting: Meeting, membership: Membership, accept: bool, at_home: bool | None = None,
                now=None) -> Meeting:
    """The asked host accepts or declines. Accepting with `at_home` ("bij mij thuis") makes their home
    address the meeting's address when none was given; False says it is not at their home; None keeps
    what the organiser chose. A decline records that they skip this round and tells the facilitators
    who is next in the rotation."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock(meeting)
        if meeting.host_id != membership.pk or meeting.host_state != HostState.PROPOSED:
            raise ValidationError(_("Er is je niet gevraagd deze bijeenkomst te ontvangen."))
        if meeting.cancelled_at or meeting.starts_at <= now:
            raise ValidationError(_("Deze bijeenkomst is afgelast of al begonnen."))
        if accept:
            meeting.host_state = HostState.ACCEPTED
            if at_home is not None:
                meeting.at_host_home = at_home
            _apply_home_address(meeting)
        else:
            meeting.host_state = HostState.DECLINED
            HostDecline.objects.get_or_create(meeting=meeting, membership=membership, defaults={"declined_at": now})
        _touch(meeting, now)
        meeting.save(update_fields=["host_state", "at_host_home", "address", "sequence", "updated_at"])
        meeting.refresh_from_db(fields=["sequence"])
        if not accept:
            proposal = (host_proposal(community=meeting.community, starts_at=meeting.starts_at, meeting=meeting)
                        if meeting.kind == MeetingKind.PLENARY else None)
            emails.host_declined(meeting=meeting, decliner=membership, proposal=proposal)
    return meeting


# RSVP ---------------------------------------------------------------------------------------------

def rsvp_set(*, meeting: Meeting, membership: Membership, answer: str, now=None) -> Rsvp:
    """Answer yes, no or maybe; a second answer replaces the first. Closed once the meeting starts."""
    now = now or timezone.now()
    if answer not in Answer.values:
        raise ValidationError({"answer": _("Kies ja, nee of misschien.")})
    if meeting.community_id != membership.community_id:
        raise ValidationError(_("Je bent geen lid van deze gemeenschap."))
    if meeting.cancelled_at:
        raise ValidationError(_("Deze bijeenkomst is afgelast."))
    if meeting.starts_at <= now:
        raise ValidationError(_("De bijeenkomst is al begonnen; je antwoord kan niet meer veranderen."))
    for _attempt in range(2):
        try:
            with transaction.atomic():
                rsvp, _created = Rsvp.objects.update_or_create(
                    meeting=meeting, membership=membership, defaults={"answer": answer, "answered_at": now})
            return rsvp
        except IntegrityError:
            # Two clicks at once: the other one created the row; update it.
            continue
    raise ValidationError(_("Je antwoord kon niet worden opgeslagen. Probeer het nog eens."))


# Agenda -------------------------------------------------------------------------------------------

def agenda_item_add(*, meeting: Meeting, by: Membership, title: str, description: str = "",
                    duration_minutes=None, now=None) -> AgendaItem:
    now = now or timezone.now()
    if meeting.cancelled_at:
        raise ValidationError(_("Deze bijeenkomst is afgelast."))
    moments = agenda_moments_of(meeting)
    if not moments.open_at(now):
        deadline = moments.deadline.astimezone(zoneinfo.ZoneInfo(meeting.community.time_zone))
        raise ValidationError(_("De termijn voor agendapunten is verlopen (%(date)s).")
                              % {"date": date_format(deadline, "l j F, H:i")})
    with transaction.atomic():
        # Lock the meeting so two proposals at once get distinct positions.
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        same = sent_just_before(AgendaItem.objects.filter(meeting=meeting, proposed_by=by, title=title,
                                                          description=description), now=now)
        if same is not None:
            return same
        last = AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"]
        item = AgendaItem(meeting=meeting, proposed_by=by, title=title, description=description,
                          duration_minutes=duration_minutes, position=(last or 0) + 1, created_at=now)
        item.full_clean()
        item.save()
    return item


def agenda_item_move(*, item: AgendaItem, up: bool) -> None:
    """Swap the item with its neighbour (above or below)."""
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=item.meeting_id).first()
        items = list(AgendaItem.objects.filter(meeting_id=item.meeting_id).order_by("position", "pk"))
        index = next((i for i, it in enumerate(items) if it.pk == item.pk), None)
        if index is None:
            return
        other = index - 1 if up else index + 1
        if other < 0 or other >= len(items):
            return
        items[index], items[other] = items[other], items[index]
        for position, it in enumerate(items, start=1):
            if it.position != position:
                it.position = position
        AgendaItem.objects.bulk_update(items, ["position"])


def agenda_item_remove(*, item: AgendaItem) -> None:
    item.delete()


# After the meeting --------------------------------------------------------------------------------

def attendance_record(*, meeting: Meeting, by: Membership, present_ids, notes: str | None = None,
                      now=None) -> Meeting:
    """Replace who was there (members of the meeting's community only) and, when given, the notes."""
    now = now or timezone.now()
    if meeting.starts_at > now:
        raise ValidationError(_("Aanwezigheid vul je in als de bijeenkomst begonnen is."))
    present = set(Membership.objects.filter(community_id=meeting.community_id, pk__in=list(present_ids))
                  .values_list("pk", flat=True))
    with transaction.atomic():
        _lock(meeting)  # two identical saves at once: the second waits and finds the first's rows
        Attendance.objects.filter(meeting=meeting).exclude(membership_id__in=present).delete()
        existing = set(Attendance.objects.filter(meeting=meeting).values_list("membership_id", flat=True))
        Attendance.objects.bulk_create([Attendance(meeting=meeting, membership_id=pk) for pk in present - existing],
                                       ignore_conflicts=True)
        meeting.attendance_recorded_at = now
        fields = ["attendance_recorded_at"]
        if notes is not None:
            meeting.notes = notes
            fields += ["notes"]
            meeting.full_clean()
        meeting.save(update_fields=fields)
    return meeting


# Leaving ------------------------------------------------------------------------------------------

def memberships_forget(membership: Membership, *, now=None) -> int:
    """Someone left the community or deleted their account (registered on
    lg_portal.registry.MEMBERSHIP_FORGET): no meeting keeps their home address or a venue text that
    names them, on the page, in the emails to come or in the calendar; a meeting still to come no
    longer has them as its host (the facilitators ask someone else). Returns the meetings changed."""
    now = now or timezone.now()
    changed = 0
    for meeting in Meeting.objects.filter(host=membership).select_related("host__user"):
        fields = []
        if meeting.address and (meeting.at_host_home or meeting.address == membership.user.address):
            meeting.address = ""
            fields.append("address")
        if meeting.venue and _is_default_venue(meeting.venue, membership):
            meeting.venue = ""
            fields.append("venue")
        if meeting.at_host_home:
            meeting.at_host_home = False
            fields.append("at_host_home")
        if meeting.starts_at > now and meeting.cancelled_at is None:
            meeting.host, meeting.host_state = None, ""
            fields += ["host", "host_state"]
        if fields:
            _touch(meeting, now)
            meeting.save(update_fields=[*fields, "sequence", "updated_at"])
            changed += 1
    return changed


# Jobs ---------------------------------------------------------------------------------------------
