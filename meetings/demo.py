"""A year of meetings for the demo community: plenaries about every seven weeks at a rotating host's
place, a work visit, workgroup meetings (when the demo has workgroups by then), answers, attendance
and notes, and the next plenary with its agenda. Two participants (Thijs and Peter) missed the last
two plenaries, so the portal has someone to catch up with. The first workgroup meets tomorrow evening,
so there is always a meeting to remind people of."""

import zoneinfo
from datetime import datetime, time, timedelta

from django.db import transaction

from participants.models import MemberStatus

from .models import AgendaItem, Answer, Attendance, HostDecline, HostState, Meeting, MeetingKind, Rsvp
from .selectors.rotation import Candidate, Hosting, propose_host

MEALS = ["Erwtensoep met roggebrood", "Stamppot boerenkool", "Broodjes en soep", "Pannenkoeken",
         "Lasagne (ook vegetarisch)", "Nasi en saté", "Krentenwegge en koffie", "Turkse pizza en salade"]
THEMES = [
    ("Kennismaken: wie zijn we en wat brengen we mee?", "Rondje motivaties en verwachtingen; spelregels besproken "
     "en vastgesteld. Afgesproken: de eerste maanden achter gesloten deuren."),
    ("Het vraagstuk scherp krijgen", "In drie groepjes het vraagstuk uitgediept. Jongeren zelf betrekken kwam "
     "steeds terug. Werkgroepen 'Stages' en 'Jongeren aan het woord' opgericht."),
    ("Wat zien we al gebeuren?", "Sanne vertelde over het jongerenwerk, Bas over stages bij het Noordik. "
     "Terugblik: te veel praten, te weinig doen, vonden de doeners."),
    ("Van ideeën naar acties", "Drie acties gekozen: een stagemarkt, een avond met jongeren, werkbezoeken. "
     "Wie trekt wat: zie de werkgroepen."),
    ("Tussenevaluatie: waar staan we?", "Tussenevaluatie gedaan. Het doel is breder geworden: niet alleen werk, "
     "ook een plek in het dorp. Relatierendement hoog: veel nieuwe contacten."),
    ("Terugblik op het werkbezoek en de stagemarkt", "Twaalf stageplekken gevonden. Les: eerder de scholen "
     "erbij halen. Twee mensen zakken weg; Femke belt ze."),
    ("Beursvloer voorbereiden", "Besloten mee te doen aan de maatschappelijke beursvloer. Kerngroep neemt de "
     "voorbereiding op zich."),
    ("Hoe houden we het vol zonder de gemeente?", "Eerste gesprek over het tweede jaar: de kerngroep neemt "
     "meer over, plenair vaker per kwartaal."),
]
NEXT_AGENDA = [
    ("marieke", "Terugblik: wat leverde de beursvloer op?", "Matches, en wat we de volgende keer anders doen.", 30),
    ("sanne", "Jongeren aan het woord: uitnodiging voor de volgende keer", "", 20),
    ("jan", "Tweede jaar: wie neemt welke rol over?", "Voorstel van de kerngroep bespreken.", 45),
    ("facilitator", "Reflectie: wat hebben we dit jaar geleerd?", "Korte ronde, iedereen één les.", 30),
]
MISSERS = ("thijs", "peter")


def seed(ctx):
    community = ctx.community
    if Meeting.objects.filter(community=community).exists():
        return
    with transaction.atomic():
        _seed(ctx)


def _at(tz, day, hour_minute=time(19, 30)):
    return datetime.combine(day, hour_minute, tzinfo=tz)


