import uuid
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from lg_portal import outbox
from lg_portal.common.links import absolute

from .models import User


class AccountAdapter(DefaultAccountAdapter):
    # allauth's error messages in the portal's words (its Dutch says "u" and "aanmelden")
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("Dit account is niet actief."),
        "cannot_remove_primary_email": _("Je hoofdadres kan niet weg."),
        "duplicate_email": _("Dit e-mailadres hoort al bij je account."),
        "email_password_mismatch": _("Het e-mailadres of het wachtwoord klopt niet."),
        "email_taken": _("Er is al een account met dit e-mailadres."),
        "enter_current_password": _("Typ je huidige wachtwoord."),
        "incorrect_password": _("Het wachtwoord klopt niet."),
        "invalid_or_expired_key": _("Deze link is verlopen of werkt niet."),
        "invalid_login": _("Inloggen lukte niet."),
        "invalid_password_reset": _("De link om een nieuw wachtwoord te kiezen werkt niet meer."),
        "too_many_login_attempts": _("Te vaak een verkeerd wachtwoord. Probeer het over een paar minuten opnieuw."),
        "unknown_email": _("Er is geen account met dit e-mailadres."),
        "unverified_primary_email": _("Je hoofdadres moet bevestigd zijn."),
    }

    def add_message(self, request, *args, **kwargs):
        """A message after logging in is in the language of the person who just logged in, as the page
        they land on is (the login page itself may have been in the browser's other language)."""
        user = getattr(request, "user", None)
        language = user.language if user is not None and user.is_authenticated and user.language else None
        with translation.override(language or translation.get_language()):
            super().add_message(request, *args, **kwargs)

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
