"""The mailbox: every email the portal sent (and what waits in the outbox), readable in the browser.

Only with DEBUG on (`make run`): a newcomer trying the demo reads the invitation, the reminder or the
nudge the scheduler just sent, and follows its links from there. Built on the outbox, the portal's one
mail path, so it shows each email exactly as the mail server gets it (`outbox.as_email`). With DEBUG
off every page here answers 404. Nothing changes on any of them: they only read.
"""

import re
from email.header import decode_header, make_header
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.csp import CSP
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from .models import OutboxMessage
from .outbox import as_email

PER_PAGE = 50
# Headers every email has, shown above the message on their own lines.
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)
_SHOWN_APART = {"subject", "from", "to", "date", "content-type", "mime-version", "content-transfer-encoding"}


LOOPBACK = {"127.0.0.1", "::1"}


def mailbox_open(request) -> bool:
    return settings.DEBUG and (request.META.get("REMOTE_ADDR") in LOOPBACK or request.user.is_staff)


def debug_only(view):
    """DEBUG on, and the visitor on this machine (what `make run` serves) or staff: a DEBUG instance that
    others can reach (a shared development box) must not show everyone the password-reset links."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not mailbox_open(request):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def context(request):
    """Context processor: the footer links to the mailbox when there is one."""
    return {"mailbox_on": mailbox_open(request)}


def _decoded(value: str) -> str:
    return str(make_header(decode_header(value)))


@require_safe
@debug_only
def mailbox(request):
    """Newest first, 50 a page, with a filter on the recipient and the kind: two queries a page."""
    messages = OutboxMessage.objects.defer("text", "html", "headers").order_by("-created_at", "-pk")
    to, kind = request.GET.get("to", "").strip(), request.GET.get("kind", "").strip()
    if to:
        messages = messages.filter(Q(to__icontains=to) | Q(user__name__icontains=to))
    if kind:
        messages = messages.filter(kind=kind)
    page = Paginator(messages, PER_PAGE).get_page(request.GET.get("page"))
    kinds = OutboxMessage.objects.order_by("kind").values_list("kind", flat=True).distinct()
    query = urlencode({key: value for key, value in (("to", to), ("kind", kind)) if value})
    return render(request, "lg_portal/mailbox.html",
                  {"page": page, "to": to, "kind": kind, "kinds": kinds, "query": query})


@require_safe
@debug_only
def mailbox_message(request, message_id):
    message = get_object_or_404(OutboxMessage, pk=message_id)
    email = as_email(message).message()
    headers = [(name, _decoded(value)) for name, value in email.items() if name.lower() not in _SHOWN_APART]
    return render(request, "lg_portal/mailbox_message.html", {
        "message": message, "sender": _decoded(email["From"]), "headers": headers,
    })


# The HTML part is shown in a sandboxed frame (no scripts run, links open in the whole window). Its own
# policy allows what emails use: inline styles and images from anywhere.
@require_safe
@debug_only
@xframe_options_sameorigin
@csp_override({"default-src": [CSP.NONE], "style-src": [CSP.UNSAFE_INLINE], "img-src": ["*", "data:"],
               "frame-ancestors": [CSP.SELF]})
def mailbox_html(request, message_id):
    message = get_object_or_404(OutboxMessage, pk=message_id)
    if not message.html:
        raise Http404
    base = '<base target="_top">'
    html, found = _HEAD.subn(lambda m: m.group(0) + base, message.html, count=1)
    return HttpResponse(html if found else base + html, content_type="text/html; charset=utf-8")


@require_safe
@debug_only
def mailbox_source(request, message_id):
    """The message as the mail server gets it: headers encoded, parts transfer-encoded."""
    message = get_object_or_404(OutboxMessage, pk=message_id)
    return HttpResponse(as_email(message).message().as_bytes(), content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("", mailbox, name="mailbox"),
    path("<int:message_id>/", mailbox_message, name="mailbox_message"),
    path("<int:message_id>/html/", mailbox_html, name="mailbox_html"),
    path("<int:message_id>/source/", mailbox_source, name="mailbox_source"),
]
