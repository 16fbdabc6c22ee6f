"""`{% submit_once_field %}`: the hidden token that makes a form count once (lg_portal.common.once)."""

from django import template
from django.utils.html import format_html

from lg_portal.common.once import FIELD, new_token

register = template.Library()


@register.simple_tag
def submit_once_field():
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
