"""Demo marketplaces: last year's, with 60 confirmed entries and 30 matches followed up on the day each
pair agreed (delivered, pending, one with contradicting answers, and dropped), and next year's, open for
entries. Each marketplace is one activity of its workgroup; the matches are results, not activities. Organised by an existing workgroup of the demo community
(or a new "Beursvloer" workgroup when there is none)."""

import zlib
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from workgroups.models import Activity, ActivityKind, Workgroup, WorkgroupMember

from .models import Entry, FollowUp, FollowUpAnswer, Marketplace, Match, MatchStatus, Side
from .services import entry_fingerprint, status_from_answers

# (organisation, kind, category, description)
NEEDS = [
    ("Stichting Taalcafé Nijverdal", "non_profit", "materials", "Tien laptops voor taallessen aan nieuwkomers"),
    ("Voedselbank Hellendoorn", "non_profit", "space", "Koelruimte voor groente en zuivel in het weekend"),
    ("Scouting Hellendoorn", "civil_society", "hands", "Handen om het clubhuis te schilderen"),
    ("Buurthuis De Kolk", "civil_society", "knowledge", "Advies over zonnepanelen op het dak van het buurthuis"),
    ("Stichting Kinderboerderij", "non_profit", "materials", "Hout en gaas voor nieuwe hokken"),
    ("Vrouwen van Nu", "civil_society", "network", "Contact met ondernemers voor een lezingenavond"),
    ("Sportclub Hellendoorn", "civil_society", "hands", "Vrijwilligers voor het schoolvoetbaltoernooi"),
    ("Humanitas Thuisadministratie", "non_profit", "knowledge", "Een financieel adviseur die vrijwilligers traint"),
    ("Zonnebloem afdeling Nijverdal", "non_profit", "materials", "Een rolstoelbus voor een dagje uit"),
    ("Muziekvereniging Concordia", "civil_society", "space", "Opslagruimte voor instrumenten en stoelen"),
    ("Speeltuinvereniging Noord", "civil_society", "hands", "Handen om zand te storten en speeltoestellen te verven"),
    ("Stichting Leergeld", "non_profit", "network", "Bedrijven die fietsen voor kinderen willen sponsoren"),
    ("Bibliotheek Hellendoorn", "non_profit", "knowledge", "Hulp bij een cursus digitale vaardigheden voor ouderen"),
    ("Inloophuis Het Baken", "non_profit", "materials", "Koffiezetapparaat en servies voor de inloop"),
    ("Wijkraad Nijverdal-Zuid", "civil_society", "knowledge", "Advies over een flyer en de website van de wijkraad"),
    ("Stichting Mantelzorg", "non_profit", "space", "Een ruimte voor lotgenotengroepen op dinsdagavond"),
    ("Toneelvereniging De Spöllers", "civil_society", "materials", "Verf, hout en stof voor het decor"),
    ("Natuurvereniging Sallandse Heuvelrug", "civil_society", "hands", "Vrijwilligers voor het heidebeheer"),
    ("Kerk in Actie Hellendoorn", "civil_society", "network", "Een netwerk van ondernemers voor werkervaringsplekken"),
    ("Dorpsraad Daarle", "civil_society", "knowledge", "Juridisch advies over een dorpscoöperatie"),
    ("Stichting Vluchtelingenwerk", "non_profit", "hands", "Taalmaatjes en hulp bij verhuizingen"),
    ("Jeugdsoos De Schakel", "non_profit", "materials", "Een geluidsinstallatie voor de jongerenavonden"),
    ("Historische Kring", "civil_society", "knowledge", "Hulp bij het digitaliseren van foto's"),
    ("Volkstuinvereniging", "civil_society", "materials", "Gereedschap en een kruiwagen voor de gezamenlijke tuin"),
    ("Stichting Welzijn Ouderen", "non_profit", "hands", "Chauffeurs voor de boodschappenbus"),
    ("Carnavalsvereniging", "civil_society", "space", "Een loods om de wagen te bouwen"),
    ("Schuldhulpmaatje", "non_profit", "network", "Contact met werkgevers voor mensen met schulden"),
    ("Repair Café Nijverdal", "civil_society", "materials", "Gereedschap en onderdelen voor reparaties"),
    ("Wandelvereniging", "civil_society", "knowledge", "Een EHBO-cursus voor begeleiders van wandeltochten"),
    ("Stichting Present", "non_profit", "hands", "Teams van bedrijven voor klussen bij mensen thuis"),
]

