"""The community home's panels, the community menu and the personal settings page's sections: what
the apps registered (lg_portal.registry) from their AppConfig.ready()."""

from django.urls import reverse

from lg_portal import registry


def home_panels(request) -> list[dict]:
    panels = []
    for provider in registry.HOME_PANELS:
        panels.extend(provider(request))
    return panels


def community_nav(request):
    """Context processor: the community's menu, one entry per app page (url name, label)."""
    community = getattr(request, "community", None)
    if community is None:
        return {}
    current = request.resolver_match.url_name if request.resolver_match else None
    return {"community_nav_items": [
        {"url": reverse(item.url_name, args=[community.slug]), "label": item.label,
         "current": item.url_name == current}
        for item in registry.NAV_ITEMS]}


def settings_sections() -> list[str]:
    return list(registry.SETTINGS_SECTIONS)
