from django import forms
from django.utils.translation import gettext_lazy as _

from participants.models import InitiatorKind

from .models import AnswerState, EvaluationResponse, LearningGoal, Reflection


class InitiatorFilterForm(forms.Form):
    initiator = forms.ChoiceField(label=_("Bonustips voor"), choices=InitiatorKind.choices, required=False)


class AnswerForm(forms.Form):
    """One member's mark on one compass item. The prefix keeps ids unique on a page of 63 forms."""

    state = forms.ChoiceField(label=_("Stand van zaken"), choices=AnswerState.choices, widget=forms.RadioSelect,
                              error_messages={"required": _("Kies: op orde, verdient aandacht of niet van toepassing."),
                                              "invalid_choice": _("Kies: op orde, verdient aandacht of niet van "
                                                                  "toepassing.")})
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class EvaluationOpenForm(forms.Form):
    planned_on = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))


class EvaluationResponseForm(forms.ModelForm):
    class Meta:
        model = EvaluationResponse
        fields = ["went_well", "was_hard", "learned", "expectations"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}


class EvaluationConcludeForm(forms.Form):
    conclusion = forms.CharField(label=_("Wat concluderen jullie samen?"), max_length=6000,
                                 widget=forms.Textarea(attrs={"rows": 5}),
                                 error_messages={"required": _("Schrijf op wat jullie samen concluderen.")})
    goals = forms.CharField(label=_("Doelen van de gemeenschap"), max_length=4000,
                            widget=forms.Textarea(attrs={"rows": 4}), required=False,
                            help_text=_("Pas de doelen aan als de evaluatie daartoe leidt. De oude tekst blijft "
                                        "bewaard in de geschiedenis."))


class LearningGoalForm(forms.ModelForm):
    class Meta:
        model = LearningGoal
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"text": {"required": _("Schrijf je leerdoel op.")}}


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["what_we_did", "learned_content", "learned_process", "next_time", "insight", "insight_shared"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields[:-1]}
        help_texts = {
            "insight": _("Wat neem je zelf mee? Alleen jij ziet dit, tenzij je het deelt."),
            "insight_shared": _("Dan zien de anderen die deze reflectie mogen lezen je inzicht ook."),
        }
        error_messages = {"what_we_did": {"required": _("Schrijf kort op wat jullie gedaan hebben.")}}
