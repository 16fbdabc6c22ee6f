"""Reads for workgroups, activities and posts. Each costs a fixed number of queries, whatever the
number of workgroups, members, activities or posts. Other apps may use these."""

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from lg_portal import registry
from participants.models import GroupRole, Membership, MemberStatus, Sector
from participants.selectors import counted_in_group, is_doer, is_thinker

from .models import ANSWERABLE_KINDS, Activity, JoinRequest, Post, PostKind, Reply, Workgroup, WorkgroupMember

# "Niet te groot": the core group of about eight prepared the plenaries well, while the plenary of 20-25
# turned passive; the guide split into workgroups to keep everyone active. Above
# settings.LG_WORKGROUP_SIZE_MAX (8) a workgroup is advised to split.

# "Snelheid": answer questions, proposals and ideas at once; after this many days without a reply from
# someone else, a post is listed as waiting for an answer (and the nudges pick it up).
WAITING_AFTER = timedelta(days=3)


def workgroup_size_advice() -> int:
    return settings.LG_WORKGROUP_SIZE_MAX


# --- membership --------------------------------------------------------------------------------------

def _member_of(membership, workgroup_ref="pk"):
    return WorkgroupMember.objects.filter(workgroup=OuterRef(workgroup_ref), membership=membership)


def workgroup_visible_q(membership, path: str) -> Q:
    """Rows (of any app) whose workgroup, at `path`, is open, absent, or a closed one this member
    belongs to: what a member may see of other people's work."""
    in_group = WorkgroupMember.objects.filter(workgroup=OuterRef(path), membership=membership)
    return Q(**{f"{path}__isnull": True}) | Q(**{f"{path}__closed": False}) | Q(Exists(in_group))


def is_member(*, workgroup: Workgroup, membership: Membership) -> bool:
    return WorkgroupMember.objects.filter(workgroup=workgroup, membership=membership).exists()


def workgroups_of_member(*, membership: Membership, include_archived: bool = False) -> QuerySet:
    qs = Workgroup.objects.filter(community_id=membership.community_id, members__membership=membership)
    if not include_archived:
        qs = qs.filter(archived_at__isnull=True)
    return qs.order_by("-is_core_group", "name")


def workgroup_ids_by_membership(*, membership_ids) -> dict[int, set[int]]:
    """membership id -> ids of the active (not archived) workgroups they are in. One query."""
    groups: dict[int, set[int]] = {}
    for membership_id, workgroup_id in WorkgroupMember.objects.filter(
            membership_id__in=membership_ids, workgroup__archived_at__isnull=True).values_list(
            "membership_id", "workgroup_id"):
        groups.setdefault(membership_id, set()).add(workgroup_id)
    return groups


def members_by_workgroup(*, workgroup_ids) -> dict[int, list[Membership]]:
    """workgroup id -> its members who are still in the community and have an account (with user), in
    the order they joined. One query."""
    result: dict[int, list[Membership]] = {}
    for wm in (WorkgroupMember.objects.filter(workgroup_id__in=workgroup_ids)
               .exclude(membership__status=MemberStatus.STEPPED_OUT).filter(membership__user__is_active=True)
               .select_related("membership__user").order_by("pk")):
        result.setdefault(wm.workgroup_id, []).append(wm.membership)
    return result


def core_group_of(*, community) -> Workgroup | None:
    return Workgroup.objects.filter(community=community, is_core_group=True).first()


# --- what the apps built on workgroups add to them ----------------------------------------------------

def with_extras(qs: QuerySet, *, now: datetime) -> QuerySet:
    """Annotate each workgroup with what other apps add to it (the meetings app: the next meeting),
    each as a subquery in the same SELECT, so no extra queries. See lg_portal.registry."""
    for annotate in registry.WORKGROUP_ANNOTATIONS:
        qs = annotate(qs, now=now)
    return qs


def workgroup_fact_templates() -> list[str]:
    return list(registry.WORKGROUP_FACTS)


# --- lists and pages ---------------------------------------------------------------------------------

