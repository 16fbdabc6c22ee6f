from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class OutboxMessage(models.Model):
    """An email waiting to go out. Web requests only write rows; the worker sends them.

    `key` names what the message is about (e.g. "reminder:meeting:12:user:5"): it is unique, so a
    scan that runs twice, or two scans at once, cannot queue the same email twice. A row is claimed
    by a conditional UPDATE before sending and marked sent after; see lg_portal.outbox."""

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="outbox_messages")
    to = models.EmailField()
    subject = models.CharField(max_length=255)
    text = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    send_after = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=40, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["send_after"], name="outbox_due", condition=Q(sent_at__isnull=True)),
        ]

    def __str__(self):
        return self.key


class SubmittedForm(models.Model):
    """One row per form submission that carried a submit-once token (lg_portal.common.once): the unique
    token makes a double click, a reload of the POST, or two tabs sending the same form count once.
    `location` is where the first submission led; kept two days (the purge)."""

    token = models.CharField(max_length=32, unique=True)
    location = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return self.token
