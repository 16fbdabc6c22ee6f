from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Workgroup(models.Model):
    """A workgroup of a community. The core group (kerngroep) is a workgroup marked as such."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="workgroups")
    name = models.CharField(_("naam"), max_length=120)
    theme = models.TextField(_("thema"), max_length=2000, blank=True)
    is_core_group = models.BooleanField(_("kerngroep"), default=False)
    closed = models.BooleanField(
        _("achter gesloten deuren"), default=False,
        help_text=_("Alleen leden zien de inhoud; anderen zien dat de groep bestaat en kunnen vragen om mee te doen."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("werkgroep")
        verbose_name_plural = _("werkgroepen")
        ordering = ["-is_core_group", "name"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="workgroup_unique_name"),
            models.UniqueConstraint(fields=["community"], condition=Q(is_core_group=True),
                                    name="workgroup_one_core_group"),
        ]

    def __str__(self):
        return self.name


class WorkgroupMember(models.Model):
    workgroup = models.ForeignKey(Workgroup, on_delete=models.CASCADE, related_name="members")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE,
                                   related_name="workgroup_memberships")
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workgroup", "membership"], name="workgroup_member_unique"),
        ]

    def __str__(self):
        return f"{self.membership} in {self.workgroup}"


class ActivityKind(models.TextChoices):
    MEETING = "meeting", _("Bijeenkomst")
    WORK_VISIT = "work_visit", _("Werkbezoek")
    WORKSHOP = "workshop", _("Workshop")
    MATCH = "match", _("Nieuwe match")
    KNOWLEDGE = "knowledge", _("Kennisuitwisseling")
    OTHER = "other", _("Anders")


class Activity(models.Model):
    """Something a workgroup did. New matches and knowledge exchange count as activities too."""

    workgroup = models.ForeignKey(Workgroup, on_delete=models.CASCADE, related_name="activities")
    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("soort"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    happened_on = models.DateField(_("datum"))
    outcome = models.TextField(_("wat kwam eruit"), max_length=4000, blank=True)
    participants = models.ManyToManyField("participants.Membership", related_name="activities", blank=True,
                                          verbose_name=_("wie deden mee"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["-happened_on", "-pk"]
        indexes = [models.Index(fields=["community", "happened_on"])]

    def __str__(self):
        return self.title
