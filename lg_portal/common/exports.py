"""The one way the portal writes a spreadsheet (CSV) for download: UTF-8 with a byte order mark
(spreadsheet programs then keep the accents), every field quoted, and cells that a spreadsheet would
run as a formula (starting with =, +, -, @, a tab or a carriage return) defused with a leading
apostrophe, because some of what is exported was typed in by people outside the portal."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext as _

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    text = str(value)
    if text.startswith(FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def money(value) -> str:
    return "" if value is None else f"{value:.2f}"


def day(value) -> str:
    return value.isoformat() if value else ""


def csv_response(*, filename: str, header: list, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, quoting=csv.QUOTE_ALL)
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return response
