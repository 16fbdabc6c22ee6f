"""Django's password validators with the portal's words: the rules and the errors say "je", in the
page's language (Django's Dutch says "Uw", and its new sentences arrive untranslated). What they check
is Django's. Used by settings.AUTH_PASSWORD_VALIDATORS."""

from django.contrib.auth import password_validation as django
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class UserAttributeSimilarityValidator(django.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return _("Dit wachtwoord lijkt te veel op je %(verbose_name)s.")

    def get_help_text(self):
        return _("Je wachtwoord mag niet te veel op je naam of e-mailadres lijken.")


class MinimumLengthValidator(django.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext("Dit wachtwoord is te kort: neem minstens %d teken.",
                        "Dit wachtwoord is te kort: neem minstens %d tekens.", self.min_length) % self.min_length

    def get_help_text(self):
        return ngettext("Je wachtwoord heeft minstens %(min_length)d teken.",
                        "Je wachtwoord heeft minstens %(min_length)d tekens.",
                        self.min_length) % {"min_length": self.min_length}


class CommonPasswordValidator(django.CommonPasswordValidator):
    def get_error_message(self):
        return _("Dit wachtwoord wordt te vaak gebruikt.")

    def get_help_text(self):
        return _("Je wachtwoord is geen veelgebruikt wachtwoord.")


class NumericPasswordValidator(django.NumericPasswordValidator):
    def get_error_message(self):
        return _("Dit wachtwoord bestaat alleen uit cijfers.")

    def get_help_text(self):
        return _("Je wachtwoord bestaat niet alleen uit cijfers.")
