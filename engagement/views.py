"""Pages for catching up with people who drift away, and the one-click answers to a nudge. Thin views:
reads in engagement.selectors, writes in engagement.services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lg_portal.common.forms import apply_errors
from participants.access import community_view
from participants.models import Membership

from . import rules, selectors, services
from .forms import ContactForm, DriftSettingsForm, PauseForm, StepOutForm
from .models import NudgeAnswer

# --- the facilitator's catch-up list -----------------------------------------------------------------


def _catch_up_context(request, **extra):
    data = selectors.catch_up(community=request.community, now=timezone.now())
    return {"community": request.community, "membership": request.membership, "contact_form": ContactForm(),
            "answers": NudgeAnswer, **data, **extra}


@community_view(rule=rules.can_see_catch_up)
def catch_up(request):
    return render(request, "engagement/catch_up.html", _catch_up_context(request))


@community_view(rule=rules.can_see_catch_up)
@require_POST
def catch_up_contact(request, member_id):
    """Log a personal contact ("called, caught up"): the person's signals start again from now."""
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id, community=request.community)
    form = ContactForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.contact_log(membership=member, by=request.membership, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
            error = form
    else:
        error = form
    if error is None:
        done = _("Contact met %(name)s vastgelegd.") % {"name": member.user.name}
        if request.htmx:
            return render(request, "engagement/catch_up.html#people",
                          _catch_up_context(request, contact_done=done))
        messages.success(request, done)
        return redirect("catch_up", request.community.slug)
    context = _catch_up_context(request, contact_error=(member.pk, form))
    template = "engagement/catch_up.html#people" if request.htmx else "engagement/catch_up.html"
    return render(request, template, context, status=400)


@community_view(rule=rules.can_see_person)
def catch_up_person(request, member_id):
    """One person, for the facilitators: why they may drift, every contact logged (date, who, how,
    what), every nudge with its answer, and the form to log a contact with a follow-up date."""
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id, community=request.community)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_log(membership=member, by=request.membership, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Contact met %(name)s vastgelegd.") % {"name": member.user.name})
            return redirect("catch_up_person", request.community.slug, member.pk)
    data = selectors.person(community=request.community, membership=member, now=timezone.now())
    return render(request, "engagement/person.html", {
        "community": request.community, "membership": request.membership, "form": form, "answers": NudgeAnswer,
        **data}, status=400 if form.errors else 200)


@community_view(rule=rules.can_change_drift_settings)
def drift_settings(request):
    current = selectors.drift_settings_for(community=request.community)
    form = DriftSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.drift_settings_update(community=request.community, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De instellingen zijn opgeslagen."))
            return redirect("catch_up", request.community.slug)
    return render(request, "engagement/drift_settings.html",
                  {"community": request.community, "membership": request.membership, "form": form},
                  status=400 if form.errors else 200)


# --- one-click answers (no login: the signed link is the key) ----------------------------------------

ANSWER_FORMS = {NudgeAnswer.PAUSE: PauseForm, NudgeAnswer.STEP_OUT: StepOutForm}


def nudge_answer(request, answer, token):
    """GET shows what the link will do and one button; only the POST changes anything. The page speaks
    the person's language, like the email that brought them here."""
    nudge = selectors.nudge_from_token(token, answer)
    if nudge is None:
        return render(request, "engagement/answer.html", {"invalid": True}, status=404)
    with translation.override(nudge.membership.user.language):
        return _nudge_answer(request, nudge, answer, token)


def _nudge_answer(request, nudge, answer, token):
    """Until the next nudge, the same links change the answer: the page says what was answered before
    and offers this link's answer instead; the last answer counts."""
    if not rules.can_answer_nudge(request.user, nudge):
        return render(request, "engagement/answer.html", {"other_person": True}, status=403)
    form_class = ANSWER_FORMS.get(answer)
    form = form_class(request.POST if request.method == "POST" else None) if form_class else None
    changeable = selectors.nudge_answer_changeable(nudge)
    done = nudge.answered_at is not None and nudge.answer == answer
    if request.method == "POST" and not done and (nudge.answered_at is None or changeable):
        if form is None or form.is_valid():
            try:
                services.nudge_answer(nudge=nudge, answer=answer,
                                      pause_until=form.cleaned_data.get("pause_until") if form else None)
            except ValidationError as exc:
                if form is None:
                    messages.error(request, " ".join(exc.messages))
                else:
                    apply_errors(form, exc)
            else:
                return redirect("nudge_answer", answer, token)
    return render(request, "engagement/answer.html", {
        "nudge": nudge, "answer": answer, "answer_label": NudgeAnswer(answer).label, "form": form,
        "done": done, "changeable": changeable,
        "community": None, "person": nudge.membership.user, "nudge_community": nudge.membership.community,
    }, status=400 if form is not None and form.errors else 200)
