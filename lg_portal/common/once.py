"""Submit once: every form rendered through partials/form_fields.html carries a fresh random token
(`_once`). SubmitOnceMiddleware records the token before the view runs, in its own committed row
with a unique key, so a second request with the same token (a double click, Back and send again, two
tabs) is never handed to the view: it is sent where the first one led, with a message. A submission
the view did not accept (the form came back with errors, a refusal, an error) gives its token up, so
correcting the form and sending it again works."""

import re
import uuid
from datetime import timedelta

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

FIELD = "_once"
KEEP = timedelta(days=2)
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


def new_token() -> str:
    return uuid.uuid4().hex


class SubmitOnceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not _TOKEN.match(token):
            return self.get_response(request)
        from lg_portal.models import SubmittedForm

        try:
            with transaction.atomic():
                row = SubmittedForm.objects.create(token=token)
        except IntegrityError:
            return self._again(request, SubmittedForm.objects.filter(token=token).first())
        response = self.get_response(request)
        location = response.get("Location") or response.get("HX-Redirect") or ""
        if location and response.status_code in (200, 301, 302, 303):
            SubmittedForm.objects.filter(pk=row.pk).update(location=location[:500])
        elif not (200 <= response.status_code < 300 and getattr(request, "htmx", False)):
            # Not accepted (a page with the form's errors, a refusal, an error): the token may be sent
            # again. An htmx answer keeps it: its fragment holds a fresh token either way.
            SubmittedForm.objects.filter(pk=row.pk).delete()
        return response

    @staticmethod
    def _again(request, row):
        if getattr(request, "htmx", False):
            return HttpResponse(status=204)  # htmx leaves the page as the first answer made it
        messages.info(request, _("Dit formulier was al verstuurd; het is één keer verwerkt."))
        location = row.location if row is not None and row.location else ""
        if not location:  # the first is still being handled: back to where the form was
            referer = request.META.get("HTTP_REFERER", "")
            safe = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure())
            location = referer if safe else "/"
        return redirect(location)


# The same text by the same person in the same place within this time is taken as sent again (Back and
# send, a form reloaded and sent with what the browser kept), not as a second post: the first is kept.
SAME_AGAIN = timedelta(minutes=10)


def sent_just_before(queryset, *, now, field: str = "created_at"):
    """The row this person just made with the same content (`queryset` narrowed to author, place and
    text), or None: what a create service returns instead of a duplicate."""
    return queryset.filter(**{f"{field}__gte": now - SAME_AGAIN, f"{field}__lte": now}).order_by(field).first()


def forget_old(*, now=None) -> dict[str, int]:
    """The purge: tokens older than two days (a form is not sent twice after that)."""
    from lg_portal.models import SubmittedForm

    now = now or timezone.now()
    return {"submitted_forms": SubmittedForm.objects.filter(created_at__lt=now - KEEP).delete()[0]}
