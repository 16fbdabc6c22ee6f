from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

# The empty choice of every select, in the portal's words (Django says "- Select an option -" untranslated
# in Dutch, and "---------" where a form builds its own list). lg_portal's ready() hands it to Django
# (django.db.models.fields.BLANK_CHOICE_LABEL, Django's hook for it), so model fields and ModelChoiceFields
# use it; a form that lists its own choices starts them with BLANK.
EMPTY_CHOICE = _("– Kies –")
BLANK = [("", EMPTY_CHOICE)]


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, field by field, so the page shows it in place."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


__all__ = ["apply_errors", "BLANK", "EMPTY_CHOICE", "NON_FIELD_ERRORS"]
