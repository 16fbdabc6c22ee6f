from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def home_panels(request) -> list[dict]:
    """The community home: what waits for an answer, and the latest intermediate steps. Two queries."""
    from . import selectors

    membership = getattr(request, "membership", None)
    if membership is None:
        return []
    return [
        {"template": "workgroups/_home_waiting.html",
         "wg_waiting": list(selectors.waiting_visible_to(membership=membership, now=timezone.now())[:10])},
        {"template": "workgroups/_home_updates.html",
         "wg_updates": list(selectors.updates_visible_to(membership=membership)[:5])},
    ]


# The community menu's entries (url name taking the community slug, label), registered in apps.py.
NAV_ITEMS = [
    ("workgroup_list", _("Werkgroepen")),
    ("post_list", _("Vragen en ideeën")),
    ("community_overview", _("Wat er gebeurt")),
]
