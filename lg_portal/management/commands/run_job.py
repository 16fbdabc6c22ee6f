import json

from django.core.management.base import BaseCommand, CommandError

from lg_portal import registry


def _when(schedule) -> str:
    if hasattr(schedule, "total_seconds"):
        minutes = int(schedule.total_seconds() // 60)
        return f"every {minutes} min" if minutes < 60 else f"every {minutes // 60} h"
    # repr: "<crontab: 7 * * * * (m/h/dM/MY/d)>"
    return "cron " + repr(schedule).split(": ", 1)[1].split(" (", 1)[0] + " UTC"


class Command(BaseCommand):
    help = ("Run one of the portal's periodic jobs now, in this process, as beat would have the worker run "
            "it (without a name: list the jobs). Every job may run twice or next to the worker: what it "
            "sends is sent once.")

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?", help="the job's name (see the list)")

    def handle(self, *args, name=None, **options):
        jobs = registry.jobs_by_name()
        if not name:
            width = max(len(n) for n in jobs)
            for job in jobs.values():
                self.stdout.write(f"{job.name:{width}}  {_when(job.schedule):42}  {job.help}")
            return
        job = jobs.get(name)
        if job is None:
            raise CommandError(f"no job named {name!r}; the jobs are: {', '.join(sorted(jobs))}")
        result = job.task()
        self.stdout.write(f"{name}: {json.dumps(result, default=str)}")
