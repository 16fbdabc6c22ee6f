from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .models import Community, EmailKind, EmailPreference, GroupRole, Invitation, Membership, Suggestion, User


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class SignupForm(forms.Form):
    """Extra fields for allauth's signup form."""

    name = forms.CharField(label=_("Naam"), max_length=120)

    def signup(self, request, user):
        user.name = self.cleaned_data["name"]
        user.save(update_fields=["name"])


class CommunityForm(forms.ModelForm):
    class Meta:
        model = Community
        fields = ["name", "slug", "question", "goals", "starts_on", "ends_on", "ground_rules", "closed_doors",
                  "initiator_kind", "time_zone"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "question": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "ground_rules": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "slug": _("Voor het webadres; laat leeg om hem uit de naam te maken."),
            "question": _("Het complexe, gedeelde vraagstuk waar de groep samen aan werkt."),
            "ends_on": _("Neem minstens een jaar, liefst anderhalf tot twee jaar."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("slug") and data.get("name"):
            data["slug"] = slugify(data["name"])[:60]
            if Community.objects.filter(slug=data["slug"]).exclude(pk=self.instance.pk).exists():
                self.add_error("slug", _("Deze korte naam is al in gebruik; kies een andere."))
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends <= starts:
            self.add_error("ends_on", _("De einddatum moet na de startdatum liggen."))
        return data

    def _post_clean(self):
        # The date check above gives the message; skip the model's duplicate constraint message.
        if "ends_on" in self.errors:
            return
        super()._post_clean()


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "name", "message", "as_facilitator"]
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "message": _("Persoonlijk en in je eigen woorden: waarom juist deze persoon? Geen rondzendbrief."),
        }

    def __init__(self, *args, community=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.community = community

    def _post_clean(self):
        # The service validates the whole invitation (duplicates included) in one place.
        pass


class SuggestionForm(forms.ModelForm):
    class Meta:
        model = Suggestion
        fields = ["name", "email", "sector", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}


class ProfileForm(forms.ModelForm):
    """A member's profile in one community, with the personal fields of their account."""

    name = forms.CharField(label=_("Naam"), max_length=120)
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    address = forms.CharField(label=_("Adres om te ontvangen"), max_length=255, required=False,
                              help_text=User._meta.get_field("address").help_text)
    dietary_notes = forms.CharField(label=_("Dieetwensen"), max_length=255, required=False,
                                    help_text=User._meta.get_field("dietary_notes").help_text)
    group_roles = forms.MultipleChoiceField(
        label=_("Groepsrollen"), choices=GroupRole.choices, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Welke rol neem je meestal in een groep? Meer dan één mag."),
    )

    user_fields = ("name", "phone", "address", "dietary_notes")

    class Meta:
        model = Membership
        fields = ["sector", "organisation", "hats", "group_roles", "motivation", "expectations",
                  "committed_until", "hours_per_month", "willing_to_host"]
        widgets = {
            "committed_until": DateInput(),
            "motivation": forms.Textarea(attrs={"rows": 3}),
            "expectations": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "hours_per_month": _("De gids rekent op 4 tot 8 uur per maand."),
            "motivation": _("Waarom doe je mee?"),
            "expectations": _("Wat verwacht je van de groep, en wat levert het je op als het goed gaat?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        for name in self.user_fields:
            self.fields[name].initial = getattr(user, name)
        self.fields["hours_per_month"].widget.attrs.update(min=0, max=200)
        self.order_fields(list(self.user_fields) + list(self.Meta.fields))

    def clean_hours_per_month(self):
        hours = self.cleaned_data.get("hours_per_month")
        if hours is not None and hours > 200:
            raise forms.ValidationError(_("Meer dan 200 uur per maand is geen realistische inzet."))
        return hours

    def split(self):
        data = self.cleaned_data
        user_fields = {name: data[name] for name in self.user_fields}
        member_fields = {name: data[name] for name in self.Meta.fields}
        return user_fields, member_fields


class RolesForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["is_facilitator", "is_moderator", "is_coordinator", "is_core_group", "is_participant",
                  "is_sounding_board", "is_steering_group"]


class UserSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "language"]


class EmailPreferenceForm(forms.ModelForm):
    class Meta:
        model = EmailPreference
        fields = [k.value for k in EmailKind]


class ColourInput(forms.TextInput):
    input_type = "color"


class LookForm(forms.Form):
    """The initiator's look: a name, two colours and a logo (participants.services.community_look_set)."""

    organisation = forms.CharField(label=_("Naam van de initiatiefnemer"), max_length=120, required=False,
                                   help_text=_("Bijvoorbeeld: Gemeente Hellendoorn. Staat op de startpagina."))
    primary = forms.CharField(label=_("Hoofdkleur"), required=False, widget=ColourInput(),
                              help_text=_("Voor knoppen en links; moet goed leesbaar zijn op wit."))
    header = forms.CharField(label=_("Kleur van de kopbalk"), required=False, widget=ColourInput(),
                             help_text=_("De tekst in de kopbalk wordt vanzelf wit of zwart, wat het best leest."))
    logo = forms.FileField(label=_("Logo"), required=False,
                           help_text=_("PNG, JPEG of WebP, liefst liggend; het staat klein in de kopbalk."))
    remove_logo = forms.BooleanField(label=_("Logo weghalen"), required=False)
