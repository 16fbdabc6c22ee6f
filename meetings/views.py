import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lg_portal.common import conditional
from lg_portal.common.forms import apply_errors
from participants import services as participant_services
from participants.access import community_view
from participants.models import Membership, User
from participants.selectors import active_members

from . import ics, rules, selectors, services
from .forms import (
    AgendaItemForm,
    AttendanceForm,
    CancelForm,
    FeedSettingsForm,
    MeetingForm,
    MeetingSettingsForm,
    RsvpForm,
)
from .models import AgendaItem, Answer, HostState, MeetingKind


def _base(request, **extra):
    return {"community": request.community, "membership": request.membership, **extra}


# Lists --------------------------------------------------------------------------------------------

LIST_TITLES = {
    "upcoming": gettext_lazy("Komende bijeenkomsten"),
    "past": gettext_lazy("Eerdere bijeenkomsten"),
    "mine": gettext_lazy("Mijn bijeenkomsten"),
}


def _list(request, when, workgroup=None):
    meetings = selectors.meetings_for_member(membership=request.membership, when=when, workgroup=workgroup)
    page = Paginator(meetings, 25).get_page(request.GET.get("page"))
    membership = request.membership
    can_workgroup = rules.can_schedule(MeetingKind.WORKGROUP, membership,
                                       in_any_workgroup=bool(selectors.workgroup_ids_of(membership=membership)))
    return render(request, "meetings/meeting_list.html", _base(
        request, page=page, meetings=page.object_list, when=when, workgroup=workgroup,
        can_schedule_workgroup=can_workgroup,
        list_title=str(LIST_TITLES[when]) if workgroup is None else workgroup.name,
    ))


@community_view()
def meeting_list(request):
    return _list(request, "upcoming")


@community_view()
def meeting_list_past(request):
    return _list(request, "past")


@community_view()
def meeting_list_mine(request):
    return _list(request, "mine")


@community_view()
def meeting_list_workgroup(request, workgroup_id):
    workgroup = selectors.workgroup_get_for_member(membership=request.membership, pk=workgroup_id)
    return _list(request, request.GET.get("when") if request.GET.get("when") == "past" else "upcoming",
                 workgroup=workgroup)


# Scheduling ---------------------------------------------------------------------------------------

@community_view()
def meeting_new(request):
    community, membership = request.community, request.membership
    kind = request.POST.get("kind") or request.GET.get("kind") or MeetingKind.PLENARY
    if kind not in MeetingKind.values:
        raise Http404
    workgroups = selectors.workgroups_of(membership=membership)
    if not rules.can_schedule(kind, membership, in_any_workgroup=workgroups.exists()):
        raise PermissionDenied
    settings = selectors.settings_for(community=community)
    proposal = proposal_address = None
    initial = {"title": str(MeetingKind(kind).label)}
    if kind == MeetingKind.PLENARY:
        starts_at = selectors.next_plenary_start(community=community, settings=settings)
        initial.update(date=starts_at.date(), start_time=settings.usual_start_time,
                       end_time=MeetingForm.end_of(starts_at, settings.usual_duration_minutes))
        proposal = selectors.host_proposal(community=community, starts_at=starts_at)
        initial.update(at_host_home=True)  # the guide: at the host's place; the host confirms when saying yes
        if proposal.candidate:
            # Venue and address stay empty: the venue text names whichever host is chosen; the home
            # address comes only when that host says yes at their place.
            initial.update(host=proposal.candidate.id)
            proposal_address = (Membership.objects.filter(pk=proposal.candidate.id)
                                .values_list("user__address", flat=True).first())
    elif kind == MeetingKind.WORK_VISIT:
        # No home address unless the host ticks "bij mij thuis": a work visit is often at work.
        initial.update(title=_("Werkbezoek bij %(org)s") % {"org": membership.organisation or membership.user.name},
                       venue=membership.organisation)
    form = MeetingForm(request.POST or None, community=community, kind=kind, workgroups=workgroups,
                       initial=initial)
    warnings = []
    if request.method == "POST" and form.is_valid():
        warnings = _unconfirmed_warnings(request, community=community, kind=kind, form=form)
    if request.method == "POST" and not warnings and form.is_valid():
        try:
            meeting = services.meeting_schedule(community=community, by=membership, kind=kind,
                                                **form.service_kwargs())
        except ValidationError as error:
            _apply_time_errors(form, error)
        else:
            messages.success(request, _("De bijeenkomst staat in de agenda."))
            if meeting.host_state == HostState.PROPOSED:
                messages.info(request, _("%(name)s krijgt de vraag om te ontvangen.") % {"name": meeting.host.user.name})
            return redirect("meeting_detail", community.slug, meeting.pk)
    return render(request, "meetings/meeting_form.html", _base(
        request, form=form, kind=kind, kind_label=MeetingKind(kind).label, proposal=proposal, settings=settings,
        proposal_address=proposal_address, warnings=warnings,
    ))


