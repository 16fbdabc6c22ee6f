"""Reads for communities and members; each costs a fixed number of queries."""

from collections import Counter

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Community, GroupRole, Invitation, Membership, MemberStatus, Sector, Suggestion


def memberships_for_user(*, user):
    return (
        Membership.objects.filter(user=user)
        .exclude(status=MemberStatus.STEPPED_OUT)
        .select_related("community")
        .order_by("community__name")
    )


def members_of(*, community, include_inactive=False):
    qs = Membership.objects.filter(community=community).select_related("user").order_by("user__name")
    if not include_inactive:
        qs = qs.exclude(status=MemberStatus.STEPPED_OUT)
    return qs


# The portal's words for who is in, used by every page and check that counts people:
# - an active member (lid): in the community and not paused or stepped out, whatever their role;
# - an active participant (deelnemer): an active member who takes part (participant or core group), not
#   one of the supporters around them (a facilitator or moderator who does not take part, a sounding
#   board). Group size, the mix of sectors and roles, and "who could join" count participants.
# - thinkers and doers: a participant with a thinking role (thinker, visionary, strategist) thinks things
#   through; one with the doer role gets to work. One person can be both.

THINKING_ROLES = frozenset({GroupRole.THINKER, GroupRole.VISIONARY, GroupRole.STRATEGIST})
DOING_ROLES = frozenset({GroupRole.DOER})


def is_active_member(m: Membership) -> bool:
    return m.status == MemberStatus.ACTIVE


def active_member_q(path: str = "") -> Q:
    """is_active_member as a filter; `path` leads to the membership ("membership__")."""
    return Q(**{f"{path}status": MemberStatus.ACTIVE})


def counted_in_group(m: Membership) -> bool:
    """An active participant: who counts towards the group size (see the words above)."""
    return (m.is_participant or m.is_core_group) and is_active_member(m)


def is_thinker(m: Membership) -> bool:
    return bool(THINKING_ROLES & set(m.group_roles))


def is_doer(m: Membership) -> bool:
    return bool(DOING_ROLES & set(m.group_roles))


def active_members(*, community=None, community_ids=None):
    """The active members (any role) of one community or of several, with their user, by name."""
    if (community is None) == (community_ids is None):
        raise TypeError("active_members needs community= or community_ids=")
    qs = Membership.objects.filter(active_member_q())
    qs = qs.filter(community=community) if community is not None else qs.filter(community_id__in=community_ids)
    return qs.select_related("user").order_by("user__name")


def group_counts(*, members) -> dict:
    """How many active members and active participants there are among these memberships (already
    fetched: no queries)."""
    active = [m for m in members if is_active_member(m)]
    return {"members": len(active), "participants": sum(1 for m in active if counted_in_group(m))}


def composition(*, members) -> dict:
    """The community's mix, with a warning (and the lesson behind it) where the guide would have one.
    Works on an already fetched list of memberships: no queries."""
    group = [m for m in members if counted_in_group(m)]
    size = len(group)
    sectors = Counter(m.sector for m in group if m.sector)
    roles = Counter(r for m in group for r in m.group_roles)
    warnings = []
    if size > settings.LG_GROUP_SIZE_MAX:
        warnings.append({
            "lesson": _("Niet te groot"),
            "text": _("%(n)s deelnemers: meer dan %(max)s. In Hellendoorn werden de plenaire bijeenkomsten met "
                      "20 tot 25 mensen passief; 10 tot 15 werkt het best.") % {"n": size, "max": settings.LG_GROUP_SIZE_MAX},
        })
    elif size < settings.LG_GROUP_SIZE_MIN:
        warnings.append({
            "lesson": _("Niet te groot"),
            "text": ngettext("%(n)s deelnemer: minder dan %(min)s. Met 10 tot 15 mensen is er genoeg verscheidenheid "
                             "en blijft iedereen actief.",
                             "%(n)s deelnemers: minder dan %(min)s. Met 10 tot 15 mensen is er genoeg verscheidenheid "
                             "en blijft iedereen actief.", size) % {"n": size, "min": settings.LG_GROUP_SIZE_MIN},
        })
    missing_sectors = [label for value, label in Sector.choices if value != Sector.OTHER and not sectors[value]]
    if missing_sectors and size:
        warnings.append({
            "lesson": _("Verder dan representativiteit"),
            "text": _("Geen deelnemers uit: %(list)s. Zoek ongewone combinaties: wie uit die hoek zou iets "
                      "toevoegen?") % {"list": ", ".join(str(s) for s in missing_sectors)},
        })
    if size and sectors and sectors.most_common(1)[0][1] > size / 2:
        top = dict(Sector.choices)[sectors.most_common(1)[0][0]]
        warnings.append({
            "lesson": _("Verder dan representativiteit"),
            "text": _("Meer dan de helft komt uit één sector (%(sector)s). Een gemengde groep denkt verder.")
            % {"sector": top},
        })
    thinkers, doers = sum(1 for m in group if is_thinker(m)), sum(1 for m in group if is_doer(m))
    if size and (not thinkers or not doers):
        warnings.append({
            "lesson": _("Denkers én doeners"),
            "text": _("Er zijn geen %(missing)s in de groep. Je hebt zowel mensen nodig die nadenken als mensen "
                      "die aan de slag gaan.") % {"missing": _("denkers") if not thinkers else _("doeners")},
        })
    hours = [m.hours_per_month for m in group if m.hours_per_month is not None]
    low_commitment = [m for m in group if m.hours_per_month is not None and m.hours_per_month < 4]
    if low_commitment:
        warnings.append({
            "lesson": _("Verwachtingen uitspreken"),
            "text": ngettext("%(n)s deelnemer geeft minder dan 4 uur per maand op. De gids rekent op 4 tot 8 uur: "
                             "bespreek wat haalbaar is.",
                             "%(n)s deelnemers geven minder dan 4 uur per maand op. De gids rekent op 4 tot 8 uur: "
                             "bespreek wat haalbaar is.", len(low_commitment)) % {"n": len(low_commitment)},
        })
    no_commitment = [m for m in group if m.hours_per_month is None and m.committed_until is None]
    double_roles = [m for m in members if m.double_role]
    for m in double_roles:
        warnings.append({
            "lesson": _("Goede facilitering"),
            "text": _("%(name)s is zowel procesbegeleider als deelnemer. Houd die rollen gescheiden: wie het "
                      "proces begeleidt, kan niet tegelijk onbevangen meedoen.") % {"name": m.user.name},
        })
    return {
        "size": size,
        "size_min": settings.LG_GROUP_SIZE_MIN,
        "size_max": settings.LG_GROUP_SIZE_MAX,
        "sectors": [(label, sectors[value]) for value, label in Sector.choices if sectors[value]],
        "missing_sectors": missing_sectors,
        "group_roles": [(label, roles[value]) for value, label in GroupRole.choices],
        "average_hours": round(sum(hours) / len(hours), 1) if hours else None,
        "no_commitment": len(no_commitment),
        "warnings": warnings,
    }


