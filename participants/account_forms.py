"""allauth's forms in the portal's words (settings.ACCOUNT_FORMS): the labels, help and placeholders are
the portal's own strings (Dutch source, English in locale/en), so the login page says "Inloggen" and
"je", never allauth's Dutch ("Aanmelden", "Uw"). The fields and what they check stay allauth's."""

from allauth.account import forms as allauth_forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

LABELS = {
    "login": _("E-mailadres"),
    "email": _("E-mailadres"),
    "password": _("Wachtwoord"),
    "oldpassword": _("Huidig wachtwoord"),
    "remember": _("Ingelogd blijven op dit apparaat"),
}
NEW_PASSWORD = {"password1": _("Wachtwoord"), "password2": _("Wachtwoord (nog een keer)")}
CHANGED_PASSWORD = {"password1": _("Nieuw wachtwoord"), "password2": _("Nieuw wachtwoord (nog een keer)")}
MISMATCH = _("Typ twee keer hetzelfde wachtwoord.")
ALLAUTH_MISMATCH = "You must type the same password each time."  # allauth's msgid, in allauth's catalogue


class PortalWords:
    """Relabel allauth's fields; the new password's help is the portal's password rules."""

    labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = self.labels.get(name) or LABELS.get(name)
            if label:
                field.label = label
            field.widget.attrs.pop("placeholder", None)
            if name == "password1":
                field.help_text = password_validation.password_validators_help_text_html()
            elif name in ("password", "oldpassword", "password2"):
                field.help_text = ""

    def clean(self):
        # allauth's one sentence of its own in these forms; the others come from the adapter and the validators
        cleaned = super().clean()
        if "password2" in self._errors:
            theirs = gettext(ALLAUTH_MISMATCH)
            self._errors["password2"] = self.error_class(
                [str(MISMATCH) if message == theirs else message for message in self._errors["password2"]],
                renderer=self.renderer)
        return cleaned


class LoginForm(PortalWords, allauth_forms.LoginForm):
    pass


class SignupForm(PortalWords, allauth_forms.SignupForm):
    labels = NEW_PASSWORD


class AddEmailForm(PortalWords, allauth_forms.AddEmailForm):
    pass


class ChangePasswordForm(PortalWords, allauth_forms.ChangePasswordForm):
    labels = CHANGED_PASSWORD


class SetPasswordForm(PortalWords, allauth_forms.SetPasswordForm):
    labels = NEW_PASSWORD


class ResetPasswordForm(PortalWords, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(PortalWords, allauth_forms.ResetPasswordKeyForm):
    labels = CHANGED_PASSWORD


class ReauthenticateForm(PortalWords, allauth_forms.ReauthenticateForm):
    pass
