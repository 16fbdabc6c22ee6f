"""Writes for self-assessments, evaluations, goals, learning goals and reflections. Keyword-only,
validated, transactional. Each raises ValidationError with a message for the person."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lg_portal.common.once import sent_just_before
from participants import services as participant_services
from participants.models import Community, Membership

from . import emails, rules, selectors
from .models import (
    AnswerState,
    AssessmentAnswer,
    AssessmentRound,
    Evaluation,
    EvaluationResponse,
    GoalChange,
    Item,
    LearningGoal,
    Reflection,
)

# --- self-assessment ---------------------------------------------------------------------------


def assessment_round_open(*, community: Community, by: Membership, now=None) -> AssessmentRound:
    if not rules.can_run_assessment(by):
        raise ValidationError(_("Alleen een procesbegeleider of coördinator kan een ronde openen."))
    now = now or timezone.now()
    round = AssessmentRound(community=community, opened_by=by.user, opened_at=now)
    round.full_clean()
    try:
        with transaction.atomic():
            round.save()
    except IntegrityError:
        raise ValidationError(_("Er staat al een ronde open.")) from None
    return round


def assessment_answer(*, round: AssessmentRound, item: Item, membership: Membership, state: str, note: str = "",
                      now=None) -> AssessmentAnswer:
    """Record (or change) one member's mark on one item. The round row is locked, so an answer never
    lands in a round that is being closed."""
    if membership.community_id != round.community_id:
        raise ValidationError(_("Je bent geen lid van deze gemeenschap."))
    if state not in AnswerState.values:
        raise ValidationError({"state": _("Kies: op orde, verdient aandacht of niet van toepassing.")})
    now = now or timezone.now()
    with transaction.atomic():
        locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
        if not locked.is_open:
            raise ValidationError(_("Deze ronde is gesloten; je antwoord is niet opgeslagen."))
        answer = AssessmentAnswer.objects.filter(round=locked, item=item, membership=membership).first()
        if answer is None:
            answer = AssessmentAnswer(round=locked, item=item, membership=membership)
        answer.state, answer.note, answer.answered_at = state, note.strip(), now
        answer.full_clean(validate_unique=False)
        answer.save()
    return answer


def assessment_round_close(*, round: AssessmentRound, by: Membership, now=None) -> AssessmentRound:
    """Close a round and store its summary per chapter, so the trend never changes afterwards."""
    if not rules.can_run_assessment(by):
        raise ValidationError(_("Alleen een procesbegeleider of coördinator kan een ronde sluiten."))
    now = now or timezone.now()
    with transaction.atomic():
        locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
        if not locked.is_open:
            raise ValidationError(_("Deze ronde is al gesloten."))
        locked.summary = selectors.summarise_round(round=locked)
        locked.closed_at, locked.closed_by = now, by.user
        locked.full_clean()
        locked.save(update_fields=["summary", "closed_at", "closed_by"])
    return locked


# --- intermediate evaluations ---------------------------------------------------------------------

def evaluation_open(*, community: Community, planned_on, by: Membership, now=None) -> Evaluation:
    if not rules.can_run_evaluation(by):
        raise ValidationError(_("Alleen een procesbegeleider of coördinator kan een tussenevaluatie openen."))
    if planned_on < community.starts_on or planned_on > community.ends_on:
        raise ValidationError({"planned_on": _("Kies een datum binnen de looptijd van de gemeenschap.")})
    evaluation = Evaluation(community=community, planned_on=planned_on, opened_by=by.user,
                            opened_at=now or timezone.now())
    evaluation.full_clean()
    try:
        with transaction.atomic():
            evaluation.save()
            emails.evaluation_opened(evaluation=evaluation)
    except IntegrityError:
        raise ValidationError({"planned_on": _("Voor deze datum is al een tussenevaluatie.")}) from None
    return evaluation


EVALUATION_QUESTIONS = ("went_well", "was_hard", "learned", "expectations")


def evaluation_respond(*, evaluation: Evaluation, membership: Membership, answers: dict, now=None
                       ) -> EvaluationResponse:
    if membership.community_id != evaluation.community_id:
        raise ValidationError(_("Je bent geen lid van deze gemeenschap."))
    cleaned = {k: (answers.get(k) or "").strip() for k in EVALUATION_QUESTIONS}
    if not any(cleaned.values()):
        raise ValidationError(_("Beantwoord minstens één vraag."))
    with transaction.atomic():
        locked = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        if not locked.is_open:
            raise ValidationError(_("Deze tussenevaluatie is afgerond; je antwoorden zijn niet opgeslagen."))
        response = EvaluationResponse.objects.filter(evaluation=locked, membership=membership).first()
        if response is None:
            response = EvaluationResponse(evaluation=locked, membership=membership)
        for name, value in cleaned.items():
            setattr(response, name, value)
        response.answered_at = now or timezone.now()
        response.full_clean(validate_unique=False)
        response.save()
    return response


def evaluation_conclude(*, evaluation: Evaluation, by: Membership, conclusion: str, goals: str | None = None,
                        now=None) -> Evaluation:
    """Conclude an evaluation. When `goals` differs from the community's goals, they change and the
    change is kept in the goal history, linked to this evaluation."""
    if not rules.can_run_evaluation(by):
        raise ValidationError(_("Alleen een procesbegeleider of coördinator kan een tussenevaluatie afronden."))
    conclusion = conclusion.strip()
    if not conclusion:
        raise ValidationError({"conclusion": _("Schrijf op wat jullie samen concluderen.")})
    now = now or timezone.now()
    with transaction.atomic():
        locked = Evaluation.objects.select_for_update().select_related("community").get(pk=evaluation.pk)
        if not locked.is_open:
            raise ValidationError(_("Deze tussenevaluatie is al afgerond."))
        locked.conclusion, locked.concluded_at, locked.concluded_by = conclusion, now, by.user
        locked.full_clean()
        locked.save(update_fields=["conclusion", "concluded_at", "concluded_by"])
        if goals is not None:
            community_goals_change(community=locked.community, goals=goals, by=by, evaluation=locked, now=now)
    return locked


def community_goals_change(*, community: Community, goals: str, by: Membership, evaluation: Evaluation | None = None,
                           now=None) -> GoalChange | None:
    """Change the community's goals through participants.services and keep the old text. Returns
    None when nothing changed."""
    new = goals.strip()
    old = community.goals
    if new == old.strip():
        return None
    if not new:
        raise ValidationError({"goals": _("De doelen mogen niet leeg zijn.")})
    now = now or timezone.now()
    with transaction.atomic():
        change = GoalChange(community=community, evaluation=evaluation, old_text=old, new_text=new,
                            changed_on=timezone.localdate(now), changed_by=by.user, created_at=now)
        change.full_clean()
        participant_services.community_update(community=community, goals=new)
        change.save()
    return change


# --- learning goals ----------------------------------------------------------------------------

def learning_goal_add(*, community: Community, by: Membership, text: str, for_community: bool = False, now=None
                      ) -> LearningGoal:
    if for_community and not rules.can_keep_community_goals(by):
        raise ValidationError(_("Alleen een procesbegeleider of coördinator legt leerdoelen van de gemeenschap vast."))
    now = now or timezone.now()
    owner = None if for_community else by
    same = sent_just_before(LearningGoal.objects.filter(community=community, membership=owner, text=text.strip(),
                                                        created_by=by.user), now=now)
    if same is not None:
        return same
    goal = LearningGoal(community=community, membership=owner, text=text.strip(), created_by=by.user, created_at=now)
    goal.full_clean()
    goal.save()
    return goal


def learning_goal_reach(*, goal: LearningGoal, by: Membership, reached: bool = True, now=None) -> LearningGoal:
    if not rules.can_reach_goal(by, goal):
        if goal.membership_id is None:
            raise ValidationError(_("Alleen een procesbegeleider of coördinator werkt leerdoelen van de gemeenschap bij."))
        raise ValidationError(_("Dit is het leerdoel van iemand anders."))
    goal.reached_at = (now or timezone.now()) if reached else None
    goal.save(update_fields=["reached_at"])
    return goal


# --- reflections --------------------------------------------------------------------------------

REFLECTION_FIELDS = ("what_we_did", "learned_content", "learned_process", "next_time", "insight", "insight_shared")


def reflection_submit(*, membership: Membership, fields: dict, activity=None, meeting=None, now=None) -> Reflection:
    """Write (or rewrite) this member's reflection on an activity or a held meeting they took part in."""
    if (activity is None) == (meeting is None):
        raise ValueError("reflect on exactly one activity or meeting")
    now = now or timezone.now()
    subject = activity if activity is not None else meeting
    if subject.community_id != membership.community_id:
        raise ValidationError(_("Dit hoort niet bij jouw gemeenschap."))
    if activity is not None:
        if activity.happened_on > timezone.localdate(now):
            raise ValidationError(_("Deze activiteit heeft nog niet plaatsgevonden."))
        if not selectors.took_part_in_activity(activity=activity, membership=membership):
            raise ValidationError(_("Je deed niet mee aan deze activiteit. Alleen wie meedeed, kan erop reflecteren."))
    else:
        if meeting.cancelled_at is not None:
            raise ValidationError(_("Deze bijeenkomst is afgelast."))
        if meeting.starts_at > now:
            raise ValidationError(_("Deze bijeenkomst is nog niet geweest."))
        if not selectors.took_part_in_meeting(meeting=meeting, membership=membership):
            raise ValidationError(_("Je was niet bij deze bijeenkomst. Alleen wie erbij was, kan erop reflecteren."))
    lookup = {"activity": activity} if activity is not None else {"meeting": meeting}
    with transaction.atomic():
        reflection = Reflection.objects.select_for_update().filter(membership=membership, **lookup).first()
        created = reflection is None
        if created:
            reflection = Reflection(community_id=membership.community_id, membership=membership, created_at=now,
                                    **lookup)
        _reflection_fill(reflection, fields, now)
        try:
            with transaction.atomic():
                reflection.save()
        except IntegrityError:
            if not created:
                raise
            # Two first saves at once (two tabs): the one that came second is kept, as an edit would be.
            reflection = Reflection.objects.select_for_update().get(membership=membership, **lookup)
            _reflection_fill(reflection, fields, now)
            reflection.save()
    return reflection


def _reflection_fill(reflection: Reflection, fields: dict, now) -> None:
    for name in REFLECTION_FIELDS:
        value = fields.get(name, False if name == "insight_shared" else "")
        setattr(reflection, name, value.strip() if isinstance(value, str) else bool(value))
    reflection.updated_at = now
    reflection.full_clean(validate_constraints=False)
