"""The impact app's rules for its templates: `{% if entry|can_change_return:membership %}`."""

from django import template

from impact import rules

register = template.Library()


@register.filter
def can_change_return(entry, membership) -> bool:
    return rules.can_change_return(membership, entry)


@register.filter
def can_change_contribution(contribution, membership) -> bool:
    return rules.can_change_contribution(membership, contribution)


@register.filter
def can_close_ask(ask, membership) -> bool:
    return rules.can_close_ask(membership, ask)


@register.filter
def can_export(membership) -> bool:
    return rules.can_export(membership)