def _seed(ctx):
    community, members, rng, now = ctx.community, ctx.members, ctx.rng, ctx.now
    tz = zoneinfo.ZoneInfo(community.time_zone)
    facilitator = members.get("facilitator")
    active = [m for m in members.values() if m.status == MemberStatus.ACTIVE]
    candidates = [Candidate(id=m.pk, name=m.user.name, sector=m.sector, willing=m.willing_to_host,
                            active=m.status == MemberStatus.ACTIVE) for m in active]
    by_pk = {m.pk: m for m in active}

    # Plenaries on Tuesdays, every seven weeks from two weeks after the start.
    day = community.starts_on + timedelta(days=14)
    day += timedelta(days=(1 - day.weekday()) % 7)
    today = now.astimezone(tz).date()
    past_days = []
    while day < today:
        past_days.append(day)
        day += timedelta(weeks=7)
    history = []
    plenaries = []
    for n, d in enumerate(past_days):
        start = _at(tz, d)
        declined = set()
        proposal = propose_host(candidates=candidates, history=history, before=start)
        if n == 2 and proposal.candidate:  # one decline, so the demo shows the rotation skipping someone
            declined.add(proposal.candidate.id)
            proposal = propose_host(candidates=candidates, history=history, declined_ids=declined, before=start)
        host = by_pk[proposal.candidate.id]
        title, notes = THEMES[n % len(THEMES)]
        meeting = Meeting.objects.create(
            community=community, kind=MeetingKind.PLENARY, title=f"Plenair: {title}", starts_at=start,
            ends_at=start + timedelta(hours=4), venue=f"Bij {host.user.name}" + (
                f" ({host.organisation})" if host.organisation else ""),
            address=host.user.address, at_host_home=True, host=host, host_state=HostState.ACCEPTED,
            meal_note=MEALS[n % len(MEALS)], notes=notes, created_by=facilitator,
            created_at=start - timedelta(weeks=5), updated_at=start - timedelta(weeks=5),
            attendance_recorded_at=start + timedelta(days=1),
        )
        for pk in declined:
            HostDecline.objects.create(meeting=meeting, membership=by_pk[pk], declined_at=start - timedelta(weeks=4))
        history.append(Hosting(host_id=host.pk, starts_at=start, sector=host.sector))
        plenaries.append(meeting)
        AgendaItem.objects.bulk_create([
            AgendaItem(meeting=meeting, title="Terugblik: wat deden we sinds de vorige keer?", position=1,
                       proposed_by=members.get("marieke"), created_at=start - timedelta(weeks=2)),
            AgendaItem(meeting=meeting, title=title, position=2, proposed_by=members.get("sanne"),
                       created_at=start - timedelta(weeks=2)),
        ])
        last_two = n >= len(past_days) - 2
        _answers_and_attendance(meeting, active, rng, host=host, missing=MISSERS if last_two else ())

    # A work visit: looking into each other's kitchen.
    visitor_host = members.get("ahmet") or members.get("marieke")
    if visitor_host is not None:
        d = today - timedelta(days=120)
        start = _at(tz, d, time(16, 0))
        visit = Meeting.objects.create(
            community=community, kind=MeetingKind.WORK_VISIT, title="In de keuken van Supermarkt Yilmaz",
            description="Ahmet laat zien hoe hij jongeren een eerste baan geeft, en waar hij tegenaan loopt.",
            starts_at=start, ends_at=start + timedelta(hours=2), venue=visitor_host.organisation or "",
            address="Grotestraat 40, Nijverdal", host=visitor_host, host_state=HostState.ACCEPTED,
            meal_note="Thee en baklava", created_by=visitor_host, created_at=start - timedelta(weeks=3),
            updated_at=start - timedelta(weeks=3), attendance_recorded_at=start + timedelta(hours=3),
            notes="Acht jongeren werken er naast school. Drempel: papierwerk voor leerbanen. Bas zoekt uit hoe "
                  "het Noordik kan helpen.",
        )
        _answers_and_attendance(visit, rng.sample(active, min(9, len(active))), rng, host=visitor_host)
        up = today + timedelta(days=26)
        baker = members.get("marieke")
        if baker is not None:
            start = _at(tz, up, time(7, 0))
            Meeting.objects.create(
                community=community, kind=MeetingKind.WORK_VISIT, title="Vroeg op bij Bakkerij Smit",
                description="Meedraaien in de bakkerij: hoe leer je hier het vak?", starts_at=start,
                ends_at=start + timedelta(hours=2), venue=baker.organisation, address="Smidsweg 3, Hellendoorn",
                host=baker, host_state=HostState.ACCEPTED, meal_note="Vers brood, natuurlijk",
                created_by=baker, created_at=now - timedelta(days=3), updated_at=now - timedelta(days=3),
            )

    _workgroup_meetings(ctx, tz, today, rng)

    # The next plenary: last one + seven weeks, with time to propose agenda items.
    next_day = (past_days[-1] + timedelta(weeks=7)) if past_days else today + timedelta(weeks=2)
    while next_day <= today + timedelta(days=9):
        next_day += timedelta(weeks=1)
    start = _at(tz, next_day)
    proposal = propose_host(candidates=candidates, history=history, before=start)
    host = by_pk[proposal.candidate.id]
    upcoming = Meeting.objects.create(
        community=community, kind=MeetingKind.PLENARY, title="Plenair: een jaar samen leren", starts_at=start,
        ends_at=start + timedelta(hours=4), venue=f"Bij {host.user.name}", address=host.user.address,
        at_host_home=True, host=host, host_state=HostState.ACCEPTED, meal_note="Soep en broodjes", created_by=facilitator,
        created_at=now - timedelta(days=10), updated_at=now - timedelta(days=10),
        description="We kijken terug op het eerste jaar en maken afspraken voor het tweede.",
    )
    AgendaItem.objects.bulk_create([
        AgendaItem(meeting=upcoming, title=title, description=desc, duration_minutes=minutes, position=i,
                   proposed_by=members.get(login), created_at=now - timedelta(days=8 - i))
        for i, (login, title, desc, minutes) in enumerate(NEXT_AGENDA, start=1)
    ])
    Rsvp.objects.bulk_create([
        Rsvp(meeting=upcoming, membership=m, answer=rng.choice([Answer.YES, Answer.YES, Answer.MAYBE, Answer.NO]),
             answered_at=now - timedelta(days=rng.randint(1, 9)))
        for m in active if m.user.email.split("@")[0] not in (*MISSERS, "participant") and rng.random() < 0.6
    ])

    if ctx.outside is not None:
        _outside(ctx, today)


