"""Thin Celery tasks over participants.nudges. Each may run twice or concurrently: what was sent is
guarded by unique rows and outbox keys, so a retried or duplicated task sends nothing twice."""

from celery import shared_task

from . import nudges


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def nudges_scan():
    sent, skipped = nudges.nudges_send()
    return {"sent": sent, "skipped": skipped}


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def unanswered_alerts():
    return {"queued": nudges.unanswered_alerts_send()}


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def digest_weekly():
    return {"queued": nudges.digest_send()}

