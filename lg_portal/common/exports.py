"""The one way the portal writes a spreadsheet for download, as Excel (.xlsx) or as CSV, for every app.

Callers hand over typed values (str, int, Decimal, `Euro`, date, datetime, bool, None), never text they
formatted themselves: only here is it decided how a number or a date reaches the spreadsheet program.

- `.xlsx` carries the types itself: numbers and euro amounts are number cells (amounts with a euro
  number format), dates are date cells, so Dutch and English Excel and LibreOffice read them alike.
- CSV has no types, and Excel reads a double-clicked CSV with the separators of the computer's region.
  So the CSV follows the user's language: in Dutch `;` between fields and a decimal comma (what Dutch
  Excel expects; with `,` it shows one column and amounts as text), in English `,` and a decimal point.
  Dates are ISO (`2026-03-15`): LibreOffice reads them as dates in Dutch and in English (measured), as
  Excel does with ISO dates in every region. UTF-8 with a byte order mark (Excel then keeps the
  accents), every field quoted (LibreOffice still reads a quoted number as a number, as Excel does).
- Some of what is exported was typed in by people outside the portal (the public marketplace form).
  Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return)
  is defused, whatever the column: in CSV with a leading apostrophe (OWASP's advice), in .xlsx by
  writing it as a text cell with Excel's own "quote prefix" (what Excel does when one types '=1), so it
  stays text even when someone edits the cell. Numbers are written as numbers and never touched: a
  negative amount stays a number.
"""

import csv
import io
import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CSV, XLSX = "csv", "xlsx"
FORMATS = (CSV, XLSX)
CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# (field separator, decimal separator) per language; a language not listed writes the English way.
CSV_SEPARATORS = {"nl": (";", ",")}
CSV_DEFAULT_SEPARATORS = (",", ".")

# Number format codes are stored the same in every locale ("." decimal, "," thousands); Excel and
# LibreOffice show them in the reader's own: "€ 1.234,50" in Dutch, "€ 1,234.50" in English.
EURO_FORMAT = '"€" #,##0.00;"€" -#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MIN_WIDTH, MAX_WIDTH = 8, 60
CENT = Decimal("0.01")


class Euro(Decimal):
    """An amount in euros. Still a Decimal (sums and comparisons work), but the writer knows to show it
    with two decimals and, in .xlsx, the euro number format."""

    __slots__ = ()


def money(value) -> Euro | None:
    """The one way a caller marks an amount as euros; None (unknown) stays an empty cell."""
    return None if value is None else Euro(value)


def requested_format(request) -> str:
    """The format a download link asks for: `?format=xlsx`, or CSV when it says nothing (the links in
    emails and bookmarks from before the .xlsx keep working). Anything else is a page that is not there."""
    fmt = request.GET.get("format", CSV)
    if fmt not in FORMATS:
        raise Http404
    return fmt


def spreadsheet_response(*, stem: str, header: Sequence, rows: Iterable[Sequence], fmt: str,
                         language: str) -> HttpResponse:
    """The download `<stem>.csv` or `<stem>.xlsx`: the header row, then one line per row. `language` is
    the user's (`translation.get_language()`); it decides the CSV's separators and the words for yes/no
    come from the active translation. Rows are read once; they may be a generator."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown spreadsheet format {fmt!r}")
    header = [str(h) for h in header]
    body = _xlsx(header, rows) if fmt == XLSX else _csv(header, rows, language=language)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


def _is_number(value) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return False
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


def _plain(value):
    """Everything that is not a number or a date, as the text a person should read."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    return str(value)


def _naive_local(value: datetime) -> datetime:
    """Spreadsheets know no time zones: a moment is written as the wall-clock time of the portal's
    active time zone (the community's, where a view activated it)."""
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


# --- CSV ------------------------------------------------------------------------------------------------

def csv_cell(value, *, decimal: str = ".") -> str:
    """One value as CSV text. Public so the rule can be tested without a request."""
    if _is_number(value):
        if isinstance(value, Euro):
            text = format(Decimal(value).quantize(CENT), "f")
        elif isinstance(value, int):
            text = str(value)
        else:
            text = format(Decimal(str(value)) if isinstance(value, float) else value, "f")
        return text.replace(".", decimal)
    if isinstance(value, datetime):
        return f"{_naive_local(value):%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    text = _plain(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv(header, rows, *, language: str) -> bytes:
    delimiter, decimal = CSV_SEPARATORS.get((language or "").split("-")[0].lower(), CSV_DEFAULT_SEPARATORS)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL)
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v, decimal=decimal) for v in row])
    return out.getvalue().encode("utf-8")


# --- .xlsx ----------------------------------------------------------------------------------------------

def _xlsx_value(value):
    """(value, number format, is text) for one cell; no value and empty text are an empty cell."""
    if _is_number(value):
        if isinstance(value, Euro):
            return Decimal(value).quantize(CENT), EURO_FORMAT, False
        return value, None, False
    if isinstance(value, datetime):
        return _naive_local(value), DATETIME_FORMAT, False
    if isinstance(value, date):
        return value, DATE_FORMAT, False
    text = ILLEGAL_CHARACTERS_RE.sub("", _plain(value))
    return (text, None, True) if text else (None, None, False)


def _width(value, number_format) -> int:
    if value is None:
        return 0
    if number_format == EURO_FORMAT:
        return len(f"€ {value:,.2f}")
    if number_format in (DATE_FORMAT, DATETIME_FORMAT):
        return len(number_format)
    return max((len(line) for line in str(value).splitlines()), default=0)


def _xlsx(header, rows) -> bytes:
    """Write-only openpyxl: cells are streamed, not kept as objects. Column widths must be set before
    the first row, so the rows are converted first (an export is one community's data)."""
    converted = [[_xlsx_value(v) for v in row] for row in rows]
    widths = [len(h) for h in header]
    for row in converted:
        for i, (value, number_format, _text) in enumerate(row):
            if i < len(widths):
                widths[i] = max(widths[i], _width(value, number_format))
            else:
                widths.append(_width(value, number_format))

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    sheet.append([_text_cell(sheet, h, font=bold) for h in header])
    for row in converted:
        sheet.append([_cell(sheet, *cell, wrap=wrap) for cell in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cell(sheet, value, number_format, is_text, *, wrap):
    if is_text:
        return _text_cell(sheet, value, alignment=wrap if "\n" in value else None)
    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    return cell


def _text_cell(sheet, text: str, *, font=None, alignment=None):
    """A text cell that stays text: openpyxl would store "=..." as a formula and "#N/A" as an error."""
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell
