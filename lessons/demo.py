"""Demo data for the lessons app: two closed self-assessment rounds and an open one, an intermediate
evaluation that broadened the goal (as in Hellendoorn), learning goals, and reflections on most held
meetings and activities, with a few left overdue. Runs after the meetings and workgroups demos and
only uses the meetings and activities that are there."""

import zoneinfo
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from meetings.models import Attendance, Meeting, Rsvp
from participants import services as participant_services
from workgroups.models import Activity, Workgroup, WorkgroupMember

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
    seed_returns(ctx)  # return, costs and the ended community: idempotent on their own
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


# --- return (rendement), costs, dare to ask, and an ended community with its harvest -----------------

ENDED_SLUG = "rijssen-afgerond"

# Pictures of return that differ widely, as they did in Hellendoorn: the demo shows the warning.
EXPECTATIONS = [
    (["relations"], "Elkaar kennen, zodat je iemand belt in plaats van een brief stuurt."),
    (["visibility"], "Dat mensen weten dat de LG bestaat en wat ze doet."),
    (["concrete"], "Stageplekken en leerbanen voor jongeren uit het dorp."),
    (["own_organisation", "learning"], "Dat mijn eigen organisatie anders gaat samenwerken."),
    (["learning"], "Leren hoe ondernemers, kerken en gemeente denken."),
    (["concrete", "visibility"], ""),
    (["relations", "learning"], ""),
    (["other"], "Dat jongeren zelf aan tafel komen."),
]

RETURNS = [
    # kind, title, days ago, people (logins), organisations, value, hours, description
    ("concrete", "Twee stageplekken bij Supermarkt Yilmaz", 28, ["ahmet", "bas"], "Supermarkt Yilmaz, Het Noordik",
     None, 6, "Vanaf september, begeleid door een vaste collega."),
    ("concrete", "Kantine van de sportclub opgeknapt met jongeren", 20, ["thijs", "niels", "wilma"], "VV Hellendoorn",
     "1800.00", 40, "Twaalf jongeren schilderden mee; verf gesponsord door de bouwmarkt."),
    ("concrete", "Snuffelstage voor groep 8 bij de bakkerij", 50, ["joyce", "marieke"],
     "Basisschool De Regenboog, Bakkerij Smit", None, 8, ""),
    ("relationship", "De kerk en de woningcorporatie kennen dezelfde gezinnen", 200, ["ingrid", "wilma"],
     "Protestantse gemeente, Reggewonen", None, None, "Ze bellen elkaar nu voordat een gezin vastloopt."),
    ("relationship", "Ondernemer en wethouder: een korte lijn", 150, ["jan", "ruud"], "", None, None,
     "Jan belt Ruud nu rechtstreeks over leerbanen."),
    ("relationship", "Zorg, bank en school vonden elkaar bij een werkbezoek", 60, ["esther", "karin", "joyce"], "",
     None, None, ""),
    ("relationship", "Bakker en supermarkt delen stagebegeleiding", 25, ["marieke", "ahmet"], "", None, None, ""),
    ("slipstream", "Reggewonen past haar wijkaanpak aan", 90, ["wilma"], "Woningcorporatie Reggewonen", None, None,
     "Niet door de LG bedacht, wel door wat Wilma er hoorde: huurders met schulden eerder opzoeken."),
    ("slipstream", "De ondernemersvereniging start een eigen leerbanenpool", 40, ["jan"], "Ondernemersvereniging",
     None, None, "Naast de LG, in haar kielzog."),
    ("learning", "Ondernemers leren de taal van de gemeente", 20, ["dirk", "ahmet", "participant"], "Gemeente Hellendoorn",
     None, 3, "Na de uitleg over de leerbanenregeling weten ondernemers waar ze moeten zijn."),
    ("learning", "Korte bijeenkomsten bij iemand thuis werken beter", 120, [], "", None, None,
     "Uit de tussenevaluatie: doeners haken af bij lange overleggen."),
]