def _unconfirmed_warnings(request, *, community, kind, form, meeting=None) -> list[str]:
    """The schedule's warnings (selectors.schedule_warnings) the organiser has not confirmed yet. They
    never block: the form comes back once with the warnings at the top (as the form's messages) and a
    "Toch opslaan" button (a plain submit, no JavaScript) that posts the same fields with confirm=1.
    Editing warns only when the start moves."""
    if request.POST.get("confirm") == "1":
        return []
    starts_at = form.cleaned_data.get("starts_at")
    if starts_at is None or starts_at <= timezone.now():
        return []  # the service refuses a start in the past with its own message
    if meeting is not None and starts_at == meeting.starts_at:
        return []
    warnings = selectors.schedule_warnings(community=community, kind=kind, starts_at=starts_at, exclude=meeting)
    for warning in warnings:
        form.add_error(None, warning)
    return warnings


def _apply_time_errors(form, error):
    """The service speaks of starts_at/ends_at; the form has date and times."""
    if hasattr(error, "error_dict"):
        mapping = {"starts_at": "date", "ends_at": "end_time"}
        error = ValidationError({mapping.get(k, k): v for k, v in error.error_dict.items()})
    apply_errors(form, error)


def _meeting(request, pk):
    meeting = selectors.meeting_get_for_member(membership=request.membership, pk=pk)
    in_group = bool(meeting.workgroup_id) and meeting.workgroup_id in selectors.workgroup_ids_of(
        membership=request.membership)
    return meeting, in_group


@community_view()
def meeting_edit(request, pk):
    meeting, in_group = _meeting(request, pk)
    if not rules.can_manage(meeting, request.membership, in_workgroup=in_group):
        raise PermissionDenied
    if meeting.cancelled_at:
        messages.warning(request, _("Deze bijeenkomst is afgelast."))
        return redirect("meeting_detail", request.community.slug, meeting.pk)
    form = MeetingForm(request.POST or None, community=request.community, kind=meeting.kind, editing=True,
                       initial=MeetingForm.initial_for(meeting))
    warnings = []
    if request.method == "POST" and form.is_valid():
        warnings = _unconfirmed_warnings(request, community=request.community, kind=meeting.kind, form=form,
                                         meeting=meeting)
    if request.method == "POST" and not warnings and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, by=request.membership, version=form.cleaned_data.get("version"),
                                    **form.service_kwargs())
        except services.ChangedMeanwhile as error:
            # What they typed stays; the form now carries the current version, so saving again is their
            # deliberate choice after seeing the other change.
            meeting.refresh_from_db()
            if meeting.cancelled_at:
                messages.warning(request, _("Deze bijeenkomst is afgelast."))
                return redirect("meeting_detail", request.community.slug, meeting.pk)
            form.data = form.data.copy()
            form.data["version"] = str(meeting.sequence)
            apply_errors(form, error)
        except ValidationError as error:
            meeting.refresh_from_db(fields=["cancelled_at"])
            if meeting.cancelled_at:  # cancelled while the form was open
                messages.warning(request, _("Deze bijeenkomst is afgelast."))
                return redirect("meeting_detail", request.community.slug, meeting.pk)
            _apply_time_errors(form, error)
        else:
            messages.success(request, _("De bijeenkomst is bijgewerkt."))
            return redirect("meeting_detail", request.community.slug, meeting.pk)
    return render(request, "meetings/meeting_form.html", _base(
        request, form=form, kind=meeting.kind, kind_label=meeting.get_kind_display(), meeting=meeting,
        warnings=warnings))


