"""The base of every Celery task, and the portal's own periodic work (the outbox, the purge).

Every task may run twice or at once (a retry, a second worker, a beat that fired late): what it does
is guarded by unique rows, outbox keys and conditional UPDATEs, so it does its work once."""

from celery import shared_task
from celery.contrib.django.task import DjangoTask


class PortalTask(DjangoTask):
    """Acknowledged after the work is done (a worker that dies mid-task leaves it for another), retried
    with growing, jittered pauses on any error, at most five times."""

    acks_late = True
    reject_on_worker_lost = True
    autoretry_for = (Exception,)
    retry_backoff = 30
    retry_backoff_max = 15 * 60
    retry_jitter = True
    max_retries = 5


@shared_task(base=PortalTask)
def outbox_flush():
    from . import outbox

    sent, failed = outbox.flush()
    return {"sent": sent, "failed": failed}


@shared_task(base=PortalTask)
def purge_old_logs():
    from .purge import purge

    return purge()
