"""The portal's one spreadsheet writer, read back as the clients read it: .xlsx through openpyxl (the
types Excel and LibreOffice see), CSV as Dutch and English Excel split it (`;` and decimal comma in
Dutch, `,` and point in English), and every start of a formula defused in both."""

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from openpyxl import load_workbook

from lg_portal.common.exports import EURO_FORMAT, csv_cell, money, requested_format, spreadsheet_response

HEADER = ["Naam", "Bedrag", "Aantal", "Uren", "Datum", "Moment", "In natura", "Leeg"]
ROW = ["Zoë Coëlho; jr.", money(Decimal("1234.5")), 3, Decimal("2.5"), date(2026, 3, 15),
       datetime(2026, 3, 29, 1, 30, tzinfo=UTC), True, None]
FORMULAS = ['=HYPERLINK("http://evil.example","klik")', "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"]


def download(fmt, language="nl", header=HEADER, rows=(ROW,)):
    with translation.override(language):
        return spreadsheet_response(stem="lg-test-export", header=header, rows=rows, fmt=fmt, language=language)


def csv_rows(response, delimiter):
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=delimiter))


def sheet(response):
    return load_workbook(io.BytesIO(response.content)).active


# --- CSV ------------------------------------------------------------------------------------------------

def test_dutch_csv_has_semicolons_decimal_commas_and_iso_dates():
    response = download("csv", "nl")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="lg-test-export.csv"'
    header, row = csv_rows(response, ";")
    assert header == HEADER
    # 01:30 UTC on the night the clocks go forward is 03:30 in Amsterdam (the active time zone).
    assert row == ["Zoë Coëlho; jr.", "1234,50", "3", "2,5", "2026-03-15", "2026-03-29 03:30", "ja", ""]
    assert b'"Zo\xc3\xab Co\xc3\xablho; jr.";"1234,50"' in response.content  # quoted, so the ; is text


def test_english_csv_has_commas_and_decimal_points():
    header, row = csv_rows(download("csv", "en"), ",")
    assert row == ["Zoë Coëlho; jr.", "1234.50", "3", "2.5", "2026-03-15", "2026-03-29 03:30", "yes", ""]


def test_a_language_without_its_own_separators_writes_the_english_way():
    assert csv_rows(download("csv", "de"), ",")[1][1] == "1234.50"


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_defuses_every_start_of_a_formula(text):
    assert csv_cell(text) == "'" + text
    assert csv_rows(download("csv", header=["x"], rows=[[text]]), ";")[1] == ["'" + text]


def test_csv_leaves_numbers_alone_also_negative_ones():
    assert csv_cell(money(Decimal("-12.5")), decimal=",") == "-12,50"
    assert csv_cell(-3) == "-3"
    assert csv_cell(Decimal("-0.5"), decimal=",") == "-0,5"
    assert csv_cell(-1.25) == "-1.25"
    # ... but the same characters typed as text are text.
    assert csv_cell("-12,50") == "'-12,50"


# --- .xlsx ----------------------------------------------------------------------------------------------

def test_xlsx_has_typed_cells_a_bold_frozen_header_and_widths():
    response = download("xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="lg-test-export.xlsx"'
    ws = sheet(response)
    header, row = list(ws.iter_rows())
    assert [c.value for c in header] == HEADER and all(c.font.b for c in header)
    assert ws.freeze_panes == "A2"
    name, amount, count, hours, day, moment, in_kind, empty = row
    assert name.value == "Zoë Coëlho; jr." and name.data_type == "s"
    assert isinstance(amount.value, (int, float)) and amount.value == 1234.5
    assert amount.number_format == EURO_FORMAT
    assert isinstance(count.value, int) and count.value == 3 and count.number_format == "General"
    assert isinstance(hours.value, float) and hours.value == 2.5
    assert day.is_date and day.value == datetime(2026, 3, 15)
    assert moment.is_date and moment.value == datetime(2026, 3, 29, 3, 30)  # Amsterdam wall-clock time
    assert in_kind.value == "ja" and empty.value is None
    assert ws.column_dimensions["A"].width >= len("Zoë Coëlho; jr.")
    assert ws.column_dimensions["B"].width >= len("€ 1.234,50")


def test_xlsx_negative_amount_stays_a_number():
    cell = sheet(download("xlsx", header=["Bedrag"], rows=[[money(Decimal("-12.5"))]]))["A2"]
    assert cell.value == -12.5 and cell.data_type == "n" and cell.number_format == EURO_FORMAT


@pytest.mark.parametrize("text", [*FORMULAS, "#N/A", "=1"])
def test_xlsx_writes_formulas_and_error_codes_as_text(text):
    cell = sheet(download("xlsx", header=["x"], rows=[[text]]))["A2"]
    assert cell.data_type == "s" and cell.value == text.replace("\r", "\n")  # XML reads \r back as \n
    assert cell.quotePrefix == text.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_xlsx_wraps_text_over_several_lines_and_drops_characters_xml_cannot_hold():
    ws = sheet(download("xlsx", header=["x", "y"], rows=[["Brood, elke week\nvoor de inloop", "bel\x0bme"]]))
    assert ws["A2"].value == "Brood, elke week\nvoor de inloop" and ws["A2"].alignment.wrap_text
    assert ws["B2"].value == "belme"


def test_rows_may_be_a_generator():
    rows = ([i, money(i)] for i in range(3))
    assert [c.value for c in sheet(download("xlsx", header=["n", "€"], rows=rows))["A"]] == ["n", 0, 1, 2]


# --- the format in the URL ------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "fmt"), [("", "csv"), ("?format=csv", "csv"), ("?format=xlsx", "xlsx")])
def test_the_link_picks_the_format_and_csv_is_the_default(query, fmt):
    assert requested_format(RequestFactory().get("/export/members.csv" + query)) == fmt


def test_an_unknown_format_is_not_there():
    with pytest.raises(Http404):
        requested_format(RequestFactory().get("/export/members.csv?format=pdf"))