def _members_prefetch():
    return Prefetch(
        "members",
        queryset=WorkgroupMember.objects.select_related("membership__user")
        .exclude(membership__status=MemberStatus.STEPPED_OUT).order_by("membership__user__name"),
        to_attr="member_list",
    )


def workgroups_for_list(*, community, membership: Membership, now: datetime) -> list[Workgroup]:
    """All workgroups of the community (archived last), with their members, the viewer's place in them and
    the next meeting. Two queries."""
    qs = (
        Workgroup.objects.filter(community=community)
        .annotate(
            is_member=Exists(_member_of(membership)),
            has_open_request=Exists(JoinRequest.objects.filter(
                workgroup=OuterRef("pk"), membership=membership, state=JoinRequest.State.OPEN)),
        )
        .prefetch_related(_members_prefetch())
        .order_by(F("archived_at").asc(nulls_first=True), "-is_core_group", "name")
    )
    workgroups = list(with_extras(qs, now=now))
    for workgroup in workgroups:
        _decorate(workgroup)
    return workgroups


def workgroup_for_page(*, community, pk: int, membership: Membership, now: datetime) -> Workgroup | None:
    """One workgroup of this community (None if it is not there), decorated like in the list. Two queries."""
    qs = (
        Workgroup.objects.filter(community=community, pk=pk)
        .annotate(
            is_member=Exists(_member_of(membership)),
            has_open_request=Exists(JoinRequest.objects.filter(
                workgroup=OuterRef("pk"), membership=membership, state=JoinRequest.State.OPEN)),
        )
        .select_related("created_by")
        .prefetch_related(_members_prefetch())
    )
    workgroup = with_extras(qs, now=now).first()
    if workgroup is not None:
        _decorate(workgroup)
    return workgroup


def _decorate(workgroup: Workgroup) -> None:
    members = [wm.membership for wm in workgroup.member_list]
    workgroup.memberships = members
    workgroup.size = len(members)
    counts = Counter(m.sector for m in members if m.sector)
    workgroup.sector_counts = [(label, counts[value]) for value, label in Sector.choices if counts[value]]
    workgroup.content_visible = workgroup.is_member or not workgroup.closed


# --- heterogeneity -----------------------------------------------------------------------------------

def heterogeneity(*, members: list[Membership], community_members: list[Membership], limit: int = 6) -> dict:
    """The workgroup's mix of sectors and group roles, warnings naming the guide's lesson, and people from
    the community who would add a missing sector or role. Works on fetched lists: no queries."""
    size = len(members)
    sectors = Counter(m.sector for m in members if m.sector)
    roles = Counter(r for m in members for r in m.group_roles)
    sector_labels, role_labels = dict(Sector.choices), dict(GroupRole.choices)
    warnings = []
    with_roles = [m for m in members if m.group_roles]
    if len(with_roles) >= 2 and len(roles) == 1:
        only = next(iter(roles))
        warnings.append({
            "lesson": _("Heterogene werkgroepen"),
            "text": _("Alle leden hebben dezelfde groepsrol (%(role)s). Alleen maar doeners, twijfelaars of denkers "
                      "in een werkgroep kan de dood in de pot betekenen.") % {"role": role_labels.get(only, only)},
        })
    thinkers, doers = sum(1 for m in members if is_thinker(m)), sum(1 for m in members if is_doer(m))
    if size >= 2 and (thinkers or doers) and not (thinkers and doers):
        warnings.append({
            "lesson": _("Denkers én doeners"),
            "text": _("Er zijn geen %(missing)s in deze werkgroep. Je hebt zowel mensen nodig die nadenken als "
                      "mensen die aan de slag gaan.") % {"missing": _("denkers") if not thinkers else _("doeners")},
        })
    with_sector = [m for m in members if m.sector]
    if len(with_sector) >= 2 and len(sectors) == 1:
        only = next(iter(sectors))
        warnings.append({
            "lesson": _("Heterogene werkgroepen"),
            "text": _("Alle leden komen uit één sector (%(sector)s). Zoek ongewone combinaties: juist mensen uit "
                      "een andere hoek brengen de groep verder.") % {"sector": sector_labels.get(only, only)},
        })
    advice = workgroup_size_advice()
    if size > advice:
        warnings.append({
            "lesson": _("Niet te groot"),
            "text": _("%(n)s leden: meer dan %(max)s. In een grote groep worden mensen passief; de kerngroep in "
                      "Hellendoorn telde zo'n acht mensen. Overweeg de werkgroep te splitsen.")
            % {"n": size, "max": advice},
        })
    missing_sectors = [v for v, _label in Sector.choices if v != Sector.OTHER and not sectors[v]]
    missing_roles = [v for v, _label in GroupRole.choices if not roles[v]]
    in_group = {m.pk for m in members}
    suggestions = []
    if size < advice:
        for m in community_members:
            if m.pk in in_group or not counted_in_group(m):
                continue
            adds_sector = m.sector in missing_sectors
            adds_roles = [r for r in m.group_roles if r in missing_roles]
            if adds_sector or adds_roles:
                suggestions.append({
                    "membership": m,
                    "sector": sector_labels.get(m.sector) if adds_sector else None,
                    "roles": [role_labels.get(r, r) for r in adds_roles],
                    "score": int(adds_sector) + len(adds_roles),
                })
        suggestions.sort(key=lambda s: (-s["score"], s["membership"].user.name))
    return {
        "size": size,
        "size_advice": advice,
        "sectors": [(label, sectors[value]) for value, label in Sector.choices if sectors[value]],
        "group_roles": [(label, roles[value]) for value, label in GroupRole.choices if roles[value]],
        "missing_sectors": [sector_labels[v] for v in missing_sectors],
        "missing_roles": [role_labels[v] for v in missing_roles],
        "warnings": warnings,
        "suggestions": suggestions[:limit],
    }