def ground_rules_pending(*, members):
    return [m for m in members if m.ground_rules_accepted_at is None and is_active_member(m)]


def open_invitations(*, community):
    return (
        Invitation.objects.filter(community=community, accepted_at__isnull=True, revoked_at__isnull=True)
        .select_related("invited_by")
        .order_by("-created_at")
    )


def open_suggestions(*, community):
    return Suggestion.objects.filter(community=community, state=Suggestion.State.OPEN).select_related(
        "suggested_by"
    )


def facilitators_of(*, community):
    return Membership.objects.filter(community=community, is_facilitator=True).select_related("user").exclude(
        Q(status=MemberStatus.STEPPED_OUT)
    )


def facilitators_by_community(*, community_ids) -> dict[int, list[Membership]]:
    """community id -> its facilitators who are still in and have an account (with user), oldest
    first. One query, for any number of communities."""
    result: dict[int, list[Membership]] = {}
    for m in (Membership.objects.filter(community_id__in=community_ids, is_facilitator=True, user__is_active=True)
              .exclude(status=MemberStatus.STEPPED_OUT).select_related("user").order_by("pk")):
        result.setdefault(m.community_id, []).append(m)
    return result


def newcomers_since(*, community_ids, since) -> dict[int, list[Membership]]:
    """community id -> who joined since `since` and is still in (with user). One query."""
    result: dict[int, list[Membership]] = {}
    for m in (Membership.objects.filter(community_id__in=community_ids, joined_at__gte=since)
              .exclude(status=MemberStatus.STEPPED_OUT).select_related("user").order_by("joined_at")):
        result.setdefault(m.community_id, []).append(m)
    return result


def paused_q(today) -> Q:
    """is_paused as a filter (for memberships not stepped out)."""
    return Q(paused_until__gte=today) | Q(status=MemberStatus.PAUSED, paused_until__isnull=True)


def paused_members(*, community, today):
    """Who is paused today (is_paused), with their user, the pause that ends first first."""
    return (Membership.objects.filter(paused_q(today), community=community).exclude(status=MemberStatus.STEPPED_OUT)
            .select_related("user").order_by("paused_until", "user__name"))


def is_paused(membership: Membership, today) -> bool:
    """Paused today: a pause "tot en met" a date includes that day; or paused without an end date."""
    if membership.paused_until and membership.paused_until >= today:
        return True
    return membership.status == MemberStatus.PAUSED and membership.paused_until is None


def memberships_in_running_communities(*, today, user_ids=None):
    """Memberships (not stepped out, active account) in communities that run today and have not
    stopped, with user and community."""
    qs = (Membership.objects.filter(user__is_active=True, community__ends_on__gte=today,
                                    community__starts_on__lte=today, community__stopped_at__isnull=True)
          .exclude(status=MemberStatus.STEPPED_OUT))
    if user_ids is not None:
        qs = qs.filter(user_id__in=user_ids)
    return qs.select_related("user", "community")


def acting_facilitators():
    """Facilitators who have not stepped out: the ones a community must always keep one of."""
    return Membership.objects.filter(is_facilitator=True).exclude(status=MemberStatus.STEPPED_OUT)


def communities_needing_handover(*, user) -> list[Community]:
    """The communities that go on in which `user` is the only facilitator: they hand the role over
    before they can delete their account (participants.services.keep_a_facilitator)."""
    others = acting_facilitators().filter(community=OuterRef("community")).exclude(user=user)
    return [m.community for m in acting_facilitators().filter(user=user, community__stopped_at__isnull=True)
            .filter(~Exists(others)).select_related("community")]
