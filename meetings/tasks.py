"""Thin Celery tasks over meetings.jobs (see lg_portal.tasks.PortalTask for retries)."""

from celery import shared_task

from lg_portal.tasks import PortalTask

from . import jobs


@shared_task(base=PortalTask)
def agenda_send_due():
    return {"queued": jobs.agenda_send_due()}


@shared_task(base=PortalTask)
def reminders_send_due():
    return {"queued": jobs.reminders_send_due()}