def open_join_requests(*, workgroup: Workgroup) -> QuerySet:
    return JoinRequest.objects.filter(workgroup=workgroup, state=JoinRequest.State.OPEN).select_related(
        "membership__user")


# --- activities --------------------------------------------------------------------------------------

def _activities_qs() -> QuerySet:
    return Activity.objects.select_related("workgroup", "created_by").prefetch_related(
        Prefetch("participants", queryset=Membership.objects.select_related("user").order_by("user__name"))
    )


def activities_for_workgroup(*, workgroup: Workgroup, limit: int | None = None) -> QuerySet:
    qs = _activities_qs().filter(workgroup=workgroup).order_by("-happened_on", "-pk")
    return qs[:limit] if limit else qs


def activities_in_period(*, community_ids, start, end) -> QuerySet:
    """Activities of these communities' workgroups with happened_on in [start, end] (dates, inclusive),
    with their workgroup, oldest first: for the apps built on workgroups (the digest). Includes closed
    workgroups: filter with activities_visible_to before showing them to a person."""
    return _activities_qs().filter(community_id__in=community_ids, happened_on__gte=start,
                                   happened_on__lte=end).order_by("happened_on", "pk")


def activities_visible_to(qs: QuerySet, *, membership: Membership) -> QuerySet:
    """Keep only activities of open workgroups and of closed ones this person is a member of."""
    return qs.filter(Q(workgroup__closed=False) | Exists(_member_of(membership, "workgroup")))


def activity_get_visible(*, membership: Membership, pk: int) -> Activity | None:
    qs = activities_visible_to(_activities_qs().filter(community_id=membership.community_id, pk=pk),
                               membership=membership)
    return qs.first()


# --- posts -------------------------------------------------------------------------------------------

def _other_reply(post_ref="pk"):
    """A reply by someone other than the poster: a poster's own follow-up is no answer."""
    return Reply.objects.filter(post=OuterRef(post_ref)).exclude(author=OuterRef("author"))


def _post_visible(membership: Membership) -> Q:
    return Q(community_id=membership.community_id) & (
        Q(workgroup__isnull=True) | Q(workgroup__closed=False) | Exists(_member_of(membership, "workgroup"))
    )


def posts_visible_to(*, membership: Membership) -> QuerySet:
    """Posts of the person's community they may read: community-wide ones, those of open workgroups, and
    those of closed workgroups they are in."""
    return Post.objects.filter(_post_visible(membership))


