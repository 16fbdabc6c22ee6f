"""Thin Celery tasks over marketplace.jobs (see lg_portal.tasks.PortalTask for retries)."""

from celery import shared_task

from lg_portal.tasks import PortalTask

from . import jobs


@shared_task(base=PortalTask)
def follow_ups_run():
    """Create the follow-up questions that are due and queue them, each once."""
    return jobs.follow_ups_run()
