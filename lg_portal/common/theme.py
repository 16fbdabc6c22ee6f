"""An operator's theme: a published NL Design System token stylesheet (a municipality's theme) loaded
after the portal's own on every page, with its class on <body> (settings LG_THEME_STYLESHEET and
LG_THEME_CLASS; README, "A community's look")."""

from django.conf import settings


def context(request):
    return {"theme_stylesheet": settings.LG_THEME_STYLESHEET, "theme_class": settings.LG_THEME_CLASS}
