"""Demo workgroups: the core group, a mixed one, a one-sided one (all doers) and a closed one, with
activities of every kind, questions, proposals, ideas and updates; one question unanswered for four days."""

from datetime import timedelta

from .models import Activity, ActivityKind, JoinRequest, Post, PostKind, PostTopic, Reply, Workgroup, WorkgroupMember


def seed(ctx):
    community, now = ctx.community, ctx.now
    if Workgroup.objects.filter(community=community).exists():
        return
    m = ctx.members

    def group(name, theme, logins, *, days_ago, creator, core=False, closed=False):
        created = now - timedelta(days=days_ago)
        wg = Workgroup.objects.create(community=community, name=name, theme=theme, is_core_group=core, closed=closed,
                                      created_by=m[creator].user, created_at=created)
        for i, login in enumerate(logins):
            WorkgroupMember.objects.create(workgroup=wg, membership=m[login],
                                           joined_at=created + timedelta(days=i % 4, hours=i))
        return wg

    core_logins = [login for login, ms in m.items() if ms.is_core_group]
    core = group("Kerngroep", "Bereidt de plenaire bijeenkomsten voor en houdt het overzicht; op termijn draait de "
                 "kerngroep de gemeenschap zonder de gemeente.", core_logins, days_ago=300, creator="facilitator",
                 core=True)
    mixed = group("Stages en leerbanen", "Meer stageplekken en leerbanen bij lokale ondernemers, zorg en gemeente, "
                  "zodat jongeren hier een toekomst zien.",
                  ["participant", "joyce", "ahmet", "dirk", "sanne"], days_ago=280, creator="participant")
    doers = group("Handen uit de mouwen", "Een klusdag waarop jongeren en ondernemers samen de sportkantine opknappen.",
                  ["thijs", "niels", "wilma", "bas"], days_ago=200, creator="thijs")
    closed = group("Jongeren in de knel", "Vertrouwelijke gevallen van jongeren met schulden of zonder werk: wie kan "
                   "wat betekenen? Achter gesloten deuren, omdat het over personen gaat.",
                   ["esther", "yvonne", "coordinator", "karin"], days_ago=150, creator="esther", closed=True)
    JoinRequest.objects.create(workgroup=closed, membership=m["marieke"], created_at=now - timedelta(days=1),
                               message="Ik heb in de bakkerij al eens een jongere met schulden geholpen.")

    def activity(wg, kind, title, days_ago, logins, outcome, by):
        a = Activity.objects.create(workgroup=wg, community=community, kind=kind, title=title,
                                    happened_on=(now - timedelta(days=days_ago)).date(), outcome=outcome,
                                    created_by=m[by].user, created_at=now - timedelta(days=days_ago - 1))
        a.participants.set([m[login] for login in logins])

    activity(core, ActivityKind.MEETING, "Voorbereiding plenaire bijeenkomst maart", 40,
             ["marieke", "jan", "sanne", "ruud"], "Agenda rond; thema: wat levert de LG ons op?", "sanne")
    activity(mixed, ActivityKind.WORK_VISIT, "In elkaars keuken kijken bij Bakkerij Smit", 60,
             ["participant", "joyce", "ahmet", "marieke"], "Joyce zag hoe de bakkerij leerlingen begeleidt; "
             "idee voor een snuffelstage voor groep 8.", "joyce")
    activity(mixed, ActivityKind.MATCH, "Supermarkt Yilmaz neemt twee stagiairs van Het Noordik", 30,
             ["ahmet", "bas"], "Twee stageplekken vanaf september.", "ahmet")
    activity(mixed, ActivityKind.KNOWLEDGE, "Gemeente legt uit hoe de leerbanenregeling werkt", 20,
             ["dirk", "participant", "sanne", "ahmet"], "Ondernemers weten nu waar ze subsidie kunnen aanvragen.",
             "dirk")
    activity(doers, ActivityKind.WORKSHOP, "Workshop schilderen met jongeren", 25, ["thijs", "niels", "wilma"],
             "Twaalf jongeren deden mee; de kantine is half klaar.", "niels")
    activity(doers, ActivityKind.OTHER, "Materiaal ingezameld bij bouwmarkt", 15, ["thijs", "bas"],
             "Verf en kwasten gesponsord.", "thijs")
    activity(closed, ActivityKind.MEETING, "Casusbespreking (vertrouwelijk)", 10, ["esther", "yvonne", "karin"],
             "Twee jongeren doorverwezen naar schuldhulp.", "esther")

    def post(wg, kind, title, body, by, days_ago, topic="", replies=(), answered=False):
        p = Post.objects.create(community=community, workgroup=wg, author=m[by], kind=kind, topic=topic,
                                title=title, body=body, created_at=now - timedelta(days=days_ago))
        last = None
        for i, (login, text) in enumerate(replies):
            last = Reply.objects.create(post=p, author=m[login], body=text,
                                        created_at=p.created_at + timedelta(hours=3 + i * 5))
        if answered and last:
            p.answered_at, p.answer = last.created_at + timedelta(hours=1), last
            p.save(update_fields=["answered_at", "answer"])
        return p

    post(mixed, PostKind.QUESTION, "Wie kent een leerbedrijf in de zorg?",
         "Een leerling van Het Noordik zoekt een leerbaan in de zorg. Wie weet iemand?", "joyce", 12,
         replies=[("sanne", "Esther van Zorggroep Sint Maarten zoekt nog mensen, ik breng jullie in contact.")],
         answered=True)
    post(None, PostKind.QUESTION, "Wie heeft een zaal voor de bijeenkomst in mei?",
         "We zoeken een plek voor ongeveer 20 mensen, met een beamer. Wie kan ons ontvangen?", "participant", 4)
    post(mixed, PostKind.PROPOSAL, "Snuffelstage voor groep 8",
         "Voorstel: elke ondernemer in de werkgroep neemt in juni twee leerlingen van groep 8 een middag mee.",
         "joyce", 8, replies=[("ahmet", "Doe ik mee, de supermarkt heeft plek."),
                              ("participant", "Mooi, ik vraag de sportclub ook.")])
    post(doers, PostKind.IDEA, "Klusdag elk kwartaal",
         "Wat als we er een vaste klusdag van maken, steeds bij een andere vereniging?", "niels", 1)
    post(None, PostKind.UPDATE, "Eerste match via de werkgroep",
         "Supermarkt Yilmaz neemt twee stagiairs van Het Noordik aan. Zo kan het dus!", "ahmet", 29,
         topic=PostTopic.CONTENT)
    post(core, PostKind.UPDATE, "Plenaire bijeenkomsten korter",
         "We proberen voortaan twee uur in plaats van vier: meer tijd in de werkgroepen.", "sanne", 6,
         topic=PostTopic.PROCESS)
    post(doers, PostKind.UPDATE, "Kantine half klaar", "De helft is geschilderd; volgende keer de buitenkant.",
         "thijs", 3, topic=PostTopic.CONTENT)
    post(closed, PostKind.QUESTION, "Wie kent iemand bij schuldhulp?",
         "Voor een jongere die we spraken: wie heeft een goed contact?", "yvonne", 2)
