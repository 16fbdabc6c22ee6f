from django import forms
from django.utils.translation import gettext_lazy

from .models import Contact, DriftSettings


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["note"]
        widgets = {"note": forms.TextInput(attrs={"placeholder": gettext_lazy("bijv. gebeld, bijgepraat")})}


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
