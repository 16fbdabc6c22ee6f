"""The demo community, modelled on the guide's example: about 22 people from every sector, a
facilitator, a moderator, a coordinator and a core group of 8, a year into a two-year run."""

import functools
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from .models import Community, InitiatorKind, Membership, User

PASSWORD = "lerende-gemeenschap"  # noqa: S105 - the documented demo password
DEMO_SLUG = "hellendoorn-demo"
OUTSIDE_SLUG = "nijverdal-buurt"

# name, login, sector, group roles, community roles, hours/month, hosts, organisation, hats
PEOPLE = [
    ("Femke Jansen", "facilitator", "other", ["networker", "strategist"], {"is_facilitator": True, "is_participant": False}, 12, False, "Procesbureau Samen", "procesbegeleider"),
    ("Gerrit Wolters", "coordinator", "municipality", ["strategist", "thinker"], {"is_coordinator": True}, 8, True, "Gemeente Hellendoorn", "beleidsadviseur, inwoner"),
    ("Anouk de Vries", "participant", "resident", ["doer", "networker"], {}, 6, True, "", "moeder van twee, vrijwilliger sportclub"),
    ("Hendrik Pol", "moderator", "civil_society", ["thinker"], {"is_moderator": True, "is_participant": False}, 6, False, "Bibliotheek", "gespreksleider"),
    ("Marieke Smit", "marieke", "entrepreneur", ["doer", "visionary"], {"is_core_group": True}, 8, True, "Bakkerij Smit", "ondernemer, ouderraad"),
    ("Jan Kuipers", "jan", "entrepreneur", ["strategist", "networker"], {"is_core_group": True}, 6, True, "Kuipers Installatietechniek", "ondernemer, ondernemersvereniging"),
    ("Sanne Bos", "sanne", "civil_society", ["visionary", "thinker"], {"is_core_group": True}, 8, True, "Welzijn Hellendoorn", "opbouwwerker"),
    ("Bas Mulder", "bas", "education", ["doer"], {"is_core_group": True}, 5, True, "Het Noordik mbo", "docent, coach"),
    ("Ingrid Nijhuis", "ingrid", "church", ["networker", "doer"], {"is_core_group": True}, 6, True, "Protestantse gemeente", "diaconie"),
    ("Ruud Hofman", "ruud", "municipality", ["thinker", "gadfly"], {"is_core_group": True}, 4, False, "Gemeente Hellendoorn", "wethouder"),
    ("Lotte Brink", "lotte", "resident", ["gadfly", "visionary"], {"is_core_group": True}, 6, True, "", "student, wijkraad"),
    ("Erik ter Horst", "erik", "entrepreneur", ["doer", "strategist"], {"is_core_group": True}, 4, True, "Ter Horst Bouw", "aannemer"),
    ("Wilma Oosterhof", "wilma", "civil_society", ["doer"], {}, 4, True, "Woningcorporatie Reggewonen", "wijkconsulent"),
    ("Thijs Dekker", "thijs", "entrepreneur", ["doer"], {}, 3, False, "Fietsenmaker Dekker", "ondernemer"),
    ("Yvonne Scholten", "yvonne", "resident", ["thinker", "networker"], {}, 6, True, "", "mantelzorger"),
    ("Ahmet Yilmaz", "ahmet", "entrepreneur", ["visionary", "doer"], {}, 5, True, "Supermarkt Yilmaz", "ondernemer, moskeebestuur"),
    ("Karin Vos", "karin", "civil_society", ["strategist"], {}, 4, False, "Rabobank", "relatiebeheerder"),
    ("Peter Lammers", "peter", "resident", ["gadfly"], {}, 2, False, "", "gepensioneerd, wijkvereniging"),
    ("Joyce Meijer", "joyce", "education", ["thinker", "visionary"], {}, 6, True, "Basisschool De Regenboog", "directeur"),
    ("Dirk Haverkamp", "dirk", "municipality", ["networker"], {}, 4, False, "Gemeente Hellendoorn", "wijkregisseur"),
    ("Esther Kamphuis", "esther", "civil_society", ["doer", "networker"], {}, 6, True, "Zorggroep Sint Maarten", "teamleider"),
    ("Niels Wessels", "niels", "resident", ["doer"], {}, 4, True, "", "sportclub, vader"),
]

OUTSIDER = ("Olga Overbeek", "outsider", "resident", ["thinker"])
GROUND_RULES = (
    "1. We zijn gelijkwaardig: iedere stem telt, los van functie of organisatie.\n"
    "2. Wat in de groep gedeeld wordt over personen, blijft in de groep.\n"
    "3. We komen afspraken na, en melden het als dat niet lukt.\n"
    "4. We mogen zijwegen inslaan: niet alles hoeft vooraf vast te liggen.\n"
    "5. Na elke activiteit kijken we samen terug: wat leerden we, wat doen we anders?"
)


