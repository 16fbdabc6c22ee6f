"""Results per marketplace and over the years; the printable list and the match list as CSV and .xlsx;
the home panel; the selector the return ledger will read."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from marketplace.selectors import match_totals_for_community, matches_for_community, results_for_marketplace

from .factories import EntryFactory, MarketplaceFactory, MatchFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(community, marketplace):
    """Two earlier years and the coming one (the `marketplace` fixture, no matches yet)."""
    wg = marketplace.workgroup
    y1 = MarketplaceFactory(community=community, workgroup=wg, title="Beursvloer 2024", held_on=date(2024, 10, 3))
    y2 = MarketplaceFactory(community=community, workgroup=wg, title="Beursvloer 2025", held_on=date(2025, 10, 2))
    for i in range(3):
        MatchFactory(marketplace=y1, value_eur=Decimal("1000"), status=["delivered", "delivered", "dropped"][i])
    MatchFactory(marketplace=y2, value_eur=Decimal("250.50"), status="delivered")
    MatchFactory(marketplace=y2, value_eur=Decimal("749.50"), status="pending")
    EntryFactory(marketplace=y2, side="need")  # confirmed, unmatched
    EntryFactory(marketplace=y2, side="offer", confirmed_at=None)  # does not count
    EntryFactory(marketplace=marketplace, side="need")
    return y1, y2


def test_totals_per_marketplace(history):
    y1, y2 = history
    r1 = results_for_marketplace(marketplace=y1)
    assert (r1.entries, r1.matches, r1.value, r1.delivered, r1.dropped, r1.pending) == (6, 3, 3000, 2, 1, 0)
    assert r1.delivery_rate == 67
    r2 = results_for_marketplace(marketplace=y2)
    assert (r2.entries, r2.needs, r2.offers, r2.matches, r2.value) == (5, 3, 2, 2, Decimal("1000.00"))
    assert r2.delivered_value == Decimal("250.50") and r2.delivery_rate == 50


def test_totals_over_the_years_on_the_overview(participant_client, community, marketplace, history):
    response = participant_client.get(f"/c/{community.slug}/marketplace/")
    years = dict(response.context["years"])
    assert sorted(years) == [2024, 2025, marketplace.held_on.year]
    assert years[2024].matches == 3 and years[2025].value == Decimal("1000.00")
    total = response.context["total"]
    assert (total.entries, total.matches, total.value, total.delivered) == (12, 5, Decimal("4000.00"), 3)
    assert total.delivery_rate == 60
    assert "€ 4.000" in response.text and "60%" in response.text


def test_results_on_the_community_home_panel(participant_client, community, history):
    response = participant_client.get(f"/c/{community.slug}/")
    assert response.status_code == 200
    assert "Beursvloer 2025: 5 inschrijvingen, 2 matches ter waarde van € 1.000" in response.text
    assert "samen 5 matches, € 4.000" in response.text
    assert "Volgende:" in response.text
    assert f'href="/c/{community.slug}/marketplace/"' in response.text  # the community menu


def test_no_panel_without_marketplaces(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/")
    assert 'id="mp-panel-title"' not in response.text


def test_selector_for_the_return_ledger(community, other_community, history):
    MatchFactory(marketplace=MarketplaceFactory(community=other_community, workgroup__community=other_community))
    assert matches_for_community(community=community).count() == 5
    totals = match_totals_for_community(community=community)
    assert totals == {"matches": 5, "value": Decimal("4000.00"), "delivered": 3,
                      "delivered_value": Decimal("2250.50"), "open": 1, "open_value": Decimal("749.50"),
                      "dropped": 1, "dropped_value": Decimal("1000.00")}


def test_csv_export_has_a_bom_and_keeps_accents_and_quotes(core_client, organiser, marketplace):
    MatchFactory(marketplace=marketplace, need__organisation="Stichting Taalcafé", need__phone="0548 1",
                 offer__organisation='Bakkerij "De Korenschoof", Nijverdal', what="Brood, elke week\nvoor de inloop",
                 value_eur=Decimal("1234.5"))
    response = core_client.get(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))  # Dutch: semicolons
    assert rows[0][:3] == ["Nummer", "Vraag: organisatie", "Vraag: contactpersoon"]
    assert rows[1][1] == "Stichting Taalcafé"
    assert rows[1][6] == 'Bakkerij "De Korenschoof", Nijverdal'
    assert rows[1][11] == "Brood, elke week\nvoor de inloop"
    assert rows[1][12] == "1234,50" and rows[1][14] == "Loopt nog"
    assert len(rows) == 2


def test_csv_export_defuses_what_the_public_typed_as_a_formula(core_client, organiser, marketplace):
    """Organisations enter themselves on a public form: '=HYPERLINK(...)' must reach a spreadsheet as
    text (the portal's one spreadsheet writer, lg_portal.common.exports)."""
    MatchFactory(marketplace=marketplace, need__organisation='=HYPERLINK("http://evil.example","klik")',
                 need__contact_name="@SUM(A1)")
    response = core_client.get(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches.csv")
    row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))[1]
    assert row[1] == "'=HYPERLINK(\"http://evil.example\",\"klik\")" and row[2] == "'@SUM(A1)"


def test_match_list_as_xlsx_has_numbers_dates_and_euros(core_client, organiser, marketplace):
    MatchFactory(marketplace=marketplace, need__organisation="Stichting Taalcafé", value_eur=Decimal("1234.5"),
                 due_on=date(2026, 11, 30), what="Brood, elke week\nvoor de inloop")
    MatchFactory(marketplace=marketplace, value_eur=Decimal("0"))
    response = core_client.get(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches.csv"
                               "?format=xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="matches-{marketplace.held_on:%Y-%m-%d}.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, first, second = list(sheet.iter_rows())
    assert header[0].value == "Nummer" and header[0].font.b and sheet.freeze_panes == "A2"
    assert first[0].value == 1 and second[0].value == 2
    assert first[1].value == "Stichting Taalcafé" and first[11].alignment.wrap_text
    assert first[12].value == 1234.5 and isinstance(first[12].value, float) and "€" in first[12].number_format
    assert second[12].value == 0 and "€" in second[12].number_format
    assert first[13].is_date and first[13].value.date() == date(2026, 11, 30)
    assert second[13].is_date
    assert sheet.column_dimensions["B"].width >= len("Stichting Taalcafé")


def test_match_list_link_offers_excel_and_csv(core_client, organiser, marketplace):
    response = core_client.get(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/")
    base = f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches.csv"
    assert f'href="{base}?format=xlsx" download>Excel (.xlsx)' in response.text
    assert f'href="{base}" download>CSV' in response.text


def test_printable_match_list(core_client, organiser, marketplace):
    MatchFactory(marketplace=marketplace, need__organisation="Stichting Taalcafé", offer__organisation="ICT Kuipers",
                 value_eur=Decimal("1500"))
    response = core_client.get(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches/print/")
    assert response.status_code == 200
    assert "Stichting Taalcafé" in response.text and "ICT Kuipers" in response.text
    assert "1 match, samen € 1.500" in response.text
    assert 'class="marketplace-print"' in response.text
