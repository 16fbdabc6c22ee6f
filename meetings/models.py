import zoneinfo
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MeetingSettings(models.Model):
    """How a community usually meets. Created lazily (see selectors.settings_for) with the guide's
    numbers: a plenary every 7 weeks, at 19:30, 4 hours in the first year."""

    community = models.OneToOneField("participants.Community", on_delete=models.CASCADE,
                                     related_name="meeting_settings")
    plenary_interval_weeks = models.PositiveSmallIntegerField(
        _("weken tussen plenaire bijeenkomsten"), default=7,
        validators=[MinValueValidator(4), MaxValueValidator(13)],
        help_text=_("De gids: elke 6 tot 8 weken (het eerste jaar elke twee maanden); per kwartaal (13) zodra "
                    "de werkgroepen het werk dragen."),
    )
    usual_start_time = models.TimeField(_("gebruikelijke begintijd"), default=time(19, 30))
    usual_duration_minutes = models.PositiveSmallIntegerField(
        _("gebruikelijke duur (minuten)"), default=240, validators=[MinValueValidator(30), MaxValueValidator(720)],
        help_text=_("De gids: 4 uur (240) in het begin, later 2 uur (120)."),
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("herinnering (uren vooraf)"), default=48, validators=[MaxValueValidator(336)],
        help_text=_("0 = geen herinneringen sturen."),
    )
    agenda_deadline_days = models.PositiveSmallIntegerField(
        _("agendapunten tot (dagen vooraf)"), default=7, validators=[MaxValueValidator(60)],
    )
    agenda_send_days = models.PositiveSmallIntegerField(
        _("agenda versturen (dagen vooraf)"), default=5, validators=[MaxValueValidator(60)],
    )

    class Meta:
        verbose_name = _("instellingen voor bijeenkomsten")
        verbose_name_plural = _("instellingen voor bijeenkomsten")

    def __str__(self):
        return f"{self.community}"


class MeetingKind(models.TextChoices):
    PLENARY = "plenary", _("Plenaire bijeenkomst")
    WORKGROUP = "workgroup", _("Werkgroepbijeenkomst")
    WORK_VISIT = "work_visit", _("Werkbezoek")


class HostState(models.TextChoices):
    PROPOSED = "proposed", _("Gevraagd")
    ACCEPTED = "accepted", _("Toegezegd")
    DECLINED = "declined", _("Afgezegd")