def seed_returns(ctx):
    _seed_return_demo(ctx)
    _seed_ended_community(ctx)


def _seed_return_demo(ctx):
    from .models import AskAnswer, AskRequest, Contribution, ReturnEntry, ReturnExpectation, ReturnPerson

    community, now, m = ctx.community, ctx.now, ctx.members
    if ReturnEntry.objects.filter(community=community).exists():
        return
    today = timezone.localdate(now)
    for i, membership in enumerate(m.values()):
        kinds, words = EXPECTATIONS[i % len(EXPECTATIONS)]
        ReturnExpectation.objects.create(membership=membership, kinds=kinds, own_words=words,
                                         created_at=membership.joined_at, updated_at=membership.joined_at)
    activities = {a.title: a for a in Activity.objects.filter(community=community).select_related("workgroup")}
    by_title = {"Twee stageplekken bij Supermarkt Yilmaz": "Supermarkt Yilmaz neemt twee stagiairs van Het Noordik",
                "Kantine van de sportclub opgeknapt met jongeren": "Workshop schilderen met jongeren",
                "Snuffelstage voor groep 8 bij de bakkerij": "In elkaars keuken kijken bij Bakkerij Smit",
                "Ondernemers leren de taal van de gemeente": "Gemeente legt uit hoe de leerbanenregeling werkt"}
    recorders = [login for login in ("participant", "marieke", "sanne", "coordinator") if login in m]
    for i, (kind, title, days_ago, logins, organisations, value, hours, description) in enumerate(RETURNS):
        activity = activities.get(by_title.get(title, ""))
        day = max(today - timedelta(days=days_ago), community.starts_on)
        entry = ReturnEntry.objects.create(
            community=community, kind=kind, title=title, description=description, happened_on=day,
            organisations=organisations, activity=activity, workgroup=activity.workgroup if activity else None,
            value_eur=value, hours=hours, recorded_by=m[recorders[i % len(recorders)]],
            created_at=timezone.make_aware(datetime.combine(day, time(21, 0))))
        ReturnPerson.objects.bulk_create([ReturnPerson(entry=entry, membership=m[login]) for login in logins
                                          if login in m])

    # Hosts' meals at the plenaries held so far, in kind; and the other sources once.
    facilitator = m.get("facilitator")
    for meeting in Meeting.objects.filter(community=community, kind="plenary", starts_at__lt=now,
                                          cancelled_at__isnull=True, host__isnull=False).select_related("host__user"):
        Contribution.objects.create(community=community, source="host_meal", category="catering", in_kind=True,
                                    description=meeting.meal_note or "Soep en broodjes", contributor=meeting.host,
                                    contributed_on=timezone.localdate(meeting.starts_at), recorded_by=facilitator)
    others = [
        ("room", "room", "Vergaderzaal voor de werkgroep Stages", "marieke", "", None, True, 200),
        ("municipal", "process_support", "Procesbegeleiding eerste jaar", None, "Gemeente Hellendoorn", "12000.00",
         False, 330),
        ("municipal", "secretarial", "Secretariële ondersteuning (uitnodigingen, verslagen)", None,
         "Gemeente Hellendoorn", "2500.00", False, 320),
        ("provincial", "knowledge_exchange", "Bijdrage aan de beursvloer", None, "Provincie Overijssel", "2500.00",
         False, 120),
        ("sponsor", "materials", "Verf en kwasten voor de kantine", None, "Bouwmarkt Hellendoorn", "350.00", True, 16),
        ("sponsor", "structural", "Startbudget leerbanenpool", None, "Rabobank", "1000.00", False, 45),
        ("pocket_money", "pocket_money", "Zakgeld: drukwerk en een gastspreker", None, "Gemeente Hellendoorn",
         "500.00", False, 100),
        ("other", "work_visit", "Rondleiding en koffie bij Ter Horst Bouw", "erik", "", None, True, 70),
    ]
    for source, category, description, login, name, amount, in_kind, days_ago in others:
        Contribution.objects.create(community=community, source=source, category=category, description=description,
                                    contributor=m.get(login) if login else None, contributor_name=name,
                                    amount_eur=amount, in_kind=in_kind,
                                    contributed_on=max(today - timedelta(days=days_ago), community.starts_on),
                                    recorded_by=facilitator)

    asks = [
        ("participant", "Een groot scherm voor een presentatie in de open lucht", "Voor de presentatie van "
         "HellendoornSamen op het marktplein.", "materials", 45,
         [("erik", "Wij hebben er een op de bouwplaats staan; ik breng het."), ("jan", "Anders weet ik er een.")], True),
        ("sanne", "Wie neemt de verslagen van de plenaire bijeenkomsten over?", "Na de zomer stopt de gemeente met "
         "secretariële ondersteuning.", "secretarial", 12, [("yvonne", "Ik wil het om de beurt doen, met iemand samen.")],
         False),
        ("jan", "Een zaal voor de beursvloer in maart", "", "room", 3, [], False),
    ]
    for login, title, body, category, days_ago, answers, closed in asks:
        if login not in m:
            continue
        asked = now - timedelta(days=days_ago)
        ask = AskRequest.objects.create(community=community, asked_by=m[login], title=title, body=body,
                                        category=category, created_at=asked,
                                        closed_at=asked + timedelta(days=4) if closed else None,
                                        closed_by=m[login].user if closed else None)
        for j, (who, text) in enumerate(answers):
            if who in m:
                AskAnswer.objects.create(request=ask, membership=m[who], body=text,
                                         created_at=asked + timedelta(hours=5 + j * 20))