def _answers_and_attendance(meeting, people, rng, *, host=None, missing=()):
    rsvps, attendance = [], []
    for m in people:
        login = m.user.email.split("@")[0]
        if login in missing:
            # They drift away: half of them said "maybe" and did not come (saying no in advance is not
            # missing a meeting, engagement.drift).
            if rng.random() < 0.5:
                rsvps.append(Rsvp(meeting=meeting, membership=m, answer=Answer.MAYBE,
                                  answered_at=meeting.starts_at - timedelta(days=3)))
            continue
        roll = rng.random()
        answer = (Answer.YES if roll < 0.75 or m == host else Answer.MAYBE if roll < 0.85
                  else Answer.NO if roll < 0.93 else None)
        if answer:
            rsvps.append(Rsvp(meeting=meeting, membership=m, answer=answer,
                              answered_at=meeting.starts_at - timedelta(days=rng.randint(1, 20))))
        came = answer == Answer.YES and rng.random() < 0.92 or answer == Answer.MAYBE and rng.random() < 0.5
        if came or m == host:
            attendance.append(Attendance(meeting=meeting, membership=m))
    Rsvp.objects.bulk_create(rsvps)
    Attendance.objects.bulk_create(attendance)


def _workgroup_meetings(ctx, tz, today, rng):
    """Only when the demo's workgroups exist already (the workgroups seeder may run after this one)."""
    from workgroups.models import Workgroup

    workgroups = list(Workgroup.objects.filter(community=ctx.community, archived_at__isnull=True)
                      .prefetch_related("members__membership__user"))
    for i, wg in enumerate(workgroups):
        people = [wm.membership for wm in wg.members.all() if wm.membership.status == MemberStatus.ACTIVE]
        if not people:
            continue
        # The first group meets tomorrow evening: within the reminder window (48 hours) whatever the time of
        # day the demo is loaded, so the scheduler of a fresh `make run` sends its reminders at once.
        for offset in (-70 - 3 * i, -25 - 2 * i, 1 if i == 0 else 12 + 3 * i):
            start = _at(tz, today + timedelta(days=offset), time(20, 0))
            meeting = Meeting.objects.create(
                community=ctx.community, kind=MeetingKind.WORKGROUP, workgroup=wg, title=f"Werkgroep {wg.name}",
                starts_at=start, ends_at=start + timedelta(hours=1, minutes=30), venue="Bibliotheek Nijverdal",
                created_by=people[0], created_at=start - timedelta(weeks=3), updated_at=start - timedelta(weeks=3),
                attendance_recorded_at=start + timedelta(days=1) if offset < 0 else None,
                notes="Taken verdeeld; volgende stap afgesproken." if offset < 0 else "",
            )
            if offset < 0:
                _answers_and_attendance(meeting, people, rng)
            else:
                Rsvp.objects.bulk_create([Rsvp(meeting=meeting, membership=m, answer=Answer.YES)
                                          for m in people[: max(1, len(people) // 2)]])


def _outside(ctx, today):
    """One upcoming meeting in the other demo community, so its members see their own."""
    outside = ctx.outside
    if Meeting.objects.filter(community=outside).exists():
        return
    tz = zoneinfo.ZoneInfo(outside.time_zone)
    host = outside.memberships.select_related("user").first()
    start = _at(tz, today + timedelta(days=16))
    Meeting.objects.create(community=outside, kind=MeetingKind.PLENARY, title="Plenair: de wijk in kaart",
                           starts_at=start, ends_at=start + timedelta(hours=2), venue="Buurthuis Noord",
                           host=host, host_state=HostState.ACCEPTED, created_by=host)
