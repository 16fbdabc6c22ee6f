"""The community dashboard: for every member; attendance by sector, returns by kind over time, reflection
share, composition, costs by source and the marketplace; every chart an accessible SVG with the same
numbers in a table beside it; a fixed number of queries with few and many rows."""

from datetime import timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from impact.tests.factories import ContributionFactory, ReturnEntryFactory
from lessons.tests.factories import ActivityFactory, ReflectionFactory, WorkgroupFactory
from marketplace.tests.factories import MarketplaceFactory, MatchFactory
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

CHARTS = ["attendance", "returns", "reflection", "sectors", "roles", "costs", "marketplace"]


class ChartParser(HTMLParser):
    """Collects, per chart key, the drawn bars (category, series) -> value and the table cells."""

    def __init__(self):
        super().__init__()
        self.bars, self.cells, self.svg_roles, self.titles = {}, {}, {}, {}
        self._svg = self._table = self._cell = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "data-chart" in a:
            self._svg = a["data-chart"]
            self.svg_roles[self._svg] = (a.get("role"), a.get("aria-labelledby"))
            self.bars[self._svg] = {}
        elif tag == "title" and self._svg and self._svg not in self.titles:
            self._in_title = True
        elif tag == "rect" and self._svg and "data-value" in a:
            self.bars[self._svg][(a["data-category"], a["data-series"])] = int(a["data-value"])
        elif tag == "table" and "data-chart" in a:
            self._table = a["data-chart"]
            self.cells[self._table] = {}
        elif tag == "td" and self._table and "data-series" in a:
            self._cell = (a["data-category"], a["data-series"])

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg = None
        elif tag == "table":
            self._table = None
        elif tag == "td":
            self._cell = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.titles[self._svg] = data
        if self._table and self._cell:
            # euros with the page's thousands separator (Dutch: 1.200)
            text = data.replace("€", "").replace("%", "").replace(".", "").strip()
            self.cells[self._table][self._cell] = None if text in ("", "–") else int(text)


