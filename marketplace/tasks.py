from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def follow_ups_run():
    """Create the follow-up questions that are due and send them, each once."""
    return services.follow_ups_run()