OFFERS = [
    ("Kuipers Installatietechniek", "business", "knowledge", "Advies over zonnepanelen en installaties", ""),
    ("Ter Horst Bouw", "business", "materials", "Restpartijen hout, gaas en verf", "Vermelding op het bord"),
    ("Bakkerij Smit", "business", "materials", "Brood en koffie voor inloop en vergaderingen", ""),
    ("Rabobank Salland", "business", "money", "Een bijdrage uit het coöperatiefonds", "Een verslag achteraf"),
    ("Supermarkt Yilmaz", "business", "space", "Koelruimte in het weekend voor goede doelen", ""),
    ("Fietsenmaker Dekker", "business", "materials", "Gebruikte fietsen, opgeknapt, voor kinderen", ""),
    ("ICT Hulst", "business", "materials", "Afgeschreven laptops, schoon geïnstalleerd", "Een rondleiding"),
    ("Accountantskantoor Brink", "business", "knowledge", "Een financieel adviseur geeft training aan vrijwilligers", ""),
    ("Transportbedrijf Nijhuis", "business", "materials", "Een bus met chauffeur voor een dagje uit", ""),
    ("Reclamebureau Smeenk", "business", "knowledge", "Advies over flyer, website en teksten", "Logo op de flyer"),
    ("Woningcorporatie Reggewonen", "business", "space", "Een ruimte in het wijkcentrum op doordeweekse avonden", ""),
    ("Bouwmarkt Hellendoorn", "business", "materials", "Verf, kwasten en gereedschap", "Een foto voor de nieuwsbrief"),
    ("Advocatenkantoor Wessels", "business", "knowledge", "Juridisch advies over verenigingen en coöperaties", ""),
    ("Gemeente Hellendoorn", "municipality", "network", "Contact met het werkgeversservicepunt", ""),
    ("Zorggroep Sint Maarten", "business", "hands", "Medewerkers helpen een dag mee bij klussen", ""),
    ("Schildersbedrijf Mulder", "business", "hands", "Een team schilders voor een dag", "Een bedankje in de krant"),
    ("Loonbedrijf Oosterhof", "business", "hands", "Een shovel met chauffeur om zand te storten", ""),
    ("Fotozaak Kamphuis", "business", "knowledge", "Hulp bij het scannen en digitaliseren van foto's", ""),
    ("Geluidsverhuur Pol", "business", "materials", "Een geluidsinstallatie in bruikleen", ""),
    ("Agrarisch bedrijf Haverkamp", "business", "space", "Een lege loods voor opslag of bouw", ""),
    ("Rotary Hellendoorn", "civil_society", "network", "Ons netwerk van ondernemers voor werkervaringsplekken", ""),
    ("Ondernemersvereniging Nijverdal", "business", "network", "Sprekers en contacten voor lezingen", ""),
    ("Het Noordik mbo", "civil_society", "hands", "Studenten die vrijwilligerswerk doen als maatschappelijke stage", ""),
    ("EHBO-vereniging", "civil_society", "knowledge", "Een EHBO-cursus tegen kostprijs", ""),
    ("Koffiebranderij Lammers", "business", "materials", "Een koffiezetapparaat en servies", ""),
    ("Hotel De Uitkijk", "business", "space", "Vergaderzaal voor groepen op dinsdagavond", ""),
    ("Tuincentrum Scholten", "business", "materials", "Gereedschap, planten en een kruiwagen", ""),
    ("Uitzendbureau Meijer", "business", "network", "Contacten met werkgevers voor werkzoekenden", ""),
    ("Verhuisbedrijf Bos", "business", "hands", "Een verhuiswagen met twee man voor verhuizingen", ""),
    ("Drukkerij Jansen", "business", "materials", "Drukwerk voor flyers en posters", "Vermelding colofon"),
]

CONTACTS = [
    "Ria Hulst", "Henk Nijenhuis", "Ilse Bosch", "Gert Wessels", "Annemiek Kamphuis", "Rob Meulenbelt",
    "Saskia Ter Haar", "Johan Schuurman", "Mariska Lubbers", "Dennis Kleinjan", "Tineke Pots", "Arjen Veldhuis",
    "Nicole Dijkhuis", "Wim Olde Monnikhof", "Petra Zwiers", "Bart Hondebrink", "Esmee Ruiter", "Frank Luttikhuis",
    "Joke Eshuis", "Martijn Vos", "Linda Grootenhuis", "Hans Elferink", "Monique Rikkerink", "Erwin Snijders",
    "Karin Beltman", "Sander Wolbers", "Yvonne Kuiper", "Rik Paalman", "Femke Hofstede", "Gerard Wilmink",
    "Anja Heuver",
]

