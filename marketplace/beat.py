from datetime import timedelta

SCHEDULE = {
    # Follow-up questions N weeks after each marketplace; the job is idempotent, so hourly is harmless.
    "marketplace-follow-ups": {"task": "marketplace.tasks.follow_ups_run", "schedule": timedelta(hours=1)},
}
