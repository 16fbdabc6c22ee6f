"""Exports for facilitators: members, attendance, returns and contributions, as CSV (in the user's
language: Dutch `;` and decimal comma, English `,` and point; UTF-8 with a byte order mark, every field
quoted, accents intact) and as .xlsx (`?format=xlsx`: numbers, amounts and dates typed). A participant
gets 403, another community 404."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from impact import services as return_services
from impact.tests.factories import ContributionFactory, ReturnEntryFactory
from marketplace.tests.factories import MarketplaceFactory, MatchFactory
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

KINDS = ["members", "attendance", "returns", "contributions"]


def _rows(response, delimiter=";"):
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark spreadsheet programs look for
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


def _get(client, community, kind, fmt=None):
    return client.get(f"/c/{community.slug}/export/{kind}.csv" + (f"?format={fmt}" if fmt else ""))


def _sheet(response):
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(response.content)).active


@pytest.mark.parametrize("fmt", [None, "xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_participant_may_not_export(participant_client, community, kind, fmt):
    assert _get(participant_client, community, kind, fmt).status_code == 403


@pytest.mark.parametrize("fmt", [None, "xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_coordinator_may_not_export_either(coordinator_client, community, kind, fmt):
    assert _get(coordinator_client, community, kind, fmt).status_code == 403


@pytest.mark.parametrize("fmt", [None, "xlsx"])
def test_facilitator_of_another_community_gets_404(outsider_client, community, fmt):
    assert _get(outsider_client, community, "members", fmt).status_code == 404


def test_unknown_export_is_404(facilitator_client, community):
    assert _get(facilitator_client, community, "passwords").status_code == 404


def test_unknown_format_is_404(facilitator_client, community):
    assert _get(facilitator_client, community, "members", "pdf").status_code == 404


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
    MatchFactory(marketplace=MarketplaceFactory(community=community), what="Laptops", value_eur=Decimal("1500"),
                 status="delivered")
    MatchFactory(marketplace=MarketplaceFactory(community=community), what="Not yet")  # pending: no return
    rows = _rows(_get(facilitator_client, community, "returns"))
    assert len(rows) == 3
    ledger, match = rows[1], rows[2]
    assert ledger[1:3] == ["Relatierendement", "Kerk en corporatie"]
    assert ledger[4] == "Kees Kern, Pia Participant" and ledger[8:10] == ["12,50", "2,0"]  # Dutch: decimal comma
    assert match[1] == "Concreet resultaat" and match[2] == "Laptops" and match[8] == "1500,00"
    assert match[-1] == "Beursvloer"


def test_contributions_export_says_easy_or_hard(facilitator_client, community):
    ContributionFactory(community=community, source="municipal", category="process_support",
                        amount_eur=Decimal("8000"), in_kind=False, contributor_name="Gemeente Rijssen-Holten")
    ContributionFactory(community=community, description="Koffie en krentenbrood")
    rows = _rows(_get(facilitator_client, community, "contributions"))
    assert rows[0][4] == "Makkelijk of moeilijker te regelen"
    assert rows[1][2:8] == ["Gemeentelijk budget", "Procesbegeleiding", "moeilijker", rows[1][5], "8000,00", "nee"]
    assert rows[2][4:8] == ["makkelijk", "Koffie en krentenbrood", "", "ja"]


def test_cells_that_look_like_formulas_are_defused(facilitator_client, community):
    ReturnEntryFactory(community=community, title="=HYPERLINK(\"http://evil\")", organisations="+31 6 1234")
    rows = _rows(_get(facilitator_client, community, "returns"))
    assert rows[1][2] == "'=HYPERLINK(\"http://evil\")"
    assert rows[1][5] == "'+31 6 1234"


@pytest.mark.parametrize("fmt", [None, "xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_exports_cost_the_same_queries_for_few_and_many_rows(facilitator_client, community, kind, fmt,
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
    _get(facilitator_client, community, kind, fmt)
    with CaptureQueriesContext(connection) as few:
        _get(facilitator_client, community, kind, fmt)
    grow(20)
    with django_assert_num_queries(len(few)):
        assert _get(facilitator_client, community, kind, fmt).status_code == 200


def test_csv_in_english_uses_commas_and_a_decimal_point(facilitator_client, facilitator, community):
    facilitator.user.language = "en"
    facilitator.user.save()
    ContributionFactory(community=community, amount_eur=Decimal("8000"), contributed_on=date(2026, 3, 15))
    response = _get(facilitator_client, community, "contributions")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = _rows(response, delimiter=",")
    assert rows[0][0] == "Date" and rows[1][0] == "2026-03-15" and rows[1][6] == "8000.00"


def test_returns_as_xlsx_have_number_and_date_cells_with_the_euro_format(facilitator_client, community,
                                                                           participant):
    ReturnEntryFactory(community=community, title="Kerk en corporatie", value_eur=Decimal("12.5"),
                       hours=Decimal("2.5"), happened_on=date(2026, 3, 15))
    MatchFactory(marketplace=MarketplaceFactory(community=community), value_eur=Decimal("1500"), status="delivered")
    response = _get(facilitator_client, community, "returns", "xlsx")
    assert response["Content-Disposition"].startswith(f'attachment; filename="{community.slug}-returns-')
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = _sheet(response)
    header, ledger, match = list(sheet.iter_rows(max_row=3))
    assert [c.value for c in header][:3] == ["Datum", "Soort", "Wat leverde het op"]
    assert all(c.font.b for c in header) and sheet.freeze_panes == "A2"
    assert ledger[0].is_date and ledger[0].value.date() == date(2026, 3, 15)
    assert ledger[8].value == 12.5 and ledger[8].data_type == "n" and "€" in ledger[8].number_format
    assert ledger[9].value == 2.5 and ledger[9].data_type == "n"
    assert match[8].value == 1500 and "€" in match[8].number_format
    assert match[9].value is None


def test_members_as_xlsx_count_hours_as_numbers(facilitator_client, community, participant):
    participant.hours_per_month = 6
    participant.save()
    sheet = _sheet(_get(facilitator_client, community, "members", "xlsx"))
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "Pia Participant")
    hours = row[header.index("Uren per maand")]
    assert hours.value == 6 and isinstance(hours.value, int)
    assert row[header.index("Lid sinds")].is_date
    assert sheet.column_dimensions["A"].width >= len("Pia Participant")


def test_xlsx_defuses_formulas_as_text_cells(facilitator_client, community):
    ReturnEntryFactory(community=community, title='=HYPERLINK("http://evil")', organisations="+31 6 1234")
    row = _sheet(_get(facilitator_client, community, "returns", "xlsx"))[2]
    assert row[2].value == '=HYPERLINK("http://evil")' and row[2].data_type == "s" and row[2].quotePrefix
    assert row[5].data_type == "s" and row[5].quotePrefix
