from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def agenda_send_due():
    return {"queued": services.agenda_send_due()}


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def reminders_send_due():
    return {"queued": services.reminders_send_due()}
