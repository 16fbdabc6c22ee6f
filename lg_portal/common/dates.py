"""Dates as the page's language writes them: a year when it is not this year, short months in lower case
in Dutch ("3 dec", "12 okt 2025") and capitalised in English ("3 Dec"). Templates use the `day` filter
(lg_portal/templatetags/dates.py, a builtin), Python `day()`."""

import datetime
import re

from django.utils import formats, timezone
from django.utils.translation import get_language

MONTH = re.compile(r"(?<!\\)[FMbEN](?!.*(?<!\\)[FMbEN])")  # the last month letter of a format


def day(value, fmt: str = "j F") -> str:
    """`value` (a date or an aware datetime, shown in the current time zone) in Django's date format
    `fmt`, written without a year: the year is added after the month when it is not this year."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if (get_language() or "nl").startswith("nl"):
        fmt = re.sub(r"(?<!\\)M", "b", fmt)  # Dutch writes "okt", not "Okt"
    if "Y" not in fmt and value.year != timezone.localdate().year:
        fmt = MONTH.sub(lambda m: m.group(0) + " Y", fmt, count=1)
    return formats.date_format(value, fmt)
