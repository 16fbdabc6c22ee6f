"""Where a lower app hears of the apps built on it.

Imports run downward only (lg_portal < participants < workgroups < meetings < lessons, marketplace <
engagement, impact). When a page or job of a lower app must show or do something a higher app owns
(a panel on the community home, a compass check, a step when someone's data is forgotten, a demo part,
a periodic job), the higher app registers it here from its `AppConfig.ready()`, and the lower app
reads the hook. No module keeps a list of app names. pretix's plugin signals are the model; a plain
list per hook is enough here, because every contributor is installed.

Each hook documents what it holds. Entries keep the order given by `order` (then registration order,
which follows INSTALLED_APPS), so the menu and the home page do not depend on import order.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings


class Hook:
    """One extension point: the entries that apps registered, in a stable order."""

    def __init__(self, name: str, holds: str):
        self.name = name
        self.holds = holds
        self._entries: list[tuple[int, int, Any]] = []

    def register(self, entry: Any, *, order: int = 500) -> Any:
        """Add an entry (registering the same entry twice keeps one). Returns the entry, so it can be
        used as a decorator."""
        if all(existing is not entry and existing != entry for _o, _n, existing in self._entries):
            self._entries.append((order, len(self._entries), entry))
            self._entries.sort(key=lambda e: (e[0], e[1]))
        return entry

    def register_all(self, entries, *, start: int) -> None:
        """Register several entries in their order, from `order=start` on (a menu's entries, say)."""
        for order, entry in enumerate(entries, start=start):
            self.register(entry, order=order)

    def __iter__(self) -> Iterator[Any]:
        return iter([entry for _order, _n, entry in self._entries])

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self)} entries>"


@dataclass(frozen=True)
class NavItem:
    url_name: str  # a URL name that takes the community slug
    label: Any  # a lazy translation


@dataclass(frozen=True)
class Job:
    """A periodic job: beat sends `task` on `schedule`; `manage.py run_job <name>` runs it by hand."""

    name: str
    task: Any  # a Celery task (lg_portal.tasks.PortalTask)
    schedule: Any  # a timedelta or celery.schedules.crontab
    help: str


# The community home: callables (request) -> list of panel dicts {"template": ..., **context}. Each
# must cost a fixed number of queries. A panel with "first": True is the member's next step (a meeting
# to answer, a reflection or a nudge waiting for them) and comes before everything else on the page.
HOME_PANELS = Hook("home_panels", "callable(request) -> list[dict]")
# The community menu, every member's: NavItem entries.
NAV_ITEMS = Hook("nav_items", "NavItem")
# The personal settings page: template names included there.
SETTINGS_SECTIONS = Hook("settings_sections", "template name")
# The lessons compass's automatic checks: callables (*, community, now, members) -> list of
# lessons.checks.CheckResult. lessons registers its own; engagement registers the drift check.
COMPASS_CHECKS = Hook("compass_checks", "callable(*, community, now, members) -> list[CheckResult]")
# Someone leaves a community (removed by a facilitator or their account deleted): callables
# (membership) that drop what the app holds for them and must not keep. Run inside the transaction.
MEMBERSHIP_FORGET = Hook("membership_forget", "callable(membership) -> None")
# Someone deletes their account: callables (user, name) that take the person's name, as it was, out
# of what the app copied it into (snapshots, texts). Run inside the transaction, after every
# membership was forgotten and before the account itself is anonymised.
ACCOUNT_FORGET = Hook("account_forget", "callable(user, name) -> None")
# A member's roles changed (the roles page): callables (*, community) that keep the app in step.
ROLES_CHANGED = Hook("roles_changed", "callable(*, community) -> None")
# A workgroup list or page: callables (queryset, *, now) -> queryset, annotating each workgroup with
# what the app adds to it, and the templates that show it ("workgroup_facts").
WORKGROUP_ANNOTATIONS = Hook("workgroup_annotations", "callable(queryset, *, now) -> queryset")
WORKGROUP_FACTS = Hook("workgroup_facts", "template name, rendered with `wg` and `community`")
WORKGROUP_ACTIONS = Hook("workgroup_actions", "template name: links in a workgroup page's actions (`wg`)")
# A workgroup's activity page: templates of sections other apps add (lessons: look back on it),
# rendered with `activity` and `community`.
ACTIVITY_SECTIONS = Hook("activity_sections", "template name, rendered with `activity` and `community`")
# The demo: callables (ctx) that add the app's part; each does nothing when its part is there.
DEMO_SEEDERS = Hook("demo_seeders", "callable(ctx) -> None")
# Keeping personal data no longer than needed: callables (*, now) -> {kind: rows deleted}.
PURGES = Hook("purges", "callable(*, now) -> dict[str, int]")
# Periodic work: Job entries (beat's schedule, and `manage.py run_job`).
JOBS = Hook("jobs", "Job")

HOOKS = [HOME_PANELS, NAV_ITEMS, SETTINGS_SECTIONS, COMPASS_CHECKS, MEMBERSHIP_FORGET, ROLES_CHANGED,
         WORKGROUP_ANNOTATIONS, WORKGROUP_FACTS, WORKGROUP_ACTIONS, ACTIVITY_SECTIONS, DEMO_SEEDERS, PURGES, JOBS]


def jobs_by_name() -> dict[str, Job]:
    return {job.name: job for job in JOBS}


def beat_schedule() -> dict[str, dict]:
    """Celery beat's schedule, from the registered jobs; with LG_JOBS_EVERY_SECONDS (`make run`) every job
    runs that often instead, so the demo shows them at work within a minute."""
    every = settings.LG_JOBS_EVERY_SECONDS
    return {job.name: {"task": job.task.name, "schedule": timedelta(seconds=every) if every > 0 else job.schedule}
            for job in JOBS}
