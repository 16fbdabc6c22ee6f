"""Forms for return (rendement), costs, 'dare to ask' and ending a period: validation and clear messages."""

from django import forms
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from lg_portal.common.dates import day
from lg_portal.common.forms import BLANK

from .models import (
    ContributionSource,
    CostCategory,
    ExpectationKind,
    PeriodDecision,
    ReturnKind,
)

OTHER_MEMBERS = _("Je kunt alleen leden van deze gemeenschap noemen.")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DECIMAL = forms.TextInput(attrs={"inputmode": "decimal"})


class AmountField(forms.DecimalField):
    """A localised decimal that also takes what people type: "€ 1.250,50" in Dutch, "1,250.50" in English."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
            decimal = get_format("DECIMAL_SEPARATOR")
            thousands = "." if decimal == "," else ","
            if decimal in value and thousands in value and value.rfind(thousands) < value.rfind(decimal):
                value = value.replace(thousands, "")
        return super().to_python(value)


class MemberChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.user.name


class MemberChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.user.name


class ActivityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{day(obj.happened_on, 'j M Y')}: {obj.title} ({obj.workgroup.name})"


class ExpectationForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Wat is voor jou rendement van deze gemeenschap?"), choices=ExpectationKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies uit de genoemde soorten rendement.")})
    own_words = forms.CharField(
        label=_("In je eigen woorden"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat moet er over een jaar anders zijn, voor jou, je organisatie of het dorp?"))


class ReturnForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort rendement"), choices=ReturnKind.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Kies een soort rendement.")},
        help_text=_("Concreet: een resultaat dat je kunt aanwijzen. Relatie: wie kennen elkaar nu, welke korte "
                    "lijnen zijn er. Slipstream: wat ernaast of in het kielzog veranderde. Leren: wat je anders "
                    "bent gaan zien of doen."))
    title = forms.CharField(label=_("Wat leverde het op?"), max_length=200,
                            error_messages={"required": _("Zeg kort wat het opleverde.")})
    happened_on = forms.DateField(label=_("Datum"), widget=DATE,
                                  error_messages={"required": _("Vul de datum in."),
                                                  "invalid": _("Vul een geldige datum in.")})
    description = forms.CharField(label=_("Toelichting"), required=False, max_length=3000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    people = MemberChoices(
        label=_("Betrokken leden"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Bij relatierendement: minstens twee leden die elkaar nu (beter) kennen."),
        error_messages={"invalid_choice": OTHER_MEMBERS, "invalid_pk_value": OTHER_MEMBERS})
    organisations = forms.CharField(label=_("Betrokken organisaties"), required=False, max_length=500,
                                    help_text=_("Bijvoorbeeld: Bakkerij Smit, Het Noordik."))
    workgroup = forms.ModelChoiceField(label=_("Uit welke werkgroep kwam het?"), queryset=None, required=False,
                                       error_messages={"invalid_choice": _("Kies een werkgroep van deze gemeenschap.")})
    activity = ActivityChoice(label=_("Uit welke activiteit kwam het?"), queryset=None, required=False,
                              error_messages={"invalid_choice": _("Kies een activiteit van deze gemeenschap.")})
    value_eur = AmountField(label=_("Waarde in euro (als je die kunt schatten)"), required=False, min_value=0,
                                   max_digits=10, decimal_places=2, localize=True, widget=DECIMAL,
                                   error_messages={"min_value": _("De waarde kan niet negatief zijn."),
                                                   "invalid": _("Vul een bedrag in, bijvoorbeeld 250 of 99,50.")})
    hours = AmountField(label=_("Uren (als dat iets zegt)"), required=False, min_value=0, max_digits=7,
                               decimal_places=1, localize=True, widget=DECIMAL,
                               error_messages={"min_value": _("Het aantal uren kan niet negatief zijn."),
                                               "invalid": _("Vul een aantal uren in, bijvoorbeeld 3 of 1,5.")})

    def __init__(self, *args, members, workgroups, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = members
        self.fields["workgroup"].queryset = workgroups
        self.fields["activity"].queryset = activities
        if not self.is_bound:
            self.initial.setdefault("happened_on", timezone.localdate())


class ContributionForm(forms.Form):
    source = forms.ChoiceField(label=_("Bron"), choices=[*BLANK, *ContributionSource.choices],
                               error_messages={"required": _("Kies een bron.")})
    category = forms.ChoiceField(
        label=_("Waarvoor"), choices=[*BLANK, *CostCategory.choices],
        error_messages={"required": _("Kies waarvoor de bijdrage is.")},
        help_text=_("Ruimte, eten en drinken, materiaal en werkbezoeken zijn makkelijk onderling te regelen; "
                    "secretariaat, procesbegeleiding, zakgeld, structurele bijdragen en bredere "
                    "kennisuitwisseling zijn moeilijker."))
    description = forms.CharField(label=_("Wat"), max_length=300,
                                  error_messages={"required": _("Zeg kort wat er bijgedragen werd.")})
    contributor = MemberChoice(label=_("Lid dat bijdroeg"), queryset=None, required=False,
                               error_messages={"invalid_choice": OTHER_MEMBERS})
    contributor_name = forms.CharField(label=_("Of: naam van wie bijdroeg"), max_length=200, required=False,
                                       help_text=_("Bijvoorbeeld de gemeente, de provincie, een sponsor of fonds."))
    amount_eur = AmountField(label=_("Bedrag in euro"), required=False, min_value=0, max_digits=10,
                                    decimal_places=2, localize=True, widget=DECIMAL,
                                    error_messages={"min_value": _("Het bedrag kan niet negatief zijn."),
                                                    "invalid": _("Vul een bedrag in, bijvoorbeeld 250 of 99,50.")})
    in_kind = forms.BooleanField(label=_("In natura (een ruimte, een maaltijd, materiaal, tijd)"), required=False)
    contributed_on = forms.DateField(label=_("Datum"), widget=DATE,
                                     error_messages={"required": _("Vul de datum in."),
                                                     "invalid": _("Vul een geldige datum in.")})

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributor"].queryset = members
        if not self.is_bound:
            self.initial.setdefault("contributed_on", timezone.localdate())


class AskForm(forms.Form):
    title = forms.CharField(label=_("Wat heb je nodig?"), max_length=200,
                            error_messages={"required": _("Zeg wat je nodig hebt.")},
                            help_text=_("Bijvoorbeeld: een groot scherm voor een presentatie in de open lucht."))
    body = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))
    category = forms.ChoiceField(label=_("Waarvoor"), choices=[*BLANK, *CostCategory.choices],
                                 required=False)


class AskAnswerForm(forms.Form):
    body = forms.CharField(label=_("Je antwoord"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": _("Schrijf wat je kunt bieden of wie het weet.")})


class PeriodEndForm(forms.Form):
    decision = forms.ChoiceField(label=_("Wat gebeurt er na deze periode?"), choices=PeriodDecision.choices,
                                 widget=forms.RadioSelect,
                                 error_messages={"required": _("Kies wat er na deze periode gebeurt.")})
    new_ends_on = forms.DateField(label=_("Nieuwe einddatum"), required=False, widget=DATE,
                                  help_text=_("Bij doorgaan of overdragen: tot wanneer loopt de nieuwe periode?"),
                                  error_messages={"invalid": _("Vul een geldige datum in.")})
    successors = MemberChoices(label=_("Wie uit de kerngroep neemt het over?"), queryset=None, required=False,
                               widget=forms.CheckboxSelectMultiple,
                               help_text=_("Bij overdragen: zij worden procesbegeleider; de huidige "
                                           "procesbegeleiders stappen terug naar de klankbordgroep."),
                               error_messages={"invalid_choice": _("Alleen actieve leden van de kerngroep kunnen "
                                                                   "het overnemen.")})
    note = forms.CharField(label=_("Toelichting bij het besluit"), required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 3}))
    period_ends_on = forms.DateField(widget=forms.HiddenInput)

    def __init__(self, *args, core_group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successors"].queryset = core_group

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision in (PeriodDecision.CONTINUE, PeriodDecision.HANDOVER) and not data.get("new_ends_on"):
            self.add_error("new_ends_on", _("Kies tot wanneer de nieuwe periode loopt."))
        if decision == PeriodDecision.HANDOVER and not data.get("successors"):
            self.add_error("successors", _("Kies wie uit de kerngroep het stokje overneemt."))
        return data
