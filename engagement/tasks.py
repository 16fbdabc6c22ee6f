"""Thin Celery tasks over engagement.jobs (see lg_portal.tasks.PortalTask for retries)."""

from celery import shared_task

from lg_portal.tasks import PortalTask

from . import jobs


@shared_task(base=PortalTask)
def nudges_scan():
    return jobs.nudges_scan()


@shared_task(base=PortalTask)
def unanswered_alerts():
    return {"queued": jobs.unanswered_alerts_send()}


@shared_task(base=PortalTask)
def digest_weekly():
    return {"queued": jobs.digest_send()}
