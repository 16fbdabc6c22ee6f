import random
from datetime import datetime, time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from lg_portal import registry
from participants import demo


class Command(BaseCommand):
    help = "Load the demo communities (idempotent: a second run changes nothing) and print the demo logins."

    def handle(self, *args, **options):
        today = timezone.localdate()
        ctx, created = demo.seed_people(today)
        ctx.now = timezone.make_aware(datetime.combine(today, time(12, 0)))
        ctx.rng = random.Random(2009)
        # Each app adds its part of the demo (registered from its AppConfig.ready(), in order); each
        # seeder does nothing when its part is already there.
        for seeder in registry.DEMO_SEEDERS:
            with transaction.atomic():
                seeder(ctx)
        self.stdout.write(self.style.SUCCESS("Demo community " + ("created." if created else "already there.")))
        self.stdout.write(f"Demo logins (password: {demo.PASSWORD}):")
        for email, role in demo.LOGINS:
            self.stdout.write(f"  {email:28} {role}")