@community_view()
def meeting_cancel(request, pk):
    meeting, in_group = _meeting(request, pk)
    if not rules.can_manage(meeting, request.membership, in_workgroup=in_group):
        raise PermissionDenied
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(meeting=meeting, by=request.membership, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De bijeenkomst is afgelast; wie kwam of misschien kwam, krijgt bericht."))
            return redirect("meeting_detail", request.community.slug, meeting.pk)
    return render(request, "meetings/meeting_cancel.html", _base(request, form=form, meeting=meeting))


# Detail -------------------------------------------------------------------------------------------

def _detail_context(request, meeting, in_group):
    membership = request.membership
    now = timezone.now()
    rsvps = selectors.rsvps_of(meeting)
    mine = next((r for r in rsvps if r.membership_id == membership.pk), None)
    agenda = selectors.agenda_moments_of(meeting)
    ctx = _base(
        request, meeting=meeting, now=now,
        my_answer=mine.answer if mine else None,
        answers=Answer.choices,
        summary=selectors.rsvp_summary(rsvps),
        agenda=selectors.agenda_of(meeting),
        is_host=rules.is_host(meeting, membership),
        can_manage=rules.can_manage(meeting, membership, in_workgroup=in_group),
        sees_attendees=rules.sees_attendees(meeting, membership, in_workgroup=in_group),
        can_propose=rules.can_propose_agenda(meeting, membership, in_workgroup=in_group),
        can_order=rules.can_order_agenda(meeting, membership, in_workgroup=in_group),
        can_record=rules.can_record(meeting, membership, in_workgroup=in_group),
        started=meeting.starts_at <= now,
        ended=meeting.ends_at <= now,
        agenda_moments=agenda,
        agenda_open=agenda.open_at(now) and not meeting.cancelled_at,
        agenda_form=AgendaItemForm(),
    )
    if ctx["sees_attendees"]:
        ctx["rsvps"] = rsvps
    if meeting.attendance_recorded_at:
        ctx["attendees"] = selectors.attendees_of(meeting)
    if ctx["can_manage"]:
        # A planned host who paused or stepped out: flagged, and someone else can be asked.
        ctx["host_unavailable"] = selectors.planned_host_unavailable(meeting)
    if (ctx["can_manage"] and not meeting.cancelled_at and not ctx["started"]
            and (meeting.host_state != HostState.ACCEPTED or ctx["host_unavailable"])):
        ctx["host_choices"] = selectors.host_choices(meeting=meeting)
        if meeting.kind == MeetingKind.PLENARY and (meeting.host_state in ("", HostState.DECLINED)
                                                     or ctx["host_unavailable"]):
            ctx["next_proposal"] = selectors.host_proposal(community=meeting.community, starts_at=meeting.starts_at,
                                                           meeting=meeting)
    return ctx


@community_view()
def meeting_detail(request, pk):
    meeting, in_group = _meeting(request, pk)
    return render(request, "meetings/meeting_detail.html", _detail_context(request, meeting, in_group))


@require_POST
@community_view()
def meeting_rsvp(request, pk):
    meeting, in_group = _meeting(request, pk)
    form = RsvpForm(request.POST)
    error = None
    if not form.is_valid():
        error = _("Kies ja, nee of misschien.")
    else:
        try:
            services.rsvp_set(meeting=meeting, membership=request.membership, answer=form.cleaned_data["answer"])
        except ValidationError as exc:
            error = " ".join(exc.messages)
    if request.htmx:
        # 200 even on error: htmx only swaps successful responses, and the fragment carries the message.
        ctx = _detail_context(request, meeting, in_group)
        ctx["rsvp_error"] = error
        return render(request, "meetings/meeting_detail.html#rsvp", ctx)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Je antwoord is opgeslagen."))
    if request.POST.get("back") == "home":  # the RSVP buttons on the community home
        return redirect("community_home", request.community.slug)
    return redirect("meeting_detail", request.community.slug, meeting.pk)


@require_POST
@community_view()
def meeting_host_answer(request, pk):
    meeting, _in_group = _meeting(request, pk)
    if not rules.can_answer_host_request(meeting, request.membership):
        raise PermissionDenied
    accept = request.POST.get("answer") == "accept"
    try:
        services.host_answer(meeting=meeting, membership=request.membership, accept=accept,
                             at_home=request.POST.get("at_home") == "1" if accept else None)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if accept:
            messages.success(request, _("Dank je wel! Je ontvangt de groep. Onder 'Wie komt' zie je wie komt en "
                                        "welke dieetwensen er zijn."))
        else:
            messages.info(request, _("Jammer, maar helder. De procesbegeleider vraagt iemand anders."))
    return redirect("meeting_detail", request.community.slug, meeting.pk)


@require_POST
@community_view()
def meeting_host_ask(request, pk):
    meeting, in_group = _meeting(request, pk)
    if not rules.can_manage(meeting, request.membership, in_workgroup=in_group):
        raise PermissionDenied
    host = active_members(community=request.community).filter(pk=request.POST.get("host") or 0).first()
    if host is None:
        messages.error(request, _("De gastheer of gastvrouw moet lid zijn van deze gemeenschap."))
    else:
        try:
            services.host_ask(meeting=meeting, host=host, by=request.membership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s krijgt de vraag om te ontvangen.") % {"name": host.user.name})
    return redirect("meeting_detail", request.community.slug, meeting.pk)


# Agenda -------------------------------------------------------------------------------------------

@require_POST
@community_view()
def agenda_add(request, pk):
    meeting, in_group = _meeting(request, pk)
    if not rules.can_propose_agenda(meeting, request.membership, in_workgroup=in_group):
        raise PermissionDenied
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        try:
            services.agenda_item_add(meeting=meeting, by=request.membership, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Het agendapunt is toegevoegd."))
            return redirect(reverse("meeting_detail", args=[request.community.slug, meeting.pk]) + "#agenda")
    ctx = _detail_context(request, meeting, in_group)
    ctx["agenda_form"] = form
    return render(request, "meetings/meeting_detail.html", ctx, status=400)


def _item(request, pk, item_id):
    meeting, in_group = _meeting(request, pk)
    item = get_object_or_404(AgendaItem, pk=item_id, meeting=meeting)
    return meeting, in_group, item


@require_POST
@community_view()
def agenda_move(request, pk, item_id):
    meeting, in_group, item = _item(request, pk, item_id)
    if not rules.can_order_agenda(meeting, request.membership, in_workgroup=in_group):
        raise PermissionDenied
    services.agenda_item_move(item=item, up=request.POST.get("direction") != "down")
    if request.htmx:
        return render(request, "meetings/meeting_detail.html#agenda", _detail_context(request, meeting, in_group))
    return redirect(reverse("meeting_detail", args=[request.community.slug, meeting.pk]) + "#agenda")


@require_POST
@community_view()
def agenda_remove(request, pk, item_id):
    meeting, in_group, item = _item(request, pk, item_id)
    if not rules.can_remove_agenda_item(meeting, request.membership, item, in_workgroup=in_group):
        raise PermissionDenied
    services.agenda_item_remove(item=item)
    messages.info(request, _("Het agendapunt is verwijderd."))
    return redirect(reverse("meeting_detail", args=[request.community.slug, meeting.pk]) + "#agenda")


# After the meeting --------------------------------------------------------------------------------

@community_view()
def meeting_attendance(request, pk):
    meeting, in_group = _meeting(request, pk)
    if not rules.can_record(meeting, request.membership, in_workgroup=in_group):
        raise PermissionDenied
    if meeting.starts_at > timezone.now():
        messages.warning(request, _("Aanwezigheid vul je in als de bijeenkomst begonnen is."))
        return redirect("meeting_detail", request.community.slug, meeting.pk)
    invitees = list(selectors.invitees_of(meeting))
    if meeting.attendance_recorded_at:
        present = selectors.attendance_ids(meeting)
    else:
        present = {r.membership_id for r in selectors.rsvps_of(meeting) if r.answer == Answer.YES}
    known = {m.pk for m in invitees}
    # Someone who came but has left the workgroup since still shows, ticked.
    invitees += [m for m in selectors.attendees_of(meeting) if m.pk not in known] if meeting.attendance_recorded_at else []
    form = AttendanceForm(request.POST or None, invitees=invitees,
                          initial={"present": [str(pk_) for pk_ in present], "notes": meeting.notes})
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(meeting=meeting, by=request.membership,
                                       present_ids=[int(v) for v in form.cleaned_data["present"]],
                                       notes=form.cleaned_data["notes"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Aanwezigheid en verslag zijn opgeslagen."))
            return redirect("meeting_detail", request.community.slug, meeting.pk)
    return render(request, "meetings/meeting_attendance.html", _base(request, meeting=meeting, form=form))


# Settings -----------------------------------------------------------------------------------------

@community_view(rule=rules.can_change_settings)
def meeting_settings(request):
    current = selectors.settings_for(community=request.community)
    form = MeetingSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.meeting_settings_update(community=request.community, **fields)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De instellingen voor bijeenkomsten zijn opgeslagen."))
            return redirect("meeting_list", request.community.slug)
    return render(request, "meetings/settings_form.html", _base(request, form=form))


# Calendar -----------------------------------------------------------------------------------------
# Calendar apps poll the feed every few minutes to every few hours. Both calendar views answer a
# conditional request (If-None-Match, If-Modified-Since) with a 304 computed from one cheap query (see
# lg_portal.common.conditional), before anything is rendered.
#
# The ETag covers the meetings' own rows, the person's answers and settings, the language and
# ics.FORMAT. Names held in other rows (a renamed workgroup or community, a host's or organiser's new
# name) are not in it; the date is, so such a change reaches every calendar within a day, or at once
# with the next change that is in it.

def _with_headers(**headers):
    """Headers on every answer of a view, the 304 too (a 304 repeats the headers of the 200 it stands
    for)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            for name, value in headers.items():
                response[name.replace("_", "-")] = value
            return response

        return wrapper

    return decorate


# A client may keep the calendar, but asks again before it shows it.
_revalidate = _with_headers(Cache_Control="private, max-age=0, no-cache")


def _meeting_ics_versions(request, pk):
    row = selectors.calendar_version_for_member(membership=request.membership, pk=pk)
    parts = (ics.FORMAT, ics.uid_domain(), translation.get_language(), timezone.now().date(), row)
    return conditional.versions(f"meeting-ics:{request.user.pk}:{pk}", parts)


@community_view()
@_revalidate
@conditional.revalidated_by(_meeting_ics_versions)
def meeting_ics(request, pk):
    meeting = selectors.calendar_meeting_for_member(membership=request.membership, pk=pk)
    response = HttpResponse(ics.meeting_calendar(meeting, user=request.user),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{meeting.pk}.ics"'
    return response


def _feed_owner(request, token):
    """The person whose feed this is (once per request), or 404; the request's moment, which the
    ETag and the body must share."""
    if not hasattr(request, "_feed_owner"):
        user = User.objects.filter(feed_token=token, is_active=True).first() if token else None
        if user is None:
            raise Http404
        request._feed_owner, request._feed_now = user, timezone.now()
    return request._feed_owner


def _feed_versions(request, token):
    user = _feed_owner(request, token)
    rows = selectors.feed_versions_for_user(user=user, now=request._feed_now)
    parts = (ics.FORMAT, ics.uid_domain(), user.pk, user.name, user.email, user.language,
             user.feed_all_workgroups, request._feed_now.date(), rows)
    return conditional.versions(f"calendar-feed:{user.pk}", parts)


@_with_headers(X_Robots_Tag="noindex")
@_revalidate
@conditional.revalidated_by(_feed_versions)
def calendar_feed(request, token):
    """The private feed: no login (calendar clients cannot log in); the secret token is the key. Two
    queries for a 304, three for the calendar, whatever the number of meetings."""
    user = _feed_owner(request, token)
    meetings = selectors.feed_meetings_for_user(user=user, now=request._feed_now)
    with translation.override(user.language):  # a calendar client has no language of its own
        body = ics.feed_calendar(meetings, name=_("LG Portal: bijeenkomsten van %(name)s") % {"name": user.name},
                                 user=user)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lg-portal.ics"'
    return response


@require_POST
@login_required
def feed_token_regenerate(request):
    participant_services.feed_token_regenerate(user=request.user)
    messages.success(request, _("Je hebt een nieuwe agenda-link. De oude link werkt niet meer: pas hem aan in je "
                                "agenda-programma."))
    return redirect(reverse("user_settings") + "#calendar")


@require_POST
@login_required
def feed_settings(request):
    form = FeedSettingsForm(request.POST)
    form.is_valid()  # one checkbox: always valid, absent means off
    all_workgroups = form.cleaned_data["all_workgroups"]
    participant_services.feed_settings_update(user=request.user, all_workgroups=all_workgroups)
    if all_workgroups:
        messages.success(request, _("Je agenda-link toont nu ook de bijeenkomsten van alle open werkgroepen."))
    else:
        messages.success(request, _("Je agenda-link toont nu alleen de bijeenkomsten die jou aangaan."))
    return redirect(reverse("user_settings") + "#calendar")
