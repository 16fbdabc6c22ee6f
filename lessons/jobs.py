"""The lessons app's periodic scan: reminders to look back after an activity."""

from . import emails, selectors


def reflection_reminders_send(*, now=None) -> int:
    """Queue a personal reminder for each person who took part and has not looked back yet. Safe to run
    twice or concurrently: the outbox key makes each reminder unique."""
    queued = 0
    for row, membership in selectors.reflection_reminders_due(now=now):
        queued += emails.reflection_reminder(row=row, membership=membership, community=membership.community)
    return queued
