"""`{{ value|day }}`, `{{ value|day:"D j M, H:i" }}`: a date with the year when it is not this year and
short months as the language writes them (lg_portal.common.dates). A builtin: no {% load %} needed."""

from django import template

from lg_portal.common.dates import day as _day

register = template.Library()


@register.filter(expects_localtime=False)
def day(value, fmt="j F"):
    return _day(value, fmt)
