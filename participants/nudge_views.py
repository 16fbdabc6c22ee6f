"""Pages for catching up with people who drift away, the one-click answers to a nudge, and email
preferences with their unsubscribe links. Thin views: reads and writes live in participants.nudges."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from lg_portal.common.forms import apply_errors

from . import nudges
from .access import community_view
from .models import Contact, DriftSettings, EmailKind, EmailPreference, Membership, NudgeAnswer

# --- forms -------------------------------------------------------------------------------------------


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


class EmailPreferenceForm(forms.ModelForm):
    class Meta:
        model = EmailPreference
        fields = [k.value for k in EmailKind]


# --- the facilitator's catch-up list -----------------------------------------------------------------

def _catch_up_context(request, **extra):
    data = nudges.catch_up(community=request.community, now=timezone.now())
    return {"community": request.community, "membership": request.membership, "contact_form": ContactForm(),
            "answers": NudgeAnswer, **data, **extra}


@community_view(facilitator=True)
def catch_up(request):
    return render(request, "participants/nudges/catch_up.html", _catch_up_context(request))


@community_view(facilitator=True)
@require_POST
def catch_up_contact(request, member_id):
    """Log a personal contact ("called, caught up"): the person's signals start again from now."""
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id, community=request.community)
    form = ContactForm(request.POST)
    error = None
    if form.is_valid():
        try:
            nudges.contact_log(membership=member, by=request.membership, note=form.cleaned_data["note"])
        except ValidationError as exc:
            apply_errors(form, exc)
            error = form
    else:
        error = form
    if error is None:
        done = _("Contact met %(name)s vastgelegd.") % {"name": member.user.name}
        if request.htmx:
            return render(request, "participants/nudges/catch_up.html#people",
                          _catch_up_context(request, contact_done=done))
        messages.success(request, done)
        return redirect("catch_up", request.community.slug)
    context = _catch_up_context(request, contact_error=(member.pk, form))
    template = "participants/nudges/catch_up.html#people" if request.htmx else "participants/nudges/catch_up.html"
    return render(request, template, context, status=400)


@community_view(facilitator=True)
def drift_settings(request):
    current = nudges.drift_settings_for(community=request.community)
    form = DriftSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            nudges.drift_settings_update(community=request.community, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De instellingen zijn opgeslagen."))
            return redirect("catch_up", request.community.slug)
    return render(request, "participants/nudges/drift_settings.html",
                  {"community": request.community, "membership": request.membership, "form": form},
                  status=400 if form.errors else 200)


# --- one-click answers (no login: the signed link is the key) ----------------------------------------

ANSWER_FORMS = {NudgeAnswer.PAUSE: PauseForm, NudgeAnswer.STEP_OUT: StepOutForm}


def nudge_answer(request, answer, token):
    """GET shows what the link will do and one button; only the POST changes anything. The page speaks
    the person's language, like the email that brought them here."""
    nudge = nudges.nudge_from_token(token, answer)
    if nudge is None:
        return render(request, "participants/nudges/answer.html", {"invalid": True}, status=404)
    with translation.override(nudge.membership.user.language):
        return _nudge_answer(request, nudge, answer, token)


def _nudge_answer(request, nudge, answer, token):
    if request.user.is_authenticated and request.user.pk != nudge.membership.user_id:
        return render(request, "participants/nudges/answer.html", {"other_person": True}, status=403)
    form_class = ANSWER_FORMS.get(answer)
    form = form_class(request.POST if request.method == "POST" else None) if form_class else None
    if request.method == "POST" and nudge.answered_at is None:
        if form is None or form.is_valid():
            try:
                nudges.nudge_answer(nudge=nudge, answer=answer,
                                    pause_until=form.cleaned_data.get("pause_until") if form else None)
            except ValidationError as exc:
                if form is None:
                    messages.error(request, " ".join(exc.messages))
                else:
                    apply_errors(form, exc)
            else:
                return redirect("nudge_answer", answer, token)
    return render(request, "participants/nudges/answer.html", {
        "nudge": nudge, "answer": answer, "answer_label": NudgeAnswer(answer).label, "form": form,
        "community": None, "person": nudge.membership.user, "nudge_community": nudge.membership.community,
    }, status=400 if form is not None and form.errors else 200)


# --- email preferences and unsubscribe ---------------------------------------------------------------

@login_required
def email_preferences(request):
    form = EmailPreferenceForm(request.POST or None, instance=nudges.email_preferences_for(request.user))
    if request.method == "POST" and form.is_valid():
        nudges.email_preferences_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Je e-mailvoorkeuren zijn opgeslagen."))
        return redirect("email_preferences")
    return render(request, "participants/nudges/preferences.html", {"form": form})


@csrf_exempt  # the signed link is the credential; mail clients POST here without a session (RFC 8058)
def email_unsubscribe(request, kind, token):
    user = nudges.unsubscribe_user(token, kind)
    if user is None:
        return render(request, "participants/nudges/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        nudges.email_preferences_update(user=user, **{kind: False})
    with translation.override(user.language):
        return render(request, "participants/nudges/unsubscribe.html",
                      {"kind_label": EmailKind(kind).label, "done": request.method == "POST", "kind": kind})
