from celery import shared_task

from . import outbox


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def outbox_flush():
    sent, failed = outbox.flush()
    return {"sent": sent, "failed": failed}


@shared_task(acks_late=True)
def purge_old_logs():
    from .purge import purge

    return purge()
