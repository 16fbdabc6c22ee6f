import uuid
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import translation

from lg_portal import outbox
from lg_portal.common.links import absolute

from .models import User


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        """The client's address for the rate limits: REMOTE_ADDR, or with LG_TRUSTED_PROXY_COUNT set the
        address the last trusted proxy saw (allauth reads X-Forwarded-For from the right). A request
        with fewer addresses than proxies did not come through them all: its REMOTE_ADDR counts."""
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            return request.META.get("REMOTE_ADDR") or "unknown"

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.name = form.cleaned_data.get("name") or user.name
        user.language = translation.get_language() or user.language
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        """Account emails (confirm your address, reset your password) go through the outbox like every
        other email: the request that asks for one writes a row, the worker sends it."""
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        # allauth builds its links on the host the request came in on; every email of the portal links
        # to SITE_URL, whatever host or port the asking request used.
        context = {key: _on_site(value) if isinstance(value, str) and value.startswith(("http://", "https://"))
                   else value for key, value in context.items()}
        message = self.render_mail(template_prefix, email, {
            "request": request, "email": email, "current_site": get_current_site(request), **context})
        html = next((body for body, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
        if not html:  # allauth writes text only: the HTML part is that text on the portal's one email layout
            html = render_to_string("emails/account.html", {"text": message.body})
        outbox.enqueue_rendered(
            key=f"account:{template_prefix.rsplit('/', 1)[-1]}:{uuid.uuid4().hex}", kind="account", to=email,
            user=User.objects.filter(email__iexact=email, is_active=True).first(),
            subject=message.subject, text=message.body, html=html)


def _on_site(url: str) -> str:
    parts = urlsplit(url)
    return absolute(parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else ""))
