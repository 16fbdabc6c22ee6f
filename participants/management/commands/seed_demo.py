import random
from datetime import datetime, time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from participants import demo

# Each app adds its part of the demo; each seeder does nothing when its part is already there.
APP_SEEDERS = ["workgroups.demo.seed", "meetings.demo.seed", "lessons.demo.seed", "marketplace.demo.seed",
                # Last: it looks at what the others made and leaves only the intended drifters.
                "participants.demo_nudges.seed"]


class Command(BaseCommand):
    help = "Load the demo communities (idempotent: a second run changes nothing) and print the demo logins."

    def handle(self, *args, **options):
        today = timezone.localdate()
        ctx, created = demo.seed_people(today)
        ctx.now = timezone.make_aware(datetime.combine(today, time(12, 0)))
        ctx.rng = random.Random(2009)
        for dotted in APP_SEEDERS:
            try:
                seeder = import_string(dotted)
            except ImportError:
                continue
            with transaction.atomic():
                seeder(ctx)
        self.stdout.write(self.style.SUCCESS("Demo community " + ("created." if created else "already there.")))
        self.stdout.write(f"Demo logins (password: {demo.PASSWORD}):")
        for email, role in demo.LOGINS:
            self.stdout.write(f"  {email:28} {role}")
