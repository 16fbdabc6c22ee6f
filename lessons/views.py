from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lg_portal.common.forms import apply_errors
from participants.access import community_view

from . import rules, selectors, services
from .forms import (
    AnswerForm,
    EvaluationConcludeForm,
    EvaluationOpenForm,
    EvaluationResponseForm,
    InitiatorFilterForm,
    LearningGoalForm,
    ReflectionForm,
)
from .models import Item, LearningGoal


def _base(request, **extra):
    return {"community": request.community, "membership": request.membership, **extra}


def _checks_for_items(chapters, results):
    """Attach each item's and lesson's automatic check result (no queries)."""
    for chapter in chapters:
        for thing in (*chapter.items.all(), *chapter.lessons.all()):
            thing.check_result = results.get(thing.auto_check) if thing.auto_check else None


# --- the compass -------------------------------------------------------------------------------

@community_view()
def compass(request):
    community = request.community
    filter_form = InitiatorFilterForm(request.GET or None)
    initiator = community.initiator_kind
    if filter_form.is_valid() and filter_form.cleaned_data["initiator"]:
        initiator = filter_form.cleaned_data["initiator"]
    chapters = selectors.compass_chapters()
    results = selectors.compass_checks(community=community)
    _checks_for_items(chapters, results)
    for chapter in chapters:
        chapter.kind_groups = selectors.items_by_kind(chapter.items.all())
    return render(request, "lessons/compass.html", _base(
        request, chapters=chapters, checks=list(results.values()), filter_form=filter_form,
        initiator=initiator, guide=selectors.initiator_guide(initiator=initiator),
        open_round=selectors.open_round(community=community),
    ))


@community_view()
def compass_chapter(request, chapter):
    found = selectors.compass_chapter(key=chapter)
    if found is None:
        raise Http404
    results = selectors.compass_checks(community=request.community)
    _checks_for_items([found], results)
    found.kind_groups = selectors.items_by_kind(found.items.all())
    chapters = selectors.compass_chapters()
    return render(request, "lessons/compass_chapter.html", _base(request, chapter=found, chapters=chapters))


@community_view()
def compass_print(request):
    """The compass with the community's current state, for paper: the automatic checks and the tally
    of the latest closed self-assessment round next to every item."""
    community = request.community
    chapters = selectors.compass_chapters()
    results = selectors.compass_checks(community=community)
    _checks_for_items(chapters, results)
    latest, tally = selectors.latest_closed_tally(community=community)
    for chapter in chapters:
        for item in chapter.items.all():
            item.tally = tally.get(item.pk)
        chapter.kind_groups = selectors.items_by_kind(chapter.items.all())
    return render(request, "lessons/compass_print.html", _base(
        request, chapters=chapters, checks=list(results.values()), latest=latest,
        guide=selectors.initiator_guide(initiator=community.initiator_kind), now=timezone.now()))


# --- self-assessment ---------------------------------------------------------------------------

@community_view()
def rounds(request):
    community = request.community
    chapters = list(selectors.compass_chapters())
    trend = selectors.trend(community=community, chapters=chapters)
    return render(request, "lessons/rounds.html", _base(
        request, rounds=selectors.rounds_of(community=community), trend=trend,
        charts=selectors.trend_chart(trend), open_round=selectors.open_round(community=community)))


