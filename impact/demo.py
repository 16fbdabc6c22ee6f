"""Demo data for the impact app: pictures of return that differ, returns of each kind, contributions,
'dare to ask', and Rijssen, a second community that continued once and then stopped, with its two
harvests. Runs after the lessons demo."""

import zoneinfo
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from lessons import services as lessons_services
from lessons.demo import REFLECTIONS
from lessons.models import Evaluation, EvaluationResponse, Reflection
from meetings.models import Attendance, Meeting
from participants.demo import demo_user
from participants.models import Community, InitiatorKind, Membership
from workgroups.models import Activity, Workgroup, WorkgroupMember

from . import harvest
from .models import AskAnswer, AskRequest, Contribution, ReturnEntry, ReturnExpectation, ReturnPerson

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


def seed(ctx):
    _seed_return_demo(ctx)
    _seed_ended_community(ctx)


def _seed_return_demo(ctx):
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
    lessons_services.evaluation_conclude(
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
    harvest.period_close(community=community, by=members["facilitator"], decision="continue",
                       period_ends_on=first_end, new_ends_on=first_end + relativedelta(years=1), notify=False,
                       note="Het eerste jaar leverde de belbus op; we gaan nog een jaar door, breder: ontmoeting.",
                       now=timezone.make_aware(datetime.combine(first_end - timedelta(days=10), time(21, 0))))
    community.refresh_from_db()
    harvest.period_close(community=community, by=members["facilitator"], decision="stop",
                       period_ends_on=community.ends_on, notify=False,
                       note=("Na twee jaar stoppen we bewust. De belbus en de koffieochtend gaan door bij Welzijn "
                             "Rijssen en de gemeente; de gemeenschap heeft haar werk gedaan."),
                       now=timezone.make_aware(datetime.combine(community.ends_on, time(21, 0))))