def _fill(community, n, offset=0):
    """n members, plenaries with attendance, returns of each kind, activities with and without
    reflection, contributions and marketplace matches."""
    people = [MembershipFactory(community=community, sector=["resident", "entrepreneur", "church", ""][i % 4],
                                group_roles=[["doer"], ["thinker", "networker"]][i % 2]) for i in range(n)]
    workgroup = WorkgroupFactory(community=community, name=f"Dashboardgroep {offset}")
    today = timezone.localdate()
    for i in range(n):
        starts = timezone.now() - timedelta(days=10 + 20 * i + offset)
        meeting = MeetingFactory(community=community, starts_at=starts, ends_at=starts + timedelta(hours=2),
                                 attendance_recorded_at=starts + timedelta(days=1))
        Attendance.objects.bulk_create([Attendance(meeting=meeting, membership=m) for m in people[: 2 + i % 3]])
        ReturnEntryFactory(community=community, kind=["concrete", "relationship", "slipstream", "learning"][i % 4],
                           happened_on=today - timedelta(days=30 * i), people=people[:2],
                           value_eur=Decimal(10 * i))
        activity = ActivityFactory(workgroup=workgroup, happened_on=today - timedelta(days=25 * i + offset))
        if i % 2:
            ReflectionFactory(activity=activity, community=community, membership=people[0])
        ContributionFactory(community=community, source=["host_meal", "municipal", "sponsor"][i % 3],
                            category=["catering", "process_support", "materials"][i % 3],
                            amount_eur=Decimal(100 * i) if i % 3 else None, in_kind=not i % 3)
    marketplace = MarketplaceFactory(community=community, held_on=today - timedelta(days=40))
    for i in range(max(1, n // 2)):
        MatchFactory(marketplace=marketplace, status=["delivered", "pending", "dropped"][i % 3])
    return people


@pytest.fixture
def dashboard_url(community):
    return f"/c/{community.slug}/dashboard/"


def test_every_member_sees_the_dashboard_with_its_charts(participant_client, community, dashboard_url):
    _fill(community, 6)
    response = participant_client.get(dashboard_url)
    assert response.status_code == 200
    parsed = ChartParser()
    parsed.feed(response.text)
    assert set(parsed.bars) == set(CHARTS)
    for key in CHARTS:
        role, labelled = parsed.svg_roles[key]
        assert role == "img" and labelled == f"chart-{key}-t chart-{key}-d"
        assert parsed.titles[key]
    assert '<desc id="chart-returns-d">' in response.text
    assert 'id="export-title"' not in response.text and "/export/" not in response.text  # for facilitators


def test_charts_numbers_equal_the_tables_numbers(participant_client, community, dashboard_url):
    _fill(community, 8)
    parsed = ChartParser()
    parsed.feed(participant_client.get(dashboard_url).text)
    for key in CHARTS:
        drawn = parsed.bars[key]
        table = {cell: value for cell, value in parsed.cells[key].items() if value}
        assert drawn == table, key
        assert drawn, key  # every chart has something drawn with this data


def test_charts_show_returns_by_kind_with_marketplace_matches(community):
    from impact import dashboard

    people = _fill(community, 4)
    ReturnEntryFactory(community=community, kind="relationship", people=people[:3],
                       happened_on=timezone.localdate())
    data = dashboard.community_dashboard(community=community)
    chart = data["returns_chart"]
    assert [s.label for s in chart.series] == ["Concreet resultaat", "Relatierendement", "Slipstream-rendement",
                                               "Leerrendement", "Beursvloermatches"]
    assert sum(sum(v or 0 for v in s.values) for s in chart.series[:4]) == 5
    # Only the delivered match is concrete return (pending and dropped ones used to count too).
    assert sum(chart.series[4].values) == 1
    assert data["return_totals"]["count"] == 5 + 1
    assert data["marketplace_chart"].series[0].values == [1, 1, 0]


def test_attendance_is_shown_per_plenary_and_sector(community):
    from impact import dashboard

    a = MembershipFactory(community=community, sector="resident")
    b = MembershipFactory(community=community, sector="church")
    starts = timezone.now() - timedelta(days=3)
    meeting = MeetingFactory(community=community, starts_at=starts, ends_at=starts + timedelta(hours=2),
                             attendance_recorded_at=starts)
    Attendance.objects.create(meeting=meeting, membership=a)
    Attendance.objects.create(meeting=meeting, membership=b)
    chart = dashboard.community_dashboard(community=community)["attendance_chart"]
    assert {s.label: s.values for s in chart.series} == {"Inwoner": [1], "Kerk": [1]}


def test_reflection_share_reuses_the_lessons_balance(community):
    from impact import dashboard

    workgroup = WorkgroupFactory(community=community)
    today = timezone.localdate()
    done = ActivityFactory(workgroup=workgroup, happened_on=today)
    ActivityFactory(workgroup=workgroup, happened_on=today)
    ReflectionFactory(activity=done, community=community)
    chart = dashboard.community_dashboard(community=community)["reflection_chart"]
    assert chart.series[0].values[-1] == 50
    assert [values[-1] for _label, values in chart.extra] == [2, 1]


def test_dashboard_costs_the_same_queries_for_few_and_many_rows(participant_client, community, dashboard_url,
                                                                django_assert_num_queries):
    _fill(community, 2)
    participant_client.get(dashboard_url)
    with CaptureQueriesContext(connection) as few:
        participant_client.get(dashboard_url)
    _fill(community, 25, offset=3)
    with django_assert_num_queries(len(few)):
        assert participant_client.get(dashboard_url).status_code == 200


def test_dashboard_of_an_empty_community_says_there_is_nothing_yet(participant_client, dashboard_url):
    response = participant_client.get(dashboard_url)
    assert response.status_code == 200
    assert "Er is nog geen aanwezigheid van plenaire bijeenkomsten vastgelegd." in response.text


def test_facilitator_sees_the_export_links(facilitator_client, community, dashboard_url):
    """Excel first and CSV beside it; each link names its export for screen readers."""
    response = facilitator_client.get(dashboard_url)
    for kind in ("members", "attendance", "returns", "contributions"):
        assert f'href="/c/{community.slug}/export/{kind}.csv?format=xlsx" download>Excel (.xlsx)' in response.text
        assert f'href="/c/{community.slug}/export/{kind}.csv" download>CSV' in response.text
    assert '<span class="visually-hidden"> – Leden</span>' in response.text


def test_dashboard_is_in_the_community_menu(participant_client, community, dashboard_url):
    response = participant_client.get(f"/c/{community.slug}/")
    assert f'href="{dashboard_url}"' in response.text