@require_POST
@community_view(rule=rules.can_run_assessment)
def round_open(request):
    try:
        round = services.assessment_round_open(community=request.community, by=request.membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("lessons_rounds", request.community.slug)
    messages.success(request, _("De ronde is geopend. Iedereen kan nu elk punt van het kompas beoordelen."))
    return redirect("lessons_round", request.community.slug, round.pk)


def _answer_entry(item, answer, form=None):
    if form is None:
        initial = {"state": answer.state, "note": answer.note} if answer else None
        form = AnswerForm(prefix=f"i{item.pk}", initial=initial)
    return {"item": item, "answer": answer, "form": form}


def _round_context(request, round, *, bound=None):
    chapters = selectors.compass_chapters()
    context = _base(request, round=round, chapters=chapters)
    if round.is_open:
        mine = selectors.answers_of_member(round=round, membership=request.membership)
        for chapter in chapters:
            chapter.entries = [
                _answer_entry(item, mine.get(item.pk), bound[1] if bound and bound[0] == item.pk else None)
                for item in chapter.items.all()]
        context.update(answered=len(mine), total=sum(len(c.entries) for c in chapters),
                       respondents=selectors.round_respondents(round=round))
    else:
        tally, notes = selectors.round_tally(round=round), selectors.round_notes(round=round)
        for chapter in chapters:
            chapter.summary = round.summary.get(chapter.key, {})
            for item in chapter.items.all():
                item.tally, item.notes = tally.get(item.pk), notes.get(item.pk, [])
    return context


@community_view()
def round_detail(request, pk):
    round = selectors.round_get(community=request.community, pk=pk)
    return render(request, "lessons/round_detail.html", _round_context(request, round))


@require_POST
@community_view()
def round_answer(request, pk, item_pk):
    round = selectors.round_get(community=request.community, pk=pk)
    item = get_object_or_404(Item, pk=item_pk)
    form = AnswerForm(request.POST, prefix=f"i{item.pk}")
    saved = False
    if form.is_valid():
        try:
            answer = services.assessment_answer(round=round, item=item, membership=request.membership,
                                                state=form.cleaned_data["state"], note=form.cleaned_data["note"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            saved = True
    if request.htmx:
        entry = _answer_entry(item, answer) if saved else {"item": item, "answer": None, "form": form}
        context = _base(request, round=round, entry=entry, saved=saved)
        html = render_to_string("lessons/round_detail.html#item", context, request=request)
        if saved:  # also refresh the progress line above the items (out of band)
            html += render_to_string("lessons/round_detail.html#progress", {
                **context, "oob": True, "total": Item.objects.count(),
                "answered": len(selectors.answers_of_member(round=round, membership=request.membership)),
                "respondents": selectors.round_respondents(round=round)}, request=request)
        return HttpResponse(html)
    if saved:
        messages.success(request, _("Je antwoord is opgeslagen."))
        return redirect(reverse("lessons_round", args=[request.community.slug, round.pk]) + f"#item-{item.pk}")
    round.refresh_from_db()
    if not round.is_open:
        messages.error(request, _("Deze ronde is gesloten; je antwoord is niet opgeslagen."))
    return render(request, "lessons/round_detail.html", _round_context(request, round, bound=(item.pk, form)),
                  status=400)


@require_POST
@community_view(rule=rules.can_run_assessment)
def round_close(request, pk):
    round = selectors.round_get(community=request.community, pk=pk)
    try:
        services.assessment_round_close(round=round, by=request.membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De ronde is gesloten. Hieronder staat de samenvatting per hoofdstuk."))
    return redirect("lessons_round", request.community.slug, round.pk)


# --- intermediate evaluations ---------------------------------------------------------------------

def _evaluations_context(request, open_form=None):
    community = request.community
    return _base(request, schedule=selectors.evaluation_schedule(community=community, today=timezone.localdate()),
                 history=selectors.goal_history(community=community),
                 open_form=open_form or EvaluationOpenForm(initial={"planned_on": timezone.localdate()}))


@community_view()
def evaluations(request):
    return render(request, "lessons/evaluations.html", _evaluations_context(request))


@require_POST
@community_view(rule=rules.can_run_evaluation)
def evaluation_open(request):
    form = EvaluationOpenForm(request.POST)
    if form.is_valid():
        try:
            evaluation = services.evaluation_open(community=request.community, by=request.membership,
                                                  planned_on=form.cleaned_data["planned_on"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De tussenevaluatie staat open. Iedereen kan de vragen nu beantwoorden."))
            return redirect("lessons_evaluation", request.community.slug, evaluation.pk)
    return render(request, "lessons/evaluations.html", _evaluations_context(request, open_form=form), status=400)


def _evaluation_context(request, evaluation, *, response_form=None, conclude_form=None):
    responses = selectors.evaluation_responses(evaluation=evaluation)
    mine = next((r for r in responses if r.membership_id == request.membership.pk), None)
    return _base(
        request, evaluation=evaluation, responses=responses, mine=mine,
        response_form=response_form or EvaluationResponseForm(instance=mine),
        conclude_form=conclude_form or EvaluationConcludeForm(initial={"goals": request.community.goals}),
        goal_changes=[c for c in selectors.goal_history(community=request.community)
                      if c.evaluation_id == evaluation.pk],
    )


@community_view()
def evaluation_detail(request, pk):
    evaluation = selectors.evaluation_get(community=request.community, pk=pk)
    return render(request, "lessons/evaluation_detail.html", _evaluation_context(request, evaluation))


@require_POST
@community_view()
def evaluation_respond(request, pk):
    evaluation = selectors.evaluation_get(community=request.community, pk=pk)
    form = EvaluationResponseForm(request.POST)
    if form.is_valid():
        try:
            services.evaluation_respond(evaluation=evaluation, membership=request.membership,
                                        answers=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
            evaluation.refresh_from_db()
            if not evaluation.is_open:  # the form is gone from the page: say it at the top
                messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Dank je wel, je antwoorden zijn opgeslagen."))
            return redirect("lessons_evaluation", request.community.slug, evaluation.pk)
    return render(request, "lessons/evaluation_detail.html",
                  _evaluation_context(request, evaluation, response_form=form), status=400)


@require_POST
@community_view(rule=rules.can_run_evaluation)
def evaluation_conclude(request, pk):
    evaluation = selectors.evaluation_get(community=request.community, pk=pk)
    form = EvaluationConcludeForm(request.POST)
    if form.is_valid():
        try:
            services.evaluation_conclude(evaluation=evaluation, by=request.membership,
                                         conclusion=form.cleaned_data["conclusion"],
                                         goals=form.cleaned_data["goals"] or None)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De tussenevaluatie is afgerond."))
            return redirect("lessons_evaluation", request.community.slug, evaluation.pk)
    return render(request, "lessons/evaluation_detail.html",
                  _evaluation_context(request, evaluation, conclude_form=form), status=400)


# --- learning goals ----------------------------------------------------------------------------

def _goals_context(request, form=None, community_form=None):
    shared, personal = selectors.learning_goals(community=request.community)
    mine = next((goals for m, goals in personal if m.pk == request.membership.pk), [])
    return _base(request, shared_goals=shared, my_goals=mine,
                 personal_goals=personal if rules.can_keep_community_goals(request.membership) else [],
                 form=form or LearningGoalForm(prefix="mine"),
                 community_form=community_form or LearningGoalForm(prefix="shared"))


@community_view()
def learning_goals(request):
    return render(request, "lessons/learning_goals.html", _goals_context(request))


@require_POST
@community_view()
def learning_goal_add(request):
    for_community = request.POST.get("for") == "community"
    if for_community and not rules.can_keep_community_goals(request.membership):
        raise PermissionDenied
    form = LearningGoalForm(request.POST, prefix="shared" if for_community else "mine")
    if form.is_valid():
        try:
            services.learning_goal_add(community=request.community, by=request.membership,
                                       text=form.cleaned_data["text"], for_community=for_community)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Het leerdoel is toegevoegd."))
            return redirect("lessons_learning_goals", request.community.slug)
    kwargs = {"community_form": form} if for_community else {"form": form}
    return render(request, "lessons/learning_goals.html", _goals_context(request, **kwargs), status=400)


@require_POST
@community_view()
def learning_goal_reach(request, pk):
    goal = get_object_or_404(LearningGoal, pk=pk, community=request.community)
    try:
        services.learning_goal_reach(goal=goal, by=request.membership, reached=request.POST.get("reached") != "0")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("lessons_learning_goals", request.community.slug)



# --- reflections --------------------------------------------------------------------------------

@community_view()
def reflections(request):
    membership = request.membership
    context = _base(
        request,
        due=selectors.reflections_due_for(membership=membership),
        moments=selectors.reflection_moments(membership=membership),
        overdue_days=selectors.REFLECTION_GRACE_DAYS,
    )
    if rules.can_oversee_reflections(membership):
        shared_goals, personal_goals = selectors.learning_goals(community=request.community)
        my_groups = selectors.workgroup_ids_of(membership=membership)
        # The very set the compass's reflection check counts (lessons.selectors.reflection_check_moments).
        overdue_set = selectors.reflection_check_moments(community=request.community)
        overdue = overdue_set["missing"]
        for row in overdue:
            workgroup = row["workgroup"]
            row["hidden"] = bool(workgroup and workgroup.closed and workgroup.pk not in my_groups)
        closed_elsewhere = sum(1 for w in overdue_set["workgroups"] if w and w.closed and w.pk not in my_groups)
        context.update(
            overdue=overdue, overdue_since=overdue_set["since"], counted_total=overdue_set["total"],
            counted_closed_elsewhere=closed_elsewhere,
            balance=selectors.reflection_balance(community=request.community),
            shared_goals=shared_goals, personal_goals=personal_goals,
            insights=selectors.shared_insights(membership=membership),
        )
    return render(request, "lessons/reflections.html", context)


def _reflection_page(request, *, activity=None, meeting=None, form=None, status=200):
    membership = request.membership
    if activity is not None:
        took_part = selectors.took_part_in_activity(activity=activity, membership=membership)
        held = activity.happened_on <= timezone.localdate()
    else:
        took_part = selectors.took_part_in_meeting(meeting=meeting, membership=membership)
        held = meeting.cancelled_at is None and meeting.starts_at <= timezone.now()
    entries = selectors.reflections_on(membership=membership, activity=activity, meeting=meeting)
    mine = next((r for r in entries if r.membership_id == membership.pk), None)
    if form is None and took_part and held:
        form = ReflectionForm(instance=mine)
    return render(request, "lessons/reflection_subject.html", _base(
        request, activity=activity, meeting=meeting, subject=activity or meeting, entries=entries, mine=mine,
        took_part=took_part, held=held, form=form), status=status)


def _reflection_submit(request, *, activity=None, meeting=None):
    form = ReflectionForm(request.POST)
    if form.is_valid():
        try:
            services.reflection_submit(membership=request.membership, activity=activity, meeting=meeting,
                                       fields=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Dank je wel, je reflectie is opgeslagen."))
            name, pk = ("lessons_reflect_activity", activity.pk) if activity else ("lessons_reflect_meeting", meeting.pk)
            return redirect(name, request.community.slug, pk)
    return _reflection_page(request, activity=activity, meeting=meeting, form=form, status=400)


@require_safe
@community_view()
def reflect_activity(request, pk):
    activity = selectors.activity_get_for_reflection(membership=request.membership, pk=pk)
    return _reflection_page(request, activity=activity)


@require_POST
@community_view()
def reflect_activity_submit(request, pk):
    activity = selectors.activity_get_for_reflection(membership=request.membership, pk=pk)
    return _reflection_submit(request, activity=activity)


@require_safe
@community_view()
def reflect_meeting(request, pk):
    meeting = selectors.meeting_get_for_reflection(membership=request.membership, pk=pk)
    return _reflection_page(request, meeting=meeting)


@require_POST
@community_view()
def reflect_meeting_submit(request, pk):
    meeting = selectors.meeting_get_for_reflection(membership=request.membership, pk=pk)
    return _reflection_submit(request, meeting=meeting)