class Meeting(models.Model):
    """A plenary, a workgroup meeting or a work visit. Times are stored in UTC. `sequence` rises on
    every change a calendar client should pick up (RFC 5545 SEQUENCE)."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("soort"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.PLENARY)
    workgroup = models.ForeignKey("workgroups.Workgroup", null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="meetings", verbose_name=_("werkgroep"))
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("waar gaat het over"), max_length=4000, blank=True)
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    venue = models.CharField(_("plaats"), max_length=200, blank=True,
                             help_text=_("Bijvoorbeeld 'bij Marieke thuis' of 'Bakkerij Smit'."))
    address = models.CharField(_("adres"), max_length=255, blank=True)
    host = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="hosted_meetings", verbose_name=_("gastheer of gastvrouw"))
    host_state = models.CharField(_("antwoord gastheer/gastvrouw"), max_length=12, choices=HostState.choices,
                                  blank=True)
    meal_note = models.CharField(_("maaltijd"), max_length=255, blank=True,
                                 help_text=_("De gastheer of gastvrouw zorgt voor een eenvoudige maaltijd of "
                                             "iets te eten, op eigen kosten."))
    notes = models.TextField(_("verslag en aantekeningen"), max_length=20000, blank=True)
    attendance_recorded_at = models.DateTimeField(null=True, blank=True)
    at_host_home = models.BooleanField(
        _("bij de gastheer of gastvrouw thuis"), default=False, db_default=False,
        help_text=_("Alleen dan komt het huisadres van de gastheer of gastvrouw bij de bijeenkomst en in de "
                    "agenda's."))
    sequence = models.PositiveIntegerField(default=0)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(_("reden"), max_length=500, blank=True)
    created_by = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start",
                                   violation_error_message=_("Een bijeenkomst moet eindigen na het begin.")),
            models.CheckConstraint(
                condition=Q(kind="workgroup", workgroup__isnull=False) | (~Q(kind="workgroup") & Q(workgroup__isnull=True)),
                name="meeting_workgroup_iff_kind",
                violation_error_message=_("Een werkgroepbijeenkomst hoort bij een werkgroep."),
            ),
        ]
        indexes = [
            models.Index(fields=["community", "starts_at"]),
            models.Index(fields=["starts_at"], name="meeting_live_starts",
                         condition=Q(cancelled_at__isnull=True)),
        ]

    def __str__(self):
        return self.title

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    def _waking_hour(self, moment):
        """`moment` on the whole hour before it, moved out of the night to 22:00 the evening before,
        in the community's time zone (the site's when the community is not loaded: no query); never
        at or before the planning moment itself (then `moment` stays as it is)."""
        zone = (zoneinfo.ZoneInfo(self.community.time_zone) if Meeting.community.is_cached(self)
                else timezone.get_default_timezone())
        local = moment.astimezone(zone).replace(minute=0, second=0, microsecond=0)
        if local.hour < 8:
            local = (local - timedelta(days=1)).replace(hour=22)
        return local if local > self.created_at else moment

    def agenda_moments(self, *, deadline_days: int, send_days: int) -> "AgendaMoments":
        """When agenda items close and when the agenda goes out, from the community's CURRENT settings
        (`deadline_days`, `send_days`) and this meeting's start; no query.

        The rule: items close `deadline_days` before the start and the agenda goes out `send_days`
        before it. A meeting planned at shorter notice than that (created after that deadline) gets a
        shorter term: items close halfway between the moment it was planned (`created_at`) and its start,
        on the whole hour, and not in the night (a halfway moment before 08:00 becomes 22:00 the evening
        before), so the term is never over at creation. The agenda never goes out before items close. Changing
        the settings moves the moments of every meeting; moving a meeting moves its moments."""
        regular = self.starts_at - timedelta(days=deadline_days)
        deadline, shortened = regular, False
        if regular < self.created_at < self.starts_at:
            deadline, shortened = self._waking_hour(self.created_at + (self.starts_at - self.created_at) / 2), True
        send_at = max(self.starts_at - timedelta(days=send_days), deadline)
        return AgendaMoments(deadline=deadline, send_at=send_at, deadline_days=deadline_days, send_days=send_days,
                             shortened=shortened)

    @property
    def duration_minutes(self):
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


@dataclass(frozen=True)
class AgendaMoments:
    """See Meeting.agenda_moments."""

    deadline: datetime
    send_at: datetime
    deadline_days: int
    send_days: int
    shortened: bool  # planned at short notice: the term is shorter than the settings' days

    def open_at(self, now) -> bool:
        return now < self.deadline


class Answer(models.TextChoices):
    YES = "yes", _("Ja")
    MAYBE = "maybe", _("Misschien")
    NO = "no", _("Nee")


class Rsvp(models.Model):
    """One member's answer for one meeting; changeable until the meeting starts."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="rsvps")
    answer = models.CharField(_("antwoord"), max_length=8, choices=Answer.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="rsvp_one_per_member"),
        ]

    def __str__(self):
        return f"{self.membership} -> {self.meeting}: {self.answer}"


class Attendance(models.Model):
    """Who was there, recorded afterwards by a facilitator or the host."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="attendances")

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="attendance_one_per_member"),
        ]

    def __str__(self):
        return f"{self.membership} @ {self.meeting}"


class HostDecline(models.Model):
    """Someone declined to host this meeting: the rotation skips them for this round."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="host_declines")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="+")
    declined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="host_decline_once"),
        ]

    def __str__(self):
        return f"{self.membership} declined {self.meeting}"


class AgendaItem(models.Model):
    """A point for the agenda, proposed before the deadline; the core group puts them in order."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("agendapunt"), max_length=200)
    description = models.TextField(_("toelichting"), max_length=2000, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("tijd (minuten)"), null=True, blank=True,
                                                        validators=[MaxValueValidator(480)])
    position = models.PositiveIntegerField(default=0)
    proposed_by = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title
