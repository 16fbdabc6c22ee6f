import zoneinfo
from datetime import date, datetime, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from participants.forms import DateInput
from participants.selectors import active_members

from .models import AgendaItem, Answer, MeetingKind, MeetingSettings


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class HostChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        label = obj.user.name
        if obj.sector:
            label += f" ({obj.get_sector_display()})"
        if not obj.willing_to_host:
            label += " · " + str(_("gaf niet aan te willen ontvangen"))
        return label


class MeetingForm(forms.Form):
    """Schedule or change a meeting. Date and times are in the community's time zone; the form turns
    them into `starts_at`/`ends_at` (aware datetimes) for the service."""

    title = forms.CharField(label=_("Titel"), max_length=200)
    # The meeting's sequence when the edit form was loaded: a save after someone else's change is told so.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    workgroup = forms.ModelChoiceField(label=_("Werkgroep"), queryset=None, required=False)
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    start_time = forms.TimeField(label=_("Begintijd"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Eindtijd"), widget=TimeInput())
    host = HostChoiceField(label=_("Gastheer of gastvrouw"), queryset=None, required=False,
                           help_text=_("Ontvangt bij zich thuis of op het werk, met een eenvoudige maaltijd."))
    venue = forms.CharField(label=_("Plaats"), max_length=200, required=False,
                            help_text=_("Bijvoorbeeld 'bij Marieke thuis' of 'Bakkerij Smit'."))
    address = forms.CharField(label=_("Adres"), max_length=255, required=False,
                              help_text=_("Leeg laten kan: dan staat er geen adres bij, tenzij het bij de "
                                          "gastheer of gastvrouw thuis is."))
    at_host_home = forms.BooleanField(
        label=_("Bij de gastheer of gastvrouw thuis"), required=False,
        help_text=_("Alleen dan komt het huisadres van de gastheer of gastvrouw (uit het profiel) bij de "
                    "bijeenkomst en in de agenda's, zodra die ja zegt. Is het ergens anders, vul dan dat adres "
                    "in."))
    meal_note = forms.CharField(label=_("Maaltijd"), max_length=255, required=False,
                                help_text=_("Bijvoorbeeld 'soep en broodjes'. Dieetwensen ziet de gastheer of "
                                            "gastvrouw bij de aanmeldingen."))
    description = forms.CharField(label=_("Waar gaat het over"), max_length=4000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, community, kind, workgroups=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.community, self.kind, self.editing = community, kind, editing
        self.tz = zoneinfo.ZoneInfo(community.time_zone)
        if kind == MeetingKind.WORKGROUP and not editing:
            self.fields["workgroup"].queryset = workgroups
            self.fields["workgroup"].required = True
        else:
            del self.fields["workgroup"]
        if kind == MeetingKind.PLENARY and not editing:
            self.fields["host"].queryset = (
                active_members(community=community).order_by("-willing_to_host", "user__name"))
        else:
            del self.fields["host"]
        if kind == MeetingKind.WORKGROUP:
            del self.fields["at_host_home"]  # a workgroup meeting has no host
        if kind == MeetingKind.WORK_VISIT:
            self.fields["at_host_home"].label = _("Bij mij thuis")
            self.fields["at_host_home"].help_text = _(
                "Alleen dan komt je huisadres (uit je profiel) bij het werkbezoek en in de agenda's. Is het "
                "ergens anders, zoals je werk of de sportclub, vul dan dat adres in.")
            self.fields["venue"].help_text = _("Je organisatie, bedrijf of huis: waar kijken we in de keuken?")
            self.fields["description"].help_text = _("Wat laat je zien, en wat kunnen de anderen leren?")

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if day and day > date.today() + timedelta(days=5 * 366):
            # A community runs one to two years; a date years ahead is a typing error (and would
            # overflow the date arithmetic of the next-plenary proposal).
            self.add_error("date", _("Plan niet verder dan vijf jaar vooruit."))
            return data
        if day and start and end:
            starts_at = datetime.combine(day, start, tzinfo=self.tz)
            ends_at = datetime.combine(day, end, tzinfo=self.tz)
            if ends_at <= starts_at:
                self.add_error("end_time", _("De bijeenkomst moet eindigen na het begin."))
            data["starts_at"], data["ends_at"] = starts_at, ends_at
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in ("title", "starts_at", "ends_at", "venue", "address", "meal_note",
                                                "description")}
        if "host" in self.fields:
            fields["host"] = data.get("host")
        if "at_host_home" in self.fields:
            fields["at_host_home"] = bool(data.get("at_host_home"))
        if "workgroup" in self.fields:
            fields["workgroup"] = data.get("workgroup")
        return fields

    @classmethod
    def initial_for(cls, meeting) -> dict:
        tz = zoneinfo.ZoneInfo(meeting.community.time_zone)
        start, end = meeting.starts_at.astimezone(tz), meeting.ends_at.astimezone(tz)
        return {"title": meeting.title, "date": start.date(), "start_time": start.time(), "end_time": end.time(),
                "venue": meeting.venue, "address": meeting.address, "at_host_home": meeting.at_host_home,
                "meal_note": meeting.meal_note,
                "description": meeting.description, "version": meeting.sequence}

    @staticmethod
    def end_of(starts_at, minutes):
        return (starts_at + timedelta(minutes=minutes)).time()


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(choices=Answer.choices)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reden (gaat mee in het bericht)"), max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description", "duration_minutes"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(label=_("Wie was er?"), required=False, widget=forms.CheckboxSelectMultiple)
    notes = forms.CharField(label=_("Verslag en aantekeningen"), required=False, max_length=20000,
                            widget=forms.Textarea(attrs={"rows": 10}),
                            help_text=_("Wat besproken en besloten is, en wie wat oppakt."))

    def __init__(self, *args, invitees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(str(m.pk), m.user.name) for m in invitees]


class MeetingSettingsForm(forms.ModelForm):
    class Meta:
        model = MeetingSettings
        fields = ["plenary_interval_weeks", "usual_start_time", "usual_duration_minutes", "reminder_hours",
                  "agenda_deadline_days", "agenda_send_days"]
        widgets = {"usual_start_time": TimeInput()}

    def clean(self):
        data = super().clean()
        deadline, send = data.get("agenda_deadline_days"), data.get("agenda_send_days")
        if deadline is not None and send is not None and send > deadline:
            self.add_error("agenda_send_days", _("De agenda gaat pas weg na de termijn voor agendapunten: kies "
                                                 "hooguit evenveel dagen als bij de termijn."))
        return data


class FeedSettingsForm(forms.Form):
    """What the person's calendar feed holds. An unticked box is not sent at all: False."""

    all_workgroups = forms.BooleanField(required=False)
