"""Engagement: noticing who drifts away and catching them up (the guide's "bijpraten met wegzakkers"),
and telling a group what nobody answered.

These tables were created by the participants app and keep their names (db_table): the move to this
app changed no row (see migrations/0001_initial.py)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DriftSettings(models.Model):
    """When a community counts someone as drifting away, and how often the portal nudges them. The
    scan reads the defaults below when a community has no row; a row is created when a facilitator saves."""

    community = models.OneToOneField("participants.Community", on_delete=models.CASCADE, related_name="drift_settings")
    missed_plenaries = models.PositiveSmallIntegerField(
        _("gemiste plenaire bijeenkomsten op rij"), default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Iemand die zo vaak op rij niet bij een plenaire bijeenkomst was, valt op."),
    )
    unanswered_invitations = models.PositiveSmallIntegerField(
        _("onbeantwoorde uitnodigingen op rij"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Iemand die zo vaak op rij niet liet weten of hij of zij kwam, valt op."),
    )
    silent_weeks = models.PositiveSmallIntegerField(
        _("weken zonder teken van leven"), default=6,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("Geen inlog, aanmelding, bericht, reactie, reflectie of aanwezigheid in zoveel weken."),
    )
    quiet_days = models.PositiveSmallIntegerField(
        _("dagen tussen twee herinneringen"), default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Niemand krijgt vaker dan eens in deze periode een persoonlijke herinnering."),
    )
    max_unanswered_nudges = models.PositiveSmallIntegerField(
        _("stoppen na zoveel onbeantwoorde herinneringen"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Daarna krijgen de procesbegeleiders één bericht: bel of zoek de persoon op."),
    )

    class Meta:
        db_table = "participants_driftsettings"
        verbose_name = _("instellingen voor wegzakkers")
        verbose_name_plural = _("instellingen voor wegzakkers")

    def __str__(self):
        return f"{self.community}"


class NudgeAnswer(models.TextChoices):
    STILL_IN = "still_in", _("Ik doe nog mee")
    PAUSE = "pause", _("Pauzeer me tot ...")
    STEP_OUT = "step_out", _("Ik stap bewust uit")


class Nudge(models.Model):
    """One personal email to someone who drifts away. `period` numbers this person's nudges (1, 2, 3,
    ...): two scans at once both compute the same next number, so the unique constraint lets one of
    them through (see engagement.jobs)."""

    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="nudges")
    period = models.PositiveIntegerField()
    signals = models.JSONField(default=list, blank=True)
    signed_by = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(_("antwoord"), max_length=10, choices=NudgeAnswer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    pause_until = models.DateField(_("gepauzeerd tot"), null=True, blank=True)
    facilitators_told_at = models.DateTimeField(null=True, blank=True)

    # Left out of a data export when reached only through this link:
    # the facilitator who signed it: the nudge is about its recipient.
    PRIVACY_NOT_ABOUT = ("signed_by",)

    class Meta:
        db_table = "participants_nudge"
        verbose_name = _("persoonlijke herinnering")
        verbose_name_plural = _("persoonlijke herinneringen")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["membership", "period"], name="nudge_once_per_period"),
        ]
        indexes = [models.Index(fields=["membership", "sent_at"], name="participant_members_76b1bb_idx")]

    def __str__(self):
        return f"{self.membership} #{self.period}"


class ContactChannel(models.TextChoices):
    PHONE = "phone", _("Gebeld")
    IN_PERSON = "in_person", _("Gesproken")
    EMAIL = "email", _("Gemaild")
    MESSAGE = "message", _("Bericht (app, sms)")
    OTHER = "other", _("Anders")


class Contact(models.Model):
    """A facilitator caught up with someone personally ("gebeld, bijgepraat"): their drift signals
    start counting again from here. With `follow_up_on`, the person is back on the catch-up list on that
    day (until a later contact is logged); the person's page keeps every contact."""

    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="drift_contacts")
    by = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(_("wat jullie bespraken"), max_length=500, blank=True)
    channel = models.CharField(_("hoe"), max_length=10, choices=ContactChannel.choices, blank=True)
    happened_at = models.DateTimeField(default=timezone.now)
    follow_up_on = models.DateField(_("opvolgen op"), null=True, blank=True,
                                    help_text=_("Op deze dag staat de persoon weer op de bijpraatlijst."))

    # Left out of a data export when reached only through this link:
    # the facilitator who logged it: the contact is about the person caught up with.
    PRIVACY_NOT_ABOUT = ("by",)

    class Meta:
        db_table = "participants_contact"
        verbose_name = _("persoonlijk contact")
        verbose_name_plural = _("persoonlijke contacten")
        ordering = ["-happened_at", "-pk"]
        indexes = [models.Index(fields=["membership", "happened_at"], name="participant_members_915c7f_idx")]

    def __str__(self):
        return f"{self.membership} @ {self.happened_at:%Y-%m-%d}"


class UnansweredAlert(models.Model):
    """A question, proposal or idea nobody answered within three days: its workgroup was told, once."""

    post = models.OneToOneField("workgroups.Post", on_delete=models.CASCADE, related_name="unanswered_alert")
    alerted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "participants_unansweredalert"
        verbose_name = _("signaal: geen antwoord")
        verbose_name_plural = _("signalen: geen antwoord")

    def __str__(self):
        return f"{self.post_id}"