@dataclass
class DemoContext:
    """What the apps' demo seeders get: the community, its members by login, a fixed 'now'."""

    community: Community
    members: dict = field(default_factory=dict)  # login -> Membership
    now: datetime = None
    rng: random.Random = None
    outside: Community = None


@functools.cache
def _password_hash() -> str:
    # Hashing is slow on purpose (about a second each here): hash the shared demo password once.
    return make_password(PASSWORD)


def demo_user(login: str, name: str) -> User:
    email = f"{login}@demo.example"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create(email=email, password=_password_hash(), name=name)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


@transaction.atomic
def seed_people(today: date) -> tuple[DemoContext, bool]:
    """Create the demo communities and people, once. Returns the context and whether it was new."""
    existing = Community.objects.filter(slug=DEMO_SLUG).first()
    if existing:
        members = {m.user.email.split("@")[0]: m for m in existing.memberships.select_related("user")}
        outside = Community.objects.filter(slug=OUTSIDE_SLUG).first()
        return DemoContext(community=existing, members=members, outside=outside), False

    starts = today - relativedelta(months=12)
    community = Community.objects.create(
        name="Lerende Gemeenschap Hellendoorn (demo)",
        slug=DEMO_SLUG,
        question=(
            "Hoe zorgen we er samen voor dat jongeren in Hellendoorn en Nijverdal een goede plek vinden op de "
            "arbeidsmarkt en in het dorp, en dat ondernemers, scholen en organisaties elkaar daarbij vinden?"
        ),
        goals=(
            "Ondernemers, onderwijs, maatschappelijke organisaties, inwoners en gemeente leren elkaar kennen "
            "en zetten samen concrete activiteiten op; we leren van wat werkt en wat niet."
        ),
        starts_on=starts,
        ends_on=starts + relativedelta(years=2),
        ground_rules=GROUND_RULES,
        closed_doors=True,
        initiator_kind=InitiatorKind.MUNICIPALITY,
    )
    ctx = DemoContext(community=community)
    for i, (name, login, sector, group_roles, roles, hours, hosts, organisation, hats) in enumerate(PEOPLE):
        user = demo_user(login, name)
        if i == 0:
            community.created_by = user
            community.save(update_fields=["created_by"])
        accepted = None if login in ("thijs", "peter") else timezone.make_aware(
            datetime.combine(starts + timedelta(days=14 + i), datetime.min.time())
        )
        ctx.members[login] = Membership.objects.create(
            community=community,
            user=user,
            sector=sector,
            group_roles=group_roles,
            hours_per_month=hours,
            willing_to_host=hosts,
            organisation=organisation,
            hats=hats,
            motivation="Ik wil dat jongeren hier een toekomst zien." if i % 3 == 0 else "",
            committed_until=community.ends_on if hours >= 4 else None,
            ground_rules_accepted_at=accepted,
            joined_at=timezone.make_aware(datetime.combine(starts + timedelta(days=i % 10), datetime.min.time())),
            **roles,
        )
        if hosts:
            user.address = f"Dorpsstraat {10 + i}, Hellendoorn"
        if i % 5 == 0:
            user.dietary_notes = "vegetarisch"
        user.save()

    name, login, sector, group_roles = OUTSIDER
    outside = Community.objects.create(
        name="Buurtnetwerk Nijverdal-Noord (demo)",
        slug=OUTSIDE_SLUG,
        question="Hoe houden we de wijk Nijverdal-Noord leefbaar voor ouderen die thuis willen blijven wonen?",
        starts_on=today - relativedelta(months=2),
        ends_on=today + relativedelta(months=16),
        initiator_kind=InitiatorKind.RESIDENTS,
    )
    outsider = demo_user(login, name)
    outside.created_by = outsider
    outside.save(update_fields=["created_by"])
    Membership.objects.create(community=outside, user=outsider, sector=sector, group_roles=group_roles,
                              is_facilitator=True, is_participant=True, ground_rules_accepted_at=timezone.now())
    for j, (n, lg) in enumerate([("Bert Klein Nijenhuis", "bert"), ("Carla Roelofs", "carla"), ("Dennis Post", "dennis")]):
        Membership.objects.create(community=outside, user=demo_user(lg, n), sector=["resident", "civil_society", "entrepreneur"][j],
                                  ground_rules_accepted_at=timezone.now())
    ctx.outside = outside
    return ctx, True


LOGINS = [
    ("facilitator@demo.example", "procesbegeleider / facilitator"),
    ("coordinator@demo.example", "coördinator / coordinator"),
    ("participant@demo.example", "deelnemer / participant"),
    ("marieke@demo.example", "kerngroep / core group"),
    ("outsider@demo.example", "lid van een andere gemeenschap / member of another community"),
]
