"""Everything a view fetches goes through the user's memberships: what is not theirs is a 404."""

import functools
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lg_portal.common.cache import community_changed

from .models import Membership


class SteppedOut(Exception):
    """The user was a member of this community and stepped out (or was taken out)."""

    def __init__(self, membership):
        self.membership = membership


def membership_get_for_user(user, slug):
    """The user's membership of the community with this slug, or 404 (also for other communities).
    Raises SteppedOut for someone who stepped out of it: they are told so, and how to come back."""
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("community", "user")
        .filter(user=user, community__slug=slug)
        .first()
    )
    if membership is None:
        raise Http404
    if membership.status == "stepped_out":
        raise SteppedOut(membership)
    return membership


def community_view(*, rule=None, allow_when_stopped=False):
    """Decorate a view taking (request, slug, ...): checks membership (and `rule(membership)`, one of
    the apps' rules, when given: 403 when it says no), sets request.community, request.membership, and
    shows times in the community's time zone. Once a community has stopped it is read-only: a POST is
    refused with a message (unless allow_when_stopped)."""

    def decorator(view):
        @login_required
        @functools.wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            try:
                membership = membership_get_for_user(request.user, slug)
            except SteppedOut as out:
                return render(request, "participants/stepped_out.html",
                              {"former": out.membership, "former_community": out.membership.community}, status=403)
            if rule is not None and not rule(membership):
                raise PermissionDenied
            request.membership = membership
            request.community = membership.community
            if request.method == "POST" and membership.community.is_read_only and not allow_when_stopped:
                messages.error(request, _("Deze lerende gemeenschap is gestopt; je kunt alleen nog lezen."))
                return redirect("community_home", slug)
            timezone.activate(zoneinfo.ZoneInfo(membership.community.time_zone))
            try:
                response = view(request, *args, **kwargs)
            finally:
                timezone.deactivate()
            if request.method == "POST" and response.status_code < 400:
                # Summaries cached for this community (the home's compass checks) are stale now.
                community_changed(membership.community_id)
            return response

        return wrapper

    return decorator
