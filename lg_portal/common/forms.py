from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def apply_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, field by field, so the page shows it in place."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


__all__ = ["apply_errors", "NON_FIELD_ERRORS"]
