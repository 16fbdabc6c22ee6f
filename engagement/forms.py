from django import forms
from django.utils.translation import gettext_lazy

from .models import Contact, ContactChannel, DriftSettings


class ContactForm(forms.ModelForm):
    """Log a contact. The catch-up list's quick form sends the note only; the person's page all fields."""

    happened_on = forms.DateField(label=gettext_lazy("Wanneer"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}),
                                  help_text=gettext_lazy("Leeg: vandaag."),
                                  error_messages={"invalid": gettext_lazy("Vul een geldige datum in.")})

    class Meta:
        model = Contact
        fields = ["note", "channel", "happened_on", "follow_up_on"]
        widgets = {"note": forms.TextInput(attrs={"placeholder": gettext_lazy("bijv. gebeld, bijgepraat")}),
                   "follow_up_on": forms.DateInput(attrs={"type": "date"})}
        error_messages = {"follow_up_on": {"invalid": gettext_lazy("Vul een geldige datum in.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's own blank choice is English ("- Select an option -"); say it in the page's language.
        self.fields["channel"].choices = [("", gettext_lazy("Niet ingevuld")), *ContactChannel.choices]


class DriftSettingsForm(forms.ModelForm):
    class Meta:
        model = DriftSettings
        fields = ["missed_plenaries", "unanswered_invitations", "silent_weeks", "quiet_days", "max_unanswered_nudges"]


class PauseForm(forms.Form):
    pause_until = forms.DateField(label=gettext_lazy("Pauzeer me tot en met"),
                                  widget=forms.DateInput(attrs={"type": "date"}),
                                  error_messages={"required": gettext_lazy("Kies tot wanneer je wilt pauzeren."),
                                                  "invalid": gettext_lazy("Vul een geldige datum in.")})


class StepOutForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Ik stap bewust uit deze lerende gemeenschap."),
        error_messages={"required": gettext_lazy("Vink aan dat je bewust uitstapt.")},
    )
