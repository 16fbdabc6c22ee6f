"""Thin Celery tasks over lessons.jobs (see lg_portal.tasks.PortalTask for retries)."""

from celery import shared_task

from lg_portal.tasks import PortalTask

from . import jobs


@shared_task(base=PortalTask)
def reflection_reminders_send():
    return {"queued": jobs.reflection_reminders_send()}