RIJSSEN_PEOPLE = [
    # login, name, sector, group roles, roles, organisation
    ("gerda", "Gerda Nijkamp", "civil_society", ["networker", "doer"], {"is_core_group": True}, "Welzijn Rijssen"),
    ("henk", "Henk Roelofsen", "entrepreneur", ["doer", "strategist"], {"is_core_group": True}, "Roelofsen Transport"),
    ("fatma", "Fatma Demir", "resident", ["visionary", "thinker"], {}, ""),
    ("wim", "Wim Schuurman", "municipality", ["thinker"], {}, "Gemeente Rijssen-Holten"),
    ("lieke", "Lieke Oude Wesselink", "education", ["doer", "networker"], {"is_core_group": True}, "Pius X College"),
    ("teun", "Teun Bosch", "church", ["gadfly"], {}, "Hervormde gemeente"),
]


def _seed_ended_community(ctx):
    """A second community that ran its course: one period continued, the next ended with 'stop', each with
    its harvest. Built with the participants, meetings and workgroups models directly (a demo, not a flow)."""
    from participants.demo import demo_user
    from participants.models import Community, InitiatorKind, Membership

    from . import harvest
    from .models import AskRequest, Contribution, ReturnEntry, ReturnExpectation, ReturnPerson

    if Community.objects.filter(slug=ENDED_SLUG).exists():
        return
    now, rng = ctx.now, ctx.rng
    starts = timezone.localdate(now) - relativedelta(months=30)
    community = Community.objects.create(
        name="Lerende Gemeenschap Rijssen (afgerond, demo)", slug=ENDED_SLUG,
        question="Hoe houden we ouderen in Rijssen betrokken bij het dorp, ook als ze minder mobiel worden?",
        goals="Ouderen, vrijwilligers, ondernemers en gemeente organiseren samen vervoer en ontmoeting.",
        starts_on=starts, ends_on=starts + relativedelta(years=1), initiator_kind=InitiatorKind.WELFARE,
        ground_rules="We zijn gelijkwaardig; wat in de groep gedeeld wordt, blijft in de groep.",
        created_at=timezone.make_aware(datetime.combine(starts, time(9, 0))))
    joined = timezone.make_aware(datetime.combine(starts, time(20, 0)))
    members = {}
    for login, name, roles in (("facilitator", "Femke Jansen", {"is_facilitator": True, "is_participant": False}),
                               ("participant", "Anouk de Vries", {})):
        members[login] = Membership.objects.create(
            community=community, user=demo_user(login, name), sector="other" if login == "facilitator" else "resident",
            group_roles=["networker"], ground_rules_accepted_at=joined, joined_at=joined, hours_per_month=6, **roles)
    community.created_by = members["facilitator"].user
    community.save(update_fields=["created_by"])
    for login, name, sector, group_roles, roles, organisation in RIJSSEN_PEOPLE:
        members[login] = Membership.objects.create(
            community=community, user=demo_user(login, name), sector=sector, group_roles=group_roles,
            organisation=organisation, ground_rules_accepted_at=joined, joined_at=joined, hours_per_month=5, **roles)
    people = [ms for login, ms in members.items() if login != "facilitator"]
    for i, ms in enumerate(people):
        kinds, words = EXPECTATIONS[(i * 3) % len(EXPECTATIONS)]
        ReturnExpectation.objects.create(membership=ms, kinds=["relations", *[k for k in kinds if k != "relations"]],
                                         own_words=words, created_at=joined, updated_at=joined)

    tz = zoneinfo.ZoneInfo(community.time_zone)
    workgroup = Workgroup.objects.create(community=community, name="Vervoer en ontmoeting",
                                         theme="Een belbus en een wekelijkse koffieochtend.", created_at=joined)
    for login in ("gerda", "henk", "fatma", "lieke"):
        WorkgroupMember.objects.create(workgroup=workgroup, membership=members[login], joined_at=joined)
    attended = [("gerda", "henk", "fatma", "wim", "lieke", "teun", "participant"),
                ("gerda", "henk", "lieke", "participant", "teun"),
                ("gerda", "henk", "fatma", "lieke", "wim"),
                ("gerda", "lieke", "participant", "fatma", "henk", "teun")]
    for i, logins in enumerate(attended):
        day = starts + timedelta(days=40 + i * 110)
        begins = datetime.combine(day, time(19, 30), tzinfo=tz)
        meeting = Meeting.objects.create(community=community, kind="plenary", title=f"Plenaire bijeenkomst {i + 1}",
                                         starts_at=begins, ends_at=begins + timedelta(hours=2),
                                         host=members[logins[0]], host_state="accepted",
                                         venue=f"Bij {members[logins[0]].user.name}", meal_note="Koffie en krentenbrood",
                                         attendance_recorded_at=begins + timedelta(days=1),
                                         created_at=begins - timedelta(days=30), updated_at=begins)
        Attendance.objects.bulk_create([Attendance(meeting=meeting, membership=members[login]) for login in logins])
        Contribution.objects.create(community=community, source="host_meal", category="catering", in_kind=True,
                                    description="Koffie en krentenbrood", contributor=members[logins[0]],
                                    contributed_on=day, recorded_by=members["facilitator"])
    activities = []
    for j, (title, days, logins) in enumerate((("Proefrit met de belbus", 70, ("henk", "gerda", "fatma")),
                                               ("Koffieochtend in het buurthuis", 190, ("gerda", "lieke", "teun")),
                                               ("Werkbezoek bij de zorgcoöperatie", 400, ("lieke", "henk", "wim")))):
        a = Activity.objects.create(workgroup=workgroup, community=community, kind="work_visit" if j == 2 else "other",
                                    title=title, happened_on=starts + timedelta(days=days), outcome="",
                                    created_at=joined + timedelta(days=days))
        a.participants.set([members[login] for login in logins])
        activities.append(a)
        when = timezone.make_aware(datetime.combine(a.happened_on + timedelta(days=2), time(20, 0)))
        for login in logins[:2]:
            did, content, process, next_time = rng.choice(REFLECTIONS)
            Reflection.objects.create(community=community, activity=a, membership=members[login], what_we_did=did,
                                      learned_content=content, learned_process=process, next_time=next_time,
                                      created_at=when, updated_at=when)
    evaluation = Evaluation.objects.create(community=community, planned_on=starts + relativedelta(months=6),
                                           opened_by=members["facilitator"].user,
                                           opened_at=joined + relativedelta(months=6) - timedelta(days=7))
    EvaluationResponse.objects.create(evaluation=evaluation, membership=members["gerda"],
                                      went_well="De belbus rijdt.", learned="Ouderen willen vooral elkaar zien.",
                                      answered_at=joined + relativedelta(months=6))
    services.evaluation_conclude(
        evaluation=evaluation, by=members["facilitator"], now=joined + relativedelta(months=6, days=3),
        conclusion="Vervoer is een middel; ontmoeting is het doel. We verbreden naar ontmoeting in de wijk.",
        goals="Ouderen in Rijssen ontmoeten elkaar en het dorp: vervoer, koffieochtenden en buren die omkijken.")

    for kind, title, days, logins, value in (
            ("concrete", "Belbus rijdt twee ochtenden per week", 120, ("henk", "gerda"), "4000.00"),
            ("relationship", "Transportbedrijf en welzijn werken samen", 80, ("henk", "gerda"), None),
            ("relationship", "School en kerk organiseren samen de koffieochtend", 200, ("lieke", "teun"), None),
            ("slipstream", "De gemeente neemt de belbus op in haar vervoersbeleid", 420, ("wim",), None),
            ("learning", "Vragen wat ouderen zelf willen, voordat je iets regelt", 300, (), None),
            ("concrete", "Wekelijkse koffieochtend met 25 ouderen", 500, ("gerda", "lieke", "fatma"), None)):
        entry = ReturnEntry.objects.create(community=community, kind=kind, title=title,
                                           happened_on=starts + timedelta(days=days), value_eur=value,
                                           recorded_by=members["gerda"])
        ReturnPerson.objects.bulk_create([ReturnPerson(entry=entry, membership=members[login]) for login in logins])
    Contribution.objects.create(community=community, source="municipal", category="process_support",
                                description="Procesbegeleiding", contributor_name="Gemeente Rijssen-Holten",
                                amount_eur="8000.00", contributed_on=starts + timedelta(days=10))
    Contribution.objects.create(community=community, source="sponsor", category="structural",
                                description="Brandstof voor de belbus, eerste jaar", contributor=members["henk"],
                                amount_eur="1200.00", in_kind=True, contributed_on=starts + timedelta(days=100))
    AskRequest.objects.create(community=community, asked_by=members["gerda"], title="Chauffeurs voor de belbus",
                              created_at=joined + timedelta(days=60), closed_at=joined + timedelta(days=75),
                              closed_by=members["gerda"].user)

    first_end = community.ends_on
    harvest.period_end(community=community, by=members["facilitator"], decision="continue",
                       period_ends_on=first_end, new_ends_on=first_end + relativedelta(years=1), notify=False,
                       note="Het eerste jaar leverde de belbus op; we gaan nog een jaar door, breder: ontmoeting.",
                       now=timezone.make_aware(datetime.combine(first_end - timedelta(days=10), time(21, 0))))
    community.refresh_from_db()
    harvest.period_end(community=community, by=members["facilitator"], decision="stop",
                       period_ends_on=community.ends_on, notify=False,
                       note=("Na twee jaar stoppen we bewust. De belbus en de koffieochtend gaan door bij Welzijn "
                             "Rijssen en de gemeente; de gemeenschap heeft haar werk gedaan."),
                       now=timezone.make_aware(datetime.combine(community.ends_on, time(21, 0))))