# need index -> offer indexes, 30 matches in all
PAIRS = [
    (0, 6), (1, 4), (2, 15), (3, 0), (4, 1), (5, 21), (6, 22), (7, 7), (8, 8), (9, 19), (10, 16), (11, 5),
    (12, 22), (13, 24), (14, 9), (15, 10), (16, 11), (17, 14), (18, 20), (19, 12), (20, 28), (21, 18),
    (22, 17), (23, 26), (24, 8), (25, 19), (26, 27), (27, 11), (28, 23), (29, 14),
]

WHAT = {
    "materials": "levert wat nodig is en brengt het langs",
    "knowledge": "komt twee keer langs om advies te geven",
    "hands": "zet een dag mensen in",
    "network": "brengt in contact met de juiste mensen",
    "space": "stelt de ruimte een jaar lang beschikbaar",
    "money": "draagt bij",
    "other": "helpt",
}

# delivered 18, pending 7 (some answered 'not yet', one with answers that contradict), dropped 5
OUTCOMES = ["delivered"] * 18 + ["not_yet"] * 4 + ["unanswered"] * 2 + ["contradicting"] + ["dropped"] * 5


def organising_workgroup(ctx) -> Workgroup:
    community = ctx.community
    existing = (Workgroup.objects.filter(community=community, is_core_group=False, archived_at__isnull=True)
                .order_by("closed", "pk").first())
    if existing:
        return existing
    wg = Workgroup.objects.create(community=community, name="Beursvloer",
                                  theme="Organiseert de jaarlijkse maatschappelijke beursvloer.",
                                  created_by=ctx.members["facilitator"].user if "facilitator" in ctx.members else None)
    for login in ("marieke", "jan", "karin"):
        if login in ctx.members:
            WorkgroupMember.objects.create(workgroup=wg, membership=ctx.members[login])
    return wg


def _entry(marketplace, side, org, kind, category, description, in_return, *, created, confirmed):
    email = f"{slugify(org)[:40]}@example.org"
    contact = CONTACTS[zlib.crc32(org.encode()) % len(CONTACTS)]
    return Entry(marketplace=marketplace, side=side, organisation=org, contact_name=contact,
                 email=email, phone=f"0548 6{zlib.crc32(org.encode()) % 100000:05d}", org_kind=kind,
                 category=category, description=description, in_return=in_return if side == Side.OFFER else "",
                 fingerprint=entry_fingerprint(email=email, side=side, description=description),
                 created_at=created, confirmed_at=confirmed)


def _at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _marketplace_activity(marketplace, *, by):
    """The marketplace as one activity of its workgroup, as marketplace.services keeps it."""
    marketplace.activity = Activity.objects.create(
        workgroup=marketplace.workgroup, community=marketplace.community, kind=ActivityKind.MEETING,
        title=marketplace.title, happened_on=marketplace.held_on, created_by=by, created_at=marketplace.created_at)
    Marketplace.objects.filter(pk=marketplace.pk).update(activity=marketplace.activity)


