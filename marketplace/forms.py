from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from lg_portal.common.forms import BLANK

from .models import DESCRIPTION_MAX, IN_RETURN_MAX, WHAT_MAX, Category, Entry, Marketplace, Match, OrgKind, Side


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MarketplaceForm(forms.ModelForm):
    allowed_kinds = forms.MultipleChoiceField(
        label=_("Soorten organisaties die mogen meedoen"), choices=OrgKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één soort organisatie die mag meedoen.")},
    )

    class Meta:
        model = Marketplace
        fields = ["title", "workgroup", "held_on", "starts_at", "ends_at", "place", "audience", "allowed_kinds",
                  "entry_deadline", "description", "follow_up_weeks"]
        widgets = {
            "held_on": DateInput(),
            "starts_at": TimeInput(),
            "ends_at": TimeInput(),
            "entry_deadline": DateTimeInput(),
            "audience": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "entry_deadline": _("Datum en tijd (in de tijdzone van de gemeenschap). Uiterlijk op de dag zelf."),
            "description": _("Wat staat er op het programma? Komt er vooraf een workshop om organisaties te helpen "
                             "ondernemers te benaderen?"),
        }

    def __init__(self, *args, workgroups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workgroup"].queryset = workgroups
        self.fields["workgroup"].empty_label = None
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("allowed_kinds", [value for value, _label in OrgKind.choices])

    def clean(self):
        data = super().clean()
        held_on, deadline = data.get("held_on"), data.get("entry_deadline")
        if held_on and deadline and timezone.localdate(deadline) > held_on:
            self.add_error("entry_deadline", _("Inschrijven moet uiterlijk op de dag van de beursvloer sluiten."))
        return data

    def _post_clean(self):
        # The service validates the whole marketplace in one place.
        pass




class EntryForm(forms.Form):
    """The public entry form. `website` is a honeypot: hidden from people, filled in by bots."""

    side = forms.ChoiceField(label=_("Heeft u een vraag of een aanbod?"), choices=Side.choices,
                             widget=forms.RadioSelect)
    organisation = forms.CharField(label=_("Naam van de organisatie"), max_length=120)
    contact_name = forms.CharField(label=_("Contactpersoon"), max_length=120)
    email = forms.EmailField(label=_("E-mailadres"), max_length=254,
                             help_text=_("Hierheen sturen we de link waarmee u de inschrijving bevestigt."))
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    org_kind = forms.ChoiceField(label=_("Soort organisatie"), choices=BLANK + OrgKind.choices)
    category = forms.ChoiceField(label=_("Categorie"), choices=BLANK + Category.choices)
    description = forms.CharField(
        label=_("Omschrijving"), max_length=DESCRIPTION_MAX, widget=forms.Textarea(attrs={"rows": 5}),
        # formatted when shown, in the reader's language (a lazy string formatted here would stay Dutch)
        help_text=lazy(lambda: _("Wat zoekt u, of wat biedt u aan? Zo concreet mogelijk (hoeveel, wanneer, waarvoor). "
                                 "Hoogstens %(max)s tekens.") % {"max": DESCRIPTION_MAX}, str)(),
    )
    in_return = forms.CharField(
        label=_("Alleen bij aanbod: wat vraagt u ervoor terug?"), max_length=IN_RETURN_MAX, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=Entry._meta.get_field("in_return").help_text,
    )
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    def __init__(self, *args, marketplace=None, **kwargs):
        super().__init__(*args, **kwargs)
        if marketplace is not None:
            self.fields["org_kind"].choices = BLANK + [(v, label) for v, label in OrgKind.choices
                                                       if v in marketplace.allowed_kinds]

    def is_bot(self) -> bool:
        return bool(self.data.get("website", "").strip())


class MatchForm(forms.ModelForm):
    """Need and offer may be any confirmed entry of the marketplace: the service says clearly when two
    needs or two offers are chosen. The selects list only needs resp. offers."""

    class Meta:
        model = Match
        fields = ["need", "offer", "what", "value_eur", "due_on"]
        widgets = {"what": forms.Textarea(attrs={"rows": 2, "maxlength": WHAT_MAX}), "due_on": DateInput()}
        help_texts = {
            "value_eur": _("Wat zou het kosten als men ervoor moest betalen? Vul 0 in als je het niet weet."),
        }

    def __init__(self, *args, marketplace, needs, offers, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Entry.objects.filter(marketplace=marketplace, confirmed_at__isnull=False)
        for name, entries in (("need", needs), ("offer", offers)):
            field = self.fields[name]
            field.queryset = qs
            field.error_messages["invalid_choice"] = _("Kies een bevestigde inschrijving van deze beursvloer.")
            field.widget.choices = BLANK + [
                (e.pk, f"{e.organisation}: {e.get_category_display()} – {e.description[:60]}") for e in entries
            ]
        self.fields["value_eur"].widget.attrs.update({"min": "0", "step": "0.01"})

    def _post_clean(self):
        # The service validates the match (two needs, negative value, duplicates) with clear messages.
        pass
