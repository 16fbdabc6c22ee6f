"""Demo data for the lessons app: two closed self-assessment rounds and an open one, an intermediate
evaluation that broadened the goal (as in Hellendoorn), learning goals, and reflections on most held
meetings and activities, with a few left overdue. Runs after the meetings and workgroups demos and
only uses the meetings and activities that are there."""

from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from meetings.models import Attendance, Meeting, Rsvp
from participants import services as participant_services
from workgroups.models import Activity

from . import selectors, services
from .models import (
    AnswerState,
    AssessmentAnswer,
    AssessmentRound,
    Evaluation,
    EvaluationResponse,
    Item,
    LearningGoal,
    Reflection,
)

BROADER_GOALS = (
    "Niet alleen mbo-leerlingen aan een stage helpen, maar de maatschappelijke betrokkenheid van de hele "
    "samenleving vergroten: ondernemers, onderwijs, kerken, zorg, inwoners en gemeente zetten samen concrete "
    "activiteiten op voor jongeren in Hellendoorn en Nijverdal, en leren van wat werkt en wat niet."
)
EARLIER_GOALS = (
    "Mbo-leerlingen uit Hellendoorn en Nijverdal vinden een stage- of leerwerkplek bij lokale ondernemers."
)

REFLECTIONS = [
    ("We gingen langs bij drie bedrijven en spraken met hun stagebegeleiders.",
     "Stageplekken zijn er genoeg; goede begeleiding is het knelpunt.",
     "Een kort bezoek op locatie werkt beter dan een lang overleg in het gemeentehuis.",
     "Eerder de docenten van het Noordik erbij halen."),
    ("We zetten de eerste matches van de beursvloer op een rij en belden iedereen na.",
     "Kleine bedrijven willen wel, maar weten niet waar ze moeten beginnen.",
     "Iedereen nam een paar telefoontjes; dat voelde gelijkwaardig.",
     "Een vast aanspreekpunt per match afspreken."),
    ("Plenaire bijeenkomst bij een van de deelnemers thuis, met soep en broodjes.",
     "De kerk en de woningcorporatie blijken dezelfde gezinnen te kennen.",
     "De eerste ronde duurde te lang; de doeners haakten af.",
     "Strakker op tijd, en na een uur iets doen in kleine groepjes."),
    ("We wisselden ervaringen uit over vrijwilligers in de sportclub en de diaconie.",
     "Jongeren komen eerder via vrienden dan via een oproep.",
     "Er werd goed geluisterd; niemand sprak namens zijn organisatie.",
     "Volgende keer zelf jongeren uitnodigen."),
]
INSIGHTS = [
    ("Ik merk dat ik sneller 'ja, maar' zeg dan ik dacht.", True),
    ("Met een andere pet op zie ik de gemeente heel anders.", True),
    ("Ik wil meer tijd vrijmaken voor de werkgroep.", False),
    ("Een ondernemer denkt in weken, de gemeente in jaren; dat verschil moeten we benoemen.", True),
    ("Ik leer het meest als ik zelf iets doe, niet van praten erover.", True),
    ("Ik durf vaker iets te vragen dan een jaar geleden.", False),
    ("Jongeren zelf aan tafel hebben zegt meer dan tien rapporten.", True),
    ("", False),
    ("", False),
]


def seed(ctx):
    community, now, rng, m = ctx.community, ctx.now, ctx.rng, ctx.members
    if AssessmentRound.objects.filter(community=community).exists():
        return
    coordinator = m["coordinator"]
    people = [ms for ms in m.values() if ms.is_participant or ms.is_core_group]

    _rounds(community, now, rng, coordinator, people)
    _evaluations(community, now, rng, coordinator, people)
    _learning_goals(community, now, coordinator, m)
    _reflections(community, now, rng)


def _rounds(community, now, rng, coordinator, people):
    items = list(Item.objects.all())
    # Earlier rounds score lower: the group learns. (chance of 'in place', chance of 'not applicable')
    for months_ago, in_place, answering in ((9, 0.45, 12), (3, 0.7, 10)):
        opened = now - relativedelta(months=months_ago)
        round = AssessmentRound.objects.create(community=community, opened_by=coordinator.user, opened_at=opened)
        _answers(round, items, rng.sample(people, answering), in_place, rng, opened)
        round.summary = selectors.summarise_round(round=round)
        round.closed_at, round.closed_by = opened + timedelta(days=14), coordinator.user
        round.save()
    round = AssessmentRound.objects.create(community=community, opened_by=coordinator.user,
                                           opened_at=now - timedelta(days=4))
    _answers(round, items, rng.sample(people, 4), 0.75, rng, now - timedelta(days=3))


def _answers(round, items, people, in_place, rng, when):
    notes = ["Bespreken in de kerngroep.", "Hier merken we nog weinig van.", "Gaat steeds beter.", ""]
    rows = []
    for person in people:
        for item in items:
            roll = rng.random()
            state = (AnswerState.NOT_APPLICABLE if roll > 0.93 else
                     AnswerState.IN_PLACE if roll < in_place else AnswerState.ATTENTION)
            note = rng.choice(notes) if state == AnswerState.ATTENTION and rng.random() < 0.15 else ""
            rows.append(AssessmentAnswer(round=round, item=item, membership=person, state=state, note=note,
                                         answered_at=when + timedelta(minutes=rng.randint(0, 6000))))
    AssessmentAnswer.objects.bulk_create(rows)


