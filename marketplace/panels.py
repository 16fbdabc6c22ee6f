from django.utils.translation import gettext_lazy as _


def home_panels(request) -> list[dict]:
    """The marketplace on the community home: the next one and the results over the years (three
    queries, none when the community has no marketplace)."""
    from .selectors import home_panel_data

    data = home_panel_data(community=request.community)
    if not data:
        return []
    return [{"template": "marketplace/_home_panel.html", **data}]


# Entries for the community menu: (url name taking the community slug, label).
NAV_ITEMS = [("marketplace_index", _("Beursvloer"))]

# Templates included on the personal settings page.
SETTINGS_TEMPLATES = []
