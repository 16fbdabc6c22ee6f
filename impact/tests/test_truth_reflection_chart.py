"""The dashboard's "Doen en terugkijken" (impact.dashboard.reflection_chart) tells the truth (issue 16):
held meetings count as activities in the quarter they were held, a marketplace with its matches is one, and its table has
one header per column."""

from datetime import date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from impact.dashboard import reflection_chart
from lessons.tests.factories import ActivityFactory, ReflectionFactory, WorkgroupFactory
from marketplace import services
from marketplace.models import Side
from marketplace.tests.factories import EntryFactory
from meetings.models import MeetingKind
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 2, 12, tzinfo=timezone.get_fixed_timezone(0))


def _at(day: date, hour: int = 18):
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.get_fixed_timezone(0))


@time_machine.travel(NOW, tick=False)
def test_held_meetings_count_in_their_quarter_and_matches_do_not(community, participant):
    workgroup = WorkgroupFactory(community=community)
    plenaries = [MeetingFactory(community=community, starts_at=_at(day))
                 for day in (date(2026, 2, 3), date(2026, 3, 24), date(2026, 5, 12), date(2026, 6, 30),
                             date(2026, 8, 18))]
    ReflectionFactory(meeting=plenaries[0], activity=None, membership=participant)
    MeetingFactory(community=community, starts_at=_at(date(2026, 4, 7)), cancelled_at=NOW)
    MeetingFactory(community=community, kind=MeetingKind.WORKGROUP, workgroup=workgroup,
                   starts_at=_at(date(2026, 9, 14)))
    MeetingFactory(community=community, kind=MeetingKind.WORK_VISIT, starts_at=_at(date(2026, 8, 4), 14))
    # A marketplace day with 30 matches is one activity (the old code made one per match).
    day = services.marketplace_create(
        community=community, workgroup=workgroup, by=participant.user, title="Beursvloer",
        held_on=date(2026, 1, 2), place="Theater", audience="Iedereen", allowed_kinds=["non_profit"],
        entry_deadline=_at(date(2026, 1, 1)), follow_up_weeks=6)
    for i in range(30):
        services.match_record(marketplace=day, need=EntryFactory(marketplace=day, side=Side.NEED),
                              offer=EntryFactory(marketplace=day, side=Side.OFFER), what=f"Klus {i}",
                              value_eur=Decimal("10"), due_on=None, by=participant.user)
    chart = reflection_chart(community=community, now=NOW)
    assert chart.categories == ["K1 2026", "K2 2026", "K3 2026", "K4 2026"]
    assert dict(chart.extra)["Activiteiten"] == [3, 2, 3, 0]
    assert chart.series[0].values == [33, 0, 0, None]


@time_machine.travel(NOW, tick=False)
def test_reflection_table_has_distinct_headers(community):
    ActivityFactory(workgroup__community=community, happened_on=date(2026, 11, 1))
    chart = reflection_chart(community=community, now=NOW)
    headers = [str(s.label) for s in chart.series] + [str(label) for label, _values in chart.extra]
    assert headers == ["Deel met reflectie", "Activiteiten", "Met reflectie"]
