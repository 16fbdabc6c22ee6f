from django.core.management.base import BaseCommand, CommandError

from engagement import jobs
from lg_portal import outbox
from participants.models import Community


class Command(BaseCommand):
    help = ("Scan for people drifting away and nudge who is due (the same as the hourly beat job), then "
            "send what the outbox holds. Safe to run twice or next to the worker: nobody gets a nudge twice.")

    def add_arguments(self, parser):
        parser.add_argument("--community", help="only this community (its slug)")
        parser.add_argument("--no-flush", action="store_true", help="queue the emails but leave sending to the worker")

    def handle(self, *args, **options):
        community = None
        if options["community"]:
            community = Community.objects.filter(slug=options["community"]).first()
            if community is None:
                raise CommandError(f"no community with slug {options['community']!r}")
        sent, skipped = jobs.nudges_send(community=community)
        if not options["no_flush"]:
            outbox.flush()
        self.stdout.write(f"sent {sent}, skipped {skipped}")
