def home_panels(request) -> list[dict]:
    """Panels for the community home; see lg_portal.common.panels."""
    return []


# Entries for the community menu: (url name taking the community slug, label).
NAV_ITEMS = []

# Templates included on the personal settings page.
SETTINGS_TEMPLATES = []
