from django.utils.translation import gettext_lazy as _


def home_panels(request) -> list[dict]:
    """The marketplace on the community home: the next one and the results over the years (three
    queries, none when the community has no marketplace)."""
    from .selectors import home_panel_data

    data = home_panel_data(community=request.community)
    if not data:
        return []
    return [{"template": "marketplace/_home_panel.html", **data}]


# The community menu's entries (url name taking the community slug, label), registered in apps.py.
NAV_ITEMS = [("marketplace_index", _("Beursvloer"))]
