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


class JoinRequest(models.Model):
    """Someone asks to join a closed workgroup; any member of it can accept or decline."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Geaccepteerd")
        DECLINED = "declined", _("Afgewezen")

    workgroup = models.ForeignKey(Workgroup, on_delete=models.CASCADE, related_name="join_requests")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE,
                                   related_name="workgroup_join_requests")
    message = models.TextField(_("bericht aan de werkgroep"), max_length=1000, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    # Left out of a data export when reached only through this link:
    # who decided: the request is the asker's.
    PRIVACY_NOT_ABOUT = ("decided_by",)

    class Meta:
        verbose_name = _("verzoek om mee te doen")
        verbose_name_plural = _("verzoeken om mee te doen")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["workgroup", "membership"], condition=Q(state="open"),
                                    name="workgroup_one_open_join_request"),
        ]

    def __str__(self):
        return f"{self.membership} -> {self.workgroup}"


class PostKind(models.TextChoices):
    QUESTION = "question", _("Vraag")
    PROPOSAL = "proposal", _("Voorstel")
    IDEA = "idea", _("Idee")
    UPDATE = "update", _("Tussenstap")


# Kinds that ask for an answer; an update only informs.
ANSWERABLE_KINDS = (PostKind.QUESTION, PostKind.PROPOSAL, PostKind.IDEA)


class PostTopic(models.TextChoices):
    """The guide: report intermediate steps about the process as well as the content."""

    CONTENT = "content", _("Inhoud")
    PROCESS = "process", _("Proces")


POST_BODY_MAX = 4000
UPDATE_BODY_MAX = 1000


class Post(models.Model):
    """A question, proposal, idea or update, in a workgroup or (workgroup empty) to the whole community."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE,
                                  related_name="workgroup_posts")
    workgroup = models.ForeignKey(Workgroup, null=True, blank=True, on_delete=models.CASCADE, related_name="posts",
                                  verbose_name=_("werkgroep"))
    author = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="workgroup_posts")
    kind = models.CharField(_("soort"), max_length=10, choices=PostKind.choices)
    topic = models.CharField(_("over"), max_length=10, choices=PostTopic.choices, blank=True,
                             help_text=_("Gaat deze tussenstap over de inhoud of over het proces?"))
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst"), max_length=POST_BODY_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.ForeignKey("Reply", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["community", "created_at"]),
            models.Index(fields=["answered_at", "created_at"], name="workgroup_post_waiting_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="update") & ~Q(topic="")) | (~Q(kind="update") & Q(topic="")),
                name="workgroup_post_topic_only_for_updates",
                violation_error_message=_("Een tussenstap gaat over inhoud of proces; andere berichten niet."),
            ),
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | ~Q(kind="update"),
                name="workgroup_post_update_not_answered",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_answerable(self):
        return self.kind in ANSWERABLE_KINDS


class Reply(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="workgroup_replies")
    body = models.TextField(_("reactie"), max_length=POST_BODY_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["post", "created_at"])]

    def __str__(self):
        return f"{self.author}: {self.body[:40]}"
