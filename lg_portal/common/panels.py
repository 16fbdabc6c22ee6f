"""The community home shows panels that the other apps fill; each app has `panels.home_panels(request)`
returning a list of {"template": ..., **context}. Each provider must cost a fixed number of queries."""

from django.utils.module_loading import import_string

PROVIDERS = [
    "participants.panels.home_panels",
    "meetings.panels.home_panels",
    "workgroups.panels.home_panels",
    "lessons.panels.home_panels",
    "marketplace.panels.home_panels",
]


def home_panels(request) -> list[dict]:
    panels = []
    for dotted in PROVIDERS:
        panels.extend(import_string(dotted)(request))
    return panels


NAV_PROVIDERS = ["participants.panels.NAV_ITEMS", "meetings.panels.NAV_ITEMS", "workgroups.panels.NAV_ITEMS", "lessons.panels.NAV_ITEMS",
                 "marketplace.panels.NAV_ITEMS"]


def community_nav(request):
    """Context processor: the community's menu, one entry per app page (url name, label)."""
    community = getattr(request, "community", None)
    if community is None:
        return {}
    from django.urls import reverse

    current = request.resolver_match.url_name if request.resolver_match else None
    items = []
    for dotted in NAV_PROVIDERS:
        for url_name, label in import_string(dotted):
            items.append({"url": reverse(url_name, args=[community.slug]), "label": label,
                          "current": url_name == current})
    return {"community_nav_items": items}


def settings_sections() -> list[str]:
    return [t for app in ("participants", "meetings", "workgroups", "lessons", "marketplace") for t in import_string(f"{app}.panels.SETTINGS_TEMPLATES")]
