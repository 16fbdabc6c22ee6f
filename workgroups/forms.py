from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.models import Membership, MemberStatus

from .models import POST_BODY_MAX, UPDATE_BODY_MAX, Activity, PostKind, PostTopic, Workgroup


class WorkgroupForm(forms.ModelForm):
    class Meta:
        model = Workgroup
        fields = ["name", "theme", "closed"]
        labels = {"name": _("Naam van de werkgroep"), "theme": _("Thema: waar wil de werkgroep mee aan de slag?")}
        widgets = {"theme": forms.Textarea(attrs={"rows": 4})}


class ProposeWorkgroupForm(WorkgroupForm):
    is_core_group = forms.BooleanField(
        label=_("Dit is de kerngroep"), required=False,
        help_text=_("Zo'n acht deelnemers die de plenaire bijeenkomsten voorbereiden."),
    )

    class Meta(WorkgroupForm.Meta):
        fields = ["name", "theme", "closed", "is_core_group"]

    def __init__(self, *args, allow_core_group=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].required = True
        if not allow_core_group:
            del self.fields["is_core_group"]


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Bericht aan de werkgroep (mag leeg)"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MembershipChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.user.name


class ActivityForm(forms.ModelForm):
    participants = MembershipChoiceField(
        label=_("Wie deden mee"), queryset=Membership.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Activity
        fields = ["kind", "title", "happened_on", "outcome", "participants"]
        widgets = {
            "happened_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "outcome": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "kind": _("Nieuwe matches en kennisuitwisseling tellen ook als activiteit."),
            "outcome": _("Wat leverde het op? Ook kleine of onverwachte dingen tellen."),
        }

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = (
            Membership.objects.filter(community=community).exclude(status=MemberStatus.STEPPED_OUT)
            .select_related("user").order_by("user__name")
        )
        if not self.is_bound and not self.initial.get("happened_on"):
            self.initial["happened_on"] = timezone.localdate()


class PostForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort bericht"), choices=PostKind.choices)
    topic = forms.ChoiceField(
        label=_("Gaat deze tussenstap over"), required=False,
        choices=[("", _("(alleen bij een tussenstap)")), *PostTopic.choices],
        help_text=_("Meld tussenstappen over het proces net zo goed als over de inhoud."),
    )
    workgroup = forms.TypedChoiceField(label=_("Voor"), coerce=int, required=False, empty_value=None)
    title = forms.CharField(label=_("Titel"), max_length=200)
    body = forms.CharField(
        label=_("Tekst"), max_length=POST_BODY_MAX, widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, workgroups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.workgroups = {w.pk: w for w in workgroups}
        # in the language of this request (a lazy string formatted at import would stay in the first one)
        self.fields["body"].help_text = _("Een tussenstap is kort: hoogstens %(max)s tekens.") % {"max": UPDATE_BODY_MAX}
        self.fields["workgroup"].choices = [("", _("De hele gemeenschap"))] + [
            (w.pk, w.name) for w in workgroups
        ]

    def clean(self):
        data = super().clean()
        kind, body = data.get("kind"), data.get("body") or ""
        if kind == PostKind.UPDATE:
            if not data.get("topic"):
                self.add_error("topic", _("Kies of deze tussenstap over de inhoud of over het proces gaat."))
            if len(body) > UPDATE_BODY_MAX:
                self.add_error("body", _("Een tussenstap is kort: hoogstens %(max)s tekens (nu %(n)s).")
                               % {"max": UPDATE_BODY_MAX, "n": len(body)})
        elif kind:
            data["topic"] = ""
        workgroup = data.get("workgroup")
        data["workgroup"] = self.workgroups.get(workgroup) if workgroup else None
        return data


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Je reactie"), max_length=POST_BODY_MAX, widget=forms.Textarea(attrs={"rows": 3}))