def seed(ctx):
    community = ctx.community
    if Marketplace.objects.filter(community=community).exists():
        return
    rng, today = ctx.rng, timezone.localdate(ctx.now)
    workgroup = organising_workgroup(ctx)
    by = ctx.members["facilitator"].user if "facilitator" in ctx.members else None

    last_day = today - timedelta(days=365)
    last = Marketplace.objects.create(
        community=community, workgroup=workgroup, title=f"Maatschappelijke beursvloer {last_day.year}",
        held_on=last_day, starts_at=time(16, 0), ends_at=time(19, 0), place="Theater De Kappen, Nijverdal",
        audience="Non-profitorganisaties, verenigingen, maatschappelijke organisaties en bedrijven uit de "
                 "gemeente Hellendoorn.",
        entry_deadline=_at(last_day - timedelta(days=7), 12),
        description="Vooraf organiseerde de Rabobank de workshop 'Goede Zaken' voor vrijwilligersorganisaties.",
        created_by=by, created_at=_at(last_day - timedelta(days=90), 10),
    )
    entries = []
    for i, (org, kind, category, description) in enumerate(NEEDS):
        created = _at(last_day - timedelta(days=40 - i % 30), 9 + i % 8)
        entries.append(_entry(last, Side.NEED, org, kind, category, description, "", created=created,
                              confirmed=created + timedelta(minutes=20 + i)))
    for i, (org, kind, category, description, in_return) in enumerate(OFFERS):
        created = _at(last_day - timedelta(days=35 - i % 25), 10 + i % 7)
        entries.append(_entry(last, Side.OFFER, org, kind, category, description, in_return, created=created,
                              confirmed=created + timedelta(hours=1 + i % 5)))
    # Two that never confirmed: they do not count.
    entries.append(_entry(last, Side.NEED, "Stichting Onbevestigd", "other", "other", "Nooit bevestigd", "",
                          created=_at(last_day - timedelta(days=9), 11), confirmed=None))
    entries.append(_entry(last, Side.OFFER, "Bedrijf Vergeten", "business", "money", "Ook nooit bevestigd", "",
                          created=_at(last_day - timedelta(days=8), 15), confirmed=None))
    Entry.objects.bulk_create(entries)
    needs = list(last.entries.filter(side=Side.NEED, confirmed_at__isnull=False).order_by("pk"))
    offers = list(last.entries.filter(side=Side.OFFER, confirmed_at__isnull=False).order_by("pk"))

    _marketplace_activity(last, by=by)

    outcomes = OUTCOMES[:]
    rng.shuffle(outcomes)
    for n, ((ni, oi), outcome) in enumerate(zip(PAIRS, outcomes, strict=True)):
        need, offer = needs[ni], offers[oi]
        what = f"{offer.organisation} {WHAT[offer.category]}: {need.description.lower()}."
        value = Decimal(rng.choice([150, 250, 400, 600, 750, 900, 1200, 1500, 2000, 2500, 3500]))
        made = _at(last_day, 16) + timedelta(minutes=5 * n)
        # Most pairs agree a date; every seventh leaves it open and is asked after follow_up_weeks.
        due_on = None if n % 7 == 6 else last_day + timedelta(weeks=rng.choice([2, 4, 6, 8]))
        match = Match.objects.create(marketplace=last, need=need, offer=offer, what=what, value_eur=value,
                                     due_on=due_on, created_by=by, created_at=made)
        follow_up_sent = _at(match.follow_up_on, 10)
        answers = {
            "delivered": (FollowUpAnswer.DELIVERED, ""),
            "not_yet": (FollowUpAnswer.NOT_YET, ""),
            "unanswered": ("", ""),
            "contradicting": (FollowUpAnswer.DELIVERED, FollowUpAnswer.DROPPED),
            "dropped": (FollowUpAnswer.DROPPED, FollowUpAnswer.NOT_YET),
        }[outcome]
        answered_at = follow_up_sent + timedelta(days=2)
        for party, answer in zip((Side.NEED, Side.OFFER), answers, strict=True):
            FollowUp.objects.create(match=match, party=party, created_at=follow_up_sent,
                                    sent_at=follow_up_sent, answer=answer,
                                    answered_at=answered_at if answer else None)
        status = status_from_answers([a for a in answers if a])
        if status != MatchStatus.PENDING:
            delivered_on = timezone.localdate(answered_at) if status == MatchStatus.DELIVERED else None
            Match.objects.filter(pk=match.pk).update(status=status, delivered_on=delivered_on)

    next_day = today + timedelta(days=75)
    upcoming = Marketplace.objects.create(
        community=community, workgroup=workgroup, title=f"Maatschappelijke beursvloer {next_day.year}",
        held_on=next_day, starts_at=time(16, 0), ends_at=time(19, 0), place="Theater De Kappen, Nijverdal",
        audience=last.audience, entry_deadline=_at(next_day - timedelta(days=7), 12),
        description="Schrijf uw vraag of aanbod in. Op de dag zelf maken we de matches.",
        created_by=by, created_at=ctx.now - timedelta(days=20),
    )
    _marketplace_activity(upcoming, by=by)
    fresh = []
    for i, (org, kind, category, description) in enumerate(NEEDS[:5]):
        created = ctx.now - timedelta(days=10 - i)
        fresh.append(_entry(upcoming, Side.NEED, org, kind, category, description, "", created=created,
                            confirmed=None if i == 4 else created + timedelta(minutes=30)))
    for i, (org, kind, category, description, in_return) in enumerate(OFFERS[:4]):
        created = ctx.now - timedelta(days=8 - i)
        fresh.append(_entry(upcoming, Side.OFFER, org, kind, category, description, in_return, created=created,
                            confirmed=None if i == 3 else created + timedelta(hours=2)))
    Entry.objects.bulk_create(fresh)
