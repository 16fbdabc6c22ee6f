"""One email to one person, in their language: never a cc list."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def send_personal(*, to: str, template: str, context: dict, language: str | None = None,
                  headers: dict | None = None) -> None:
    """Render templates/emails/<template>.subject.txt, .txt and .html in `language` and send them
    to the single address `to`."""
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        ctx = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"emails/{template}.subject.txt", ctx).split())
        text = render_to_string(f"emails/{template}.txt", ctx)
        html = render_to_string(f"emails/{template}.html", ctx)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to], headers=headers or {})
    message.attach_alternative(html, "text/html")
    message.send()
