"""CSV exports for facilitators: members, attendance, returns and contributions. UTF-8 with a byte order
mark, every field quoted, accents intact; a participant gets 403."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from impact import services as return_services
from impact.tests.factories import ContributionFactory, ReturnEntryFactory
from marketplace.tests.factories import MarketplaceFactory, MatchFactory
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

KINDS = ["members", "attendance", "returns", "contributions"]


def _rows(response):
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark spreadsheet programs look for
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def _get(client, community, kind):
    return client.get(f"/c/{community.slug}/export/{kind}.csv")


@pytest.mark.parametrize("kind", KINDS)
def test_participant_may_not_export(participant_client, community, kind):
    assert _get(participant_client, community, kind).status_code == 403


@pytest.mark.parametrize("kind", KINDS)
def test_coordinator_may_not_export_either(coordinator_client, community, kind):
    assert _get(coordinator_client, community, kind).status_code == 403


def test_unknown_export_is_404(facilitator_client, community):
    assert _get(facilitator_client, community, "passwords").status_code == 404


def test_members_export_keeps_accents_and_quotes_every_field(facilitator_client, community, participant):
    participant.user.name = 'Zoë "Zus" Coëlho, jr.'
    participant.user.save()
    participant.organisation = "Bakkerij Smit; Café 't Hoekje"
    participant.save()
    return_services.return_expectation_save(membership=participant, kinds=["relations"], own_words="Één lijn\nkorter")
    response = _get(facilitator_client, community, "members")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="{community.slug}-members-')
    assert b'"Zo\xc3\xab ""Zus"" Co\xc3\xablho, jr."' in response.content  # quoted, quotes doubled, UTF-8
    rows = _rows(response)
    assert rows[0][:3] == ["Naam", "E-mailadres", "Rollen"]
    row = next(r for r in rows if r[0].startswith("Zoë"))
    assert row[4] == "Bakkerij Smit; Café 't Hoekje"
    assert row[9] == "Betere relaties" and row[10] == "Één lijn\nkorter"


def test_attendance_export_lists_who_was_where(facilitator_client, community, participant):
    starts = timezone.now() - timedelta(days=3)
    meeting = MeetingFactory(community=community, title="Plenaire bij Anouk", starts_at=starts,
                             ends_at=starts + timedelta(hours=2))
    Attendance.objects.create(meeting=meeting, membership=participant)
    rows = _rows(_get(facilitator_client, community, "attendance"))
    assert rows[1] == [timezone.localdate(starts).isoformat(), "Plenaire bij Anouk", "Plenaire bijeenkomst",
                       "Pia Participant", "Inwoner"]


def test_returns_export_has_the_ledger_and_the_marketplace_matches(facilitator_client, community, participant,
                                                                   core_member):
    ReturnEntryFactory(community=community, kind="relationship", title="Kerk en corporatie", people=[participant,
                       core_member], value_eur=Decimal("12.5"), hours=Decimal("2"), organisations="Reggewonen")
    MatchFactory(marketplace=MarketplaceFactory(community=community), what="Laptops", value_eur=Decimal("1500"))
    rows = _rows(_get(facilitator_client, community, "returns"))
    assert len(rows) == 3
    ledger, match = rows[1], rows[2]
    assert ledger[1:3] == ["Relatierendement", "Kerk en corporatie"]
    assert ledger[4] == "Kees Kern, Pia Participant" and ledger[8:10] == ["12.50", "2.0"]
    assert match[1] == "Concreet resultaat" and match[2] == "Laptops" and match[8] == "1500.00"
    assert match[-1] == "Beursvloer"


def test_contributions_export_says_easy_or_hard(facilitator_client, community):
    ContributionFactory(community=community, source="municipal", category="process_support",
                        amount_eur=Decimal("8000"), in_kind=False, contributor_name="Gemeente Rijssen-Holten")
    ContributionFactory(community=community, description="Koffie en krentenbrood")
    rows = _rows(_get(facilitator_client, community, "contributions"))
    assert rows[0][4] == "Makkelijk of moeilijker te regelen"
    assert rows[1][2:8] == ["Gemeentelijk budget", "Procesbegeleiding", "moeilijker", rows[1][5], "8000.00", "nee"]
    assert rows[2][4:8] == ["makkelijk", "Koffie en krentenbrood", "", "ja"]


def test_cells_that_look_like_formulas_are_defused(facilitator_client, community):
    ReturnEntryFactory(community=community, title="=HYPERLINK(\"http://evil\")", organisations="+31 6 1234")
    rows = _rows(_get(facilitator_client, community, "returns"))
    assert rows[1][2] == "'=HYPERLINK(\"http://evil\")"
    assert rows[1][5] == "'+31 6 1234"


@pytest.mark.parametrize("kind", KINDS)
def test_exports_cost_the_same_queries_for_few_and_many_rows(facilitator_client, community, kind,
                                                             django_assert_num_queries):
    def grow(n):
        for _ in range(n):
            m = MembershipFactory(community=community)
            return_services.return_expectation_save(membership=m, kinds=["concrete"])
            starts = timezone.now() - timedelta(days=5)
            meeting = MeetingFactory(community=community, starts_at=starts, ends_at=starts + timedelta(hours=1))
            Attendance.objects.create(meeting=meeting, membership=m)
            ReturnEntryFactory(community=community, people=[m], recorded_by=m)
            ContributionFactory(community=community, contributor=m, recorded_by=m)

    grow(2)
    _get(facilitator_client, community, kind)
    with CaptureQueriesContext(connection) as few:
        _get(facilitator_client, community, kind)
    grow(20)
    with django_assert_num_queries(len(few)):
        assert _get(facilitator_client, community, kind).status_code == 200