def with_reply_counts(qs: QuerySet) -> QuerySet:
    return qs.select_related("author__user", "workgroup").annotate(reply_count=Count("replies"))


def posts_waiting_for_answer(*, community=None, now: datetime) -> QuerySet:
    """Questions, proposals and ideas older than three days with no reply from anyone but the poster and not
    marked answered (posts in archived workgroups no longer wait). One query, for one community or all."""
    qs = Post.objects.filter(
        kind__in=ANSWERABLE_KINDS,
        answered_at__isnull=True,
        created_at__lte=now - WAITING_AFTER,
    ).filter(Q(workgroup__isnull=True) | Q(workgroup__archived_at__isnull=True)).exclude(Exists(_other_reply()))
    if community is not None:
        qs = qs.filter(community=community)
    return qs.select_related("community", "workgroup", "author__user").order_by("created_at", "pk")


def waiting_visible_to(*, membership: Membership, now: datetime, workgroup: Workgroup | None = None) -> QuerySet:
    qs = posts_waiting_for_answer(now=now).filter(_post_visible(membership))
    if workgroup is not None:
        qs = qs.filter(workgroup=workgroup)
    return qs.order_by("created_at", "pk")


def updates_visible_to(*, membership: Membership, since: datetime | None = None) -> QuerySet:
    qs = posts_visible_to(membership=membership).filter(kind=PostKind.UPDATE)
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    return qs.select_related("author__user", "workgroup").order_by("-created_at", "-pk")


def posts_between(*, community_ids, start: datetime, end: datetime) -> list[Post]:
    """Posts of these communities created in [start, end), with workgroup and author: for the digest.
    Includes closed workgroups' posts: the caller shows them to their members only. One query."""
    return list(Post.objects.filter(community_id__in=community_ids, created_at__gte=start, created_at__lt=end)
                .select_related("workgroup", "author__user").order_by("created_at", "pk"))


def posts_for_workgroup(*, workgroup: Workgroup, limit: int = 30) -> list[Post]:
    return list(with_reply_counts(Post.objects.filter(workgroup=workgroup)).order_by("-created_at", "-pk")[:limit])


def post_get_visible(*, membership: Membership, pk: int) -> Post | None:
    return posts_visible_to(membership=membership).filter(pk=pk).select_related(
        "author__user", "workgroup", "answer").first()


def replies_of(*, post: Post) -> QuerySet:
    return post.replies.select_related("author__user").order_by("created_at", "pk")


# --- the community's activity overview ---------------------------------------------------------------

def community_overview(*, membership: Membership, before: datetime | None = None, limit: int = 40) -> list[dict]:
    """What happened in the community, newest first: activities, posts and updates, new workgroups and who
    joined which. Closed workgroups' content only for their members. Four queries (plus two prefetches)."""
    community_id = membership.community_id
    open_or_mine = Q(workgroup__closed=False) | Exists(_member_of(membership, "workgroup"))

    def window(qs, field):
        if before is not None:
            qs = qs.filter(**{f"{field}__lt": before})
        return qs.order_by(f"-{field}", "-pk")[:limit]

    events = []
    activities = window(Activity.objects.filter(community_id=community_id).filter(open_or_mine)
                        .select_related("workgroup", "created_by"), "created_at")
    events += [{"kind": "activity", "at": a.created_at, "activity": a} for a in activities]
    posts = window(with_reply_counts(posts_visible_to(membership=membership)), "created_at")
    events += [{"kind": "update" if p.kind == PostKind.UPDATE else "post", "at": p.created_at, "post": p}
               for p in posts]
    workgroups = window(Workgroup.objects.filter(community_id=community_id).select_related("created_by"),
                        "created_at")
    events += [{"kind": "workgroup", "at": w.created_at, "workgroup": w} for w in workgroups]
    joins = window(WorkgroupMember.objects.filter(workgroup__community_id=community_id).filter(open_or_mine)
                   .select_related("workgroup", "membership__user"), "joined_at")
    events += [{"kind": "join", "at": j.joined_at, "join": j} for j in joins]
    events.sort(key=lambda e: e["at"], reverse=True)
    return events[:limit]