def _evaluations(community, now, rng, coordinator, people):
    plan = selectors.evaluation_plan(community=community)
    if not plan:
        return
    first = plan[0]
    opened = timezone.make_aware(datetime.combine(first, time(19, 30))) - timedelta(days=7)
    evaluation = Evaluation.objects.create(community=community, planned_on=first, opened_by=coordinator.user,
                                           opened_at=opened)
    answers = [
        ("De werkbezoeken: in elkaars keuken kijken.", "We praten vooral over het mbo, terwijl het over meer gaat.",
         "Ondernemers en kerken hebben elkaar meer te bieden dan gedacht.",
         "Verbreden: niet alleen mbo, de hele samenleving."),
        ("De beursvloer leverde echte matches op.", "Te veel overleg, te weinig doen.",
         "Korte bijeenkomsten bij iemand thuis werken het best.", "Het doel is te smal."),
        ("Gelijkwaardigheid: iedereen kan iets zeggen.", "Sommige mensen zakken weg.",
         "Bijpraten werkt, als je het meteen doet.", "Doelen kloppen nog, maar maak ze breder."),
    ]
    for person, (well, hard, learned, expectations) in zip(rng.sample(people, 3), answers, strict=True):
        EvaluationResponse.objects.create(evaluation=evaluation, membership=person, went_well=well, was_hard=hard,
                                          learned=learned, expectations=expectations,
                                          answered_at=opened + timedelta(days=rng.randint(1, 6)))
    concluded = opened + timedelta(days=10)
    # The goal as it stood before this evaluation (seed data, not a change to record).
    participant_services.community_update(community=community, goals=EARLIER_GOALS)
    services.evaluation_conclude(
        evaluation=evaluation, by=coordinator, now=concluded, goals=BROADER_GOALS,
        conclusion=("We zijn op de goede weg, maar het doel was te smal. We verbreden het: van het mbo naar de "
                    "maatschappelijke betrokkenheid van de hele samenleving. Plenaire bijeenkomsten worden korter, "
                    "met meer doen in kleine groepen."))
    # The next one is due now: open, with a first answer.
    if len(plan) > 1 and plan[1] <= timezone.localdate(now) + timedelta(days=30):
        second = Evaluation.objects.create(community=community, planned_on=plan[1], opened_by=coordinator.user,
                                           opened_at=now - timedelta(days=2))
        EvaluationResponse.objects.create(evaluation=second, membership=people[0],
                                          went_well="De stagebank loopt.", was_hard="Wat doen we na de twee jaar?",
                                          answered_at=now - timedelta(days=1))


def _learning_goals(community, now, coordinator, m):
    for text in ("Elkaars taal leren spreken: ondernemers, kerken, zorg en gemeente.",
                 "Leren hoe je een vraagstuk samen aanpakt zonder vast projectplan."):
        LearningGoal.objects.create(community=community, text=text, created_by=coordinator.user,
                                    created_at=now - relativedelta(months=10))
    personal = {"participant": "Beter netwerken buiten mijn eigen kring.",
                "marieke": "Minder snel 'ja, maar' zeggen.",
                "jan": "Leren hoe de gemeente van binnen werkt.",
                "sanne": "Oefenen met het begeleiden van kleine groepen."}
    for login, text in personal.items():
        if login in m:
            LearningGoal.objects.create(community=community, membership=m[login], text=text,
                                        created_by=m[login].user, created_at=now - relativedelta(months=8),
                                        reached_at=now - relativedelta(months=1) if login == "jan" else None)


def _reflections(community, now, rng):
    """Reflections on most activities and held meetings; the most recent ones and a few older ones stay
    open, so the demo shows what is due and what is overdue."""
    today = timezone.localdate(now)
    activities = list(Activity.objects.filter(community=community, happened_on__lte=today)
                      .prefetch_related("participants").order_by("happened_on"))
    for i, activity in enumerate(activities):
        if (today - activity.happened_on).days <= 3 or i % 5 == 4:
            continue  # recent, or one in five left without a look back (overdue)
        takers = list(activity.participants.all())
        when = timezone.make_aware(datetime.combine(activity.happened_on, time(20, 0))) + timedelta(
            days=rng.randint(1, 5))
        for person in rng.sample(takers, min(len(takers), rng.randint(1, 3))):
            _reflect(person, when, rng, activity=activity)

    meetings = list(Meeting.objects.filter(community=community, starts_at__lt=now, cancelled_at__isnull=True)
                    .order_by("starts_at"))
    attendance = {}
    for meeting_id, membership_id in Attendance.objects.filter(meeting__in=meetings).values_list(
            "meeting_id", "membership_id"):
        attendance.setdefault(meeting_id, []).append(membership_id)
    said_yes = {}
    for meeting_id, membership_id in Rsvp.objects.filter(meeting__in=meetings, answer="yes").values_list(
            "meeting_id", "membership_id"):
        said_yes.setdefault(meeting_id, []).append(membership_id)
    members = {ms.pk: ms for ms in community.memberships.all()}
    for i, meeting in enumerate(meetings):
        if (now - meeting.ends_at).days <= 2 or i % 4 == 3:
            continue
        present = attendance.get(meeting.pk) if meeting.attendance_recorded_at else said_yes.get(meeting.pk)
        takers = [members[pk] for pk in present or [] if pk in members]
        for person in rng.sample(takers, min(len(takers), rng.randint(1, 3))):
            _reflect(person, meeting.ends_at + timedelta(days=rng.randint(1, 4)), rng, meeting=meeting)


def _reflect(person, when, rng, *, activity=None, meeting=None):
    did, content, process, next_time = rng.choice(REFLECTIONS)
    insight, shared = rng.choice(INSIGHTS)
    Reflection.objects.get_or_create(
        activity=activity, meeting=meeting, membership=person,
        defaults={"community_id": person.community_id, "what_we_did": did, "learned_content": content,
                  "learned_process": process, "next_time": next_time, "insight": insight, "insight_shared": shared,
                  "created_at": when, "updated_at": when})
