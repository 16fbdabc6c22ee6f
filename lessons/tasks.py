from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def reflection_reminders_send():
    return {"queued": services.reflection_reminders_send()}
