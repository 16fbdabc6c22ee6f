"""Links that leave the portal, in templates: on SITE_URL (lg_portal.common.links), not on whatever host
the request came in on, so the calendar link a person copies is the one the emails and feeds use."""

import re

from django import template
from django.urls import reverse

from lg_portal.common.links import absolute

register = template.Library()


@register.simple_tag
def absolute_url(name, *args):
    return absolute(reverse(name, args=args))


@register.filter
def webcal(url: str) -> str:
    """The same address for calendar programs that subscribe on a click (webcal://)."""
    return re.sub(r"^https?://", "webcal://", url)
