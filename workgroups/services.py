"""Writes for workgroups, join requests, activities, posts and replies. Keyword-only, validated,
transactional: on bad input a ValidationError with a message for the person, and nothing written.
Emails are queued in the outbox inside the same transaction (one email per person)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lg_portal.common.once import sent_just_before
from participants.models import Membership, MemberStatus
from participants.services import membership_core_group_set

from . import emails, rules
from .models import (
    ANSWERABLE_KINDS,
    UPDATE_BODY_MAX,
    Activity,
    JoinRequest,
    Post,
    PostKind,
    Reply,
    Workgroup,
    WorkgroupMember,
)


def _same_community(workgroup: Workgroup, membership: Membership) -> None:
    if workgroup.community_id != membership.community_id:
        raise ValidationError(_("Deze werkgroep hoort bij een andere gemeenschap."))


def _in_workgroup(workgroup: Workgroup, membership: Membership) -> bool:
    return WorkgroupMember.objects.filter(workgroup=workgroup, membership=membership).exists()


def _require_member(workgroup: Workgroup, membership: Membership, message: str) -> None:
    """The rules for acting in a workgroup (workgroups.rules.can_act_for), with this message when no."""
    if not rules.can_act_for(membership, in_workgroup=_in_workgroup(workgroup, membership)):
        raise ValidationError(message)


def _set_core_group_flag(membership: Membership, value: bool) -> None:
    """The core group is a workgroup; Membership.is_core_group mirrors membership of it (set through
    the participants app's service)."""
    membership_core_group_set(membership=membership, value=value)


# --- workgroups --------------------------------------------------------------------------------------

def workgroup_propose(*, community, by: Membership, name: str, theme: str = "", closed: bool = False,
                      is_core_group: bool = False, now=None) -> Workgroup:
    """Any member proposes a workgroup on a theme; it starts at once with the proposer as its first member
    ('go with the flow'). Only a facilitator may mark a new workgroup as the core group."""
    now = now or timezone.now()
    if by.community_id != community.pk:
        raise ValidationError(_("Je bent geen lid van deze gemeenschap."))
    name = (name or "").strip()
    if is_core_group and not rules.can_set_up_core_group(by):
        raise ValidationError(_("Alleen een procesbegeleider kan de kerngroep instellen."))
    if name and Workgroup.objects.filter(community=community, name__iexact=name).exists():
        raise ValidationError({"name": _("Er is al een werkgroep met deze naam.")})
    if is_core_group and Workgroup.objects.filter(community=community, is_core_group=True).exists():
        raise ValidationError({"is_core_group": _("Deze gemeenschap heeft al een kerngroep.")})
    workgroup = Workgroup(community=community, name=name, theme=(theme or "").strip(), closed=closed,
                          is_core_group=is_core_group, created_by=by.user, created_at=now)
    workgroup.full_clean()
    try:
        with transaction.atomic():
            workgroup.save()
            # A facilitator who sets up the core group is not automatically one of its members.
            if not (is_core_group and by.is_facilitator and not by.is_participant):
                WorkgroupMember.objects.create(workgroup=workgroup, membership=by, joined_at=now)
                if is_core_group:
                    _set_core_group_flag(by, True)
    except IntegrityError:
        raise ValidationError({"name": _("Er is al een werkgroep met deze naam.")})
    return workgroup


def workgroup_update(*, workgroup: Workgroup, by: Membership, name: str, theme: str, closed: bool) -> Workgroup:
    _same_community(workgroup, by)
    if not rules.can_update(by, in_workgroup=_in_workgroup(workgroup, by)):
        raise ValidationError(_("Alleen leden van de werkgroep en procesbegeleiders kunnen haar aanpassen."))
    name = (name or "").strip()
    if Workgroup.objects.filter(community_id=workgroup.community_id, name__iexact=name).exclude(
            pk=workgroup.pk).exists():
        raise ValidationError({"name": _("Er is al een werkgroep met deze naam.")})
    workgroup.name, workgroup.theme, workgroup.closed = name, (theme or "").strip(), closed
    workgroup.full_clean()
    workgroup.save(update_fields=["name", "theme", "closed"])
    return workgroup


_CORE_GROUP_IS_GIVEN = _("In de kerngroep komt iemand doordat een procesbegeleider die rol geeft (bij Leden, "
                         "Rollen); je kunt er niet zelf bij.")


def workgroup_join(*, workgroup: Workgroup, membership: Membership, now=None) -> WorkgroupMember:
    """Join an open, active workgroup. The core group's workspace follows the role: only someone a
    facilitator made core group joins it (back); nobody becomes core group by joining."""
    now = now or timezone.now()
    _same_community(workgroup, membership)
    if membership.status == MemberStatus.STEPPED_OUT:
        raise ValidationError(_("Je bent uit deze gemeenschap gestapt."))
    if workgroup.archived_at:
        raise ValidationError(_("Deze werkgroep is gearchiveerd: je kunt er niet meer bij."))
    if WorkgroupMember.objects.filter(workgroup=workgroup, membership=membership).exists():
        raise ValidationError(_("Je doet al mee met deze werkgroep."))
    if workgroup.is_core_group and not membership.is_core_group:
        raise ValidationError(_CORE_GROUP_IS_GIVEN)
    if workgroup.closed:
        raise ValidationError(_("Deze werkgroep werkt achter gesloten deuren: vraag of je mee mag doen."))
    try:
        with transaction.atomic():
            member = WorkgroupMember.objects.create(workgroup=workgroup, membership=membership, joined_at=now)
    except IntegrityError:  # a double click that raced the check above
        raise ValidationError(_("Je doet al mee met deze werkgroep."))
    return member


def workgroup_leave(*, workgroup: Workgroup, membership: Membership) -> None:
    _same_community(workgroup, membership)
    with transaction.atomic():
        deleted, _rows = WorkgroupMember.objects.filter(workgroup=workgroup, membership=membership).delete()
        if not deleted:
            raise ValidationError(_("Je doet niet mee met deze werkgroep, dus je kunt haar ook niet verlaten."))
        if workgroup.is_core_group:
            _set_core_group_flag(membership, False)


def workgroup_archive(*, workgroup: Workgroup, by: Membership, now=None) -> Workgroup:
    _same_community(workgroup, by)
    if not rules.can_archive(by):
        raise ValidationError(_("Alleen procesbegeleiders en de kerngroep kunnen een werkgroep archiveren."))
    if workgroup.is_core_group:
        raise ValidationError(_("De kerngroep kun je niet archiveren."))
    if workgroup.archived_at is None:
        workgroup.archived_at = now or timezone.now()
        workgroup.save(update_fields=["archived_at"])
    return workgroup


def workgroup_reopen(*, workgroup: Workgroup, by: Membership) -> Workgroup:
    _same_community(workgroup, by)
    if not rules.can_archive(by):
        raise ValidationError(_("Alleen procesbegeleiders en de kerngroep kunnen een werkgroep heropenen."))
    if workgroup.archived_at is not None:
        workgroup.archived_at = None
        workgroup.save(update_fields=["archived_at"])
    return workgroup


# --- join requests for closed workgroups -------------------------------------------------------------

def join_request_create(*, workgroup: Workgroup, membership: Membership, message: str = "",
                        now=None) -> JoinRequest:
    now = now or timezone.now()
    _same_community(workgroup, membership)
    if workgroup.archived_at:
        raise ValidationError(_("Deze werkgroep is gearchiveerd: je kunt er niet meer bij."))
    if workgroup.is_core_group and not membership.is_core_group:
        raise ValidationError(_CORE_GROUP_IS_GIVEN)
    if not workgroup.closed:
        raise ValidationError(_("Deze werkgroep is open: je kunt direct meedoen."))
    if WorkgroupMember.objects.filter(workgroup=workgroup, membership=membership).exists():
        raise ValidationError(_("Je doet al mee met deze werkgroep."))
    request = JoinRequest(workgroup=workgroup, membership=membership, message=(message or "").strip(),
                          created_at=now)
    request.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            request.save()
            members = WorkgroupMember.objects.filter(workgroup=workgroup).select_related("membership__user")
            for member in members:
                emails.join_request_notify(request, member.membership)
    except IntegrityError:
        raise ValidationError(_("Je hebt al gevraagd om mee te doen; de werkgroep beslist nog."))
    return request


def join_request_decide(*, join_request: JoinRequest, by: Membership, accept: bool, now=None) -> JoinRequest:
    """A member of the workgroup accepts (the asker joins) or declines. Locked, so two members clicking at
    once decide once."""
    now = now or timezone.now()
    workgroup = join_request.workgroup
    _same_community(workgroup, by)
    _require_member(workgroup, by, _("Alleen leden van de werkgroep kunnen over een verzoek beslissen."))
    if accept and workgroup.is_core_group and not join_request.membership.is_core_group:
        raise ValidationError(_CORE_GROUP_IS_GIVEN)
    with transaction.atomic():
        locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if locked.state != JoinRequest.State.OPEN:
            raise ValidationError(_("Over dit verzoek is al beslist."))
        if accept and workgroup.archived_at:
            raise ValidationError(_("Deze werkgroep is gearchiveerd: je kunt er niet meer bij."))
        locked.state = JoinRequest.State.ACCEPTED if accept else JoinRequest.State.DECLINED
        locked.decided_at, locked.decided_by = now, by
        locked.save(update_fields=["state", "decided_at", "decided_by"])
        if accept:
            asker = locked.membership
            WorkgroupMember.objects.get_or_create(workgroup=workgroup, membership=asker, defaults={"joined_at": now})
        emails.join_request_decided(locked)
    return locked


def workgroup_invite(*, workgroup: Workgroup, by: Membership, invitee: Membership, now=None) -> bool:
    """A member personally asks someone from the community to join (the 'unusual combinations' suggestions).
    One email; asking the same person twice queues nothing. Returns whether an email was queued."""
    _same_community(workgroup, by)
    _same_community(workgroup, invitee)
    _require_member(workgroup, by, _("Alleen leden van de werkgroep kunnen iemand vragen mee te doen."))
    if workgroup.archived_at:
        raise ValidationError(_("Deze werkgroep is gearchiveerd: je kunt er niet meer bij."))
    if WorkgroupMember.objects.filter(workgroup=workgroup, membership=invitee).exists():
        raise ValidationError(_("%(name)s doet al mee.") % {"name": invitee.user.name})
    return emails.workgroup_invite(workgroup=workgroup, by=by, invitee=invitee)


# --- activities --------------------------------------------------------------------------------------

def activity_record(*, workgroup: Workgroup, by: Membership, kind: str, title: str, happened_on,
                    outcome: str = "", participants=(), now=None) -> Activity:
    """A member records what the workgroup did. Participants must be members of the same community."""
    now = now or timezone.now()
    _same_community(workgroup, by)
    _require_member(workgroup, by, _("Alleen leden van de werkgroep kunnen een activiteit vastleggen."))
    if workgroup.archived_at:
        raise ValidationError(_("Deze werkgroep is gearchiveerd: je kunt er niet meer bij."))
    participants = list(participants)
    if any(p.community_id != workgroup.community_id for p in participants):
        raise ValidationError({"participants": _("Alleen leden van deze gemeenschap kunnen meedoen.")})
    if happened_on and happened_on > timezone.localdate(now):
        raise ValidationError({"happened_on": _(
            "Een activiteit leg je vast als ze gebeurd is; een toekomstige bijeenkomst plan je bij Bijeenkomsten.")})
    activity = Activity(workgroup=workgroup, community_id=workgroup.community_id, kind=kind,
                        title=(title or "").strip(), happened_on=happened_on, outcome=(outcome or "").strip(),
                        created_by=by.user, created_at=now)
    activity.full_clean()
    with transaction.atomic():
        activity.save()
        activity.participants.set(participants)
    return activity


def activity_record_for_workgroup(*, workgroup: Workgroup, kind: str, title: str, happened_on, outcome: str = "",
                                  created_by=None, now=None) -> Activity:
    """An activity another app records for a workgroup (a match the workgroup's marketplace made), with
    no member to check: the caller has checked who may. Call it inside the caller's transaction."""
    activity = Activity(workgroup=workgroup, community_id=workgroup.community_id, kind=kind, title=title[:200],
                        happened_on=happened_on, outcome=outcome, created_by=created_by,
                        created_at=now or timezone.now())
    activity.full_clean()
    activity.save()
    return activity


def activity_update_for_workgroup(*, activity: Activity, workgroup: Workgroup, title: str, happened_on) -> Activity:
    """Keep an activity another app recorded in step with what it stands for (the marketplace's date,
    name and organising workgroup). Call it inside the caller's transaction."""
    activity.workgroup, activity.community_id = workgroup, workgroup.community_id
    activity.title, activity.happened_on = title[:200], happened_on
    activity.full_clean()
    activity.save(update_fields=["workgroup", "community", "title", "happened_on"])
    return activity


# --- posts and replies -------------------------------------------------------------------------------

def post_create(*, community, by: Membership, kind: str, title: str, body: str, workgroup: Workgroup | None = None,
                topic: str = "", now=None) -> Post:
    """A question, proposal, idea or update, to a workgroup the poster is in or to the whole community.
    No email goes out per post: updates reach people through the home page and a digest."""
    now = now or timezone.now()
    if by.community_id != community.pk:
        raise ValidationError(_("Je bent geen lid van deze gemeenschap."))
    if workgroup is not None:
        _same_community(workgroup, by)
        if workgroup.archived_at:
            raise ValidationError({"workgroup": _("Deze werkgroep is gearchiveerd: je kunt er niet meer bij.")})
        _require_member(workgroup, by, _("Alleen leden van de werkgroep kunnen daar iets plaatsen."))
    title, body = (title or "").strip(), (body or "").strip()
    errors = {}
    if kind == PostKind.UPDATE:
        if not topic:
            errors["topic"] = _("Kies of deze tussenstap over de inhoud of over het proces gaat.")
        if len(body) > UPDATE_BODY_MAX:
            errors["body"] = _("Een tussenstap is kort: hoogstens %(max)s tekens (nu %(n)s).") % {
                "max": UPDATE_BODY_MAX, "n": len(body)}
    else:
        topic = ""
    if errors:
        raise ValidationError(errors)
    same = sent_just_before(Post.objects.filter(community=community, workgroup=workgroup, author=by, kind=kind,
                                                topic=topic, title=title, body=body), now=now)
    if same is not None:
        return same
    post = Post(community=community, workgroup=workgroup, author=by, kind=kind, topic=topic, title=title, body=body,
                created_at=now)
    post.full_clean()
    post.save()
    return post


def reply_create(*, post: Post, by: Membership, body: str, now=None) -> Reply:
    """Reply to a post the person can read. The poster gets one email per reply (not the others)."""
    now = now or timezone.now()
    if post.community_id != by.community_id:
        raise ValidationError(_("Dit bericht hoort bij een andere gemeenschap."))
    # Only a closed workgroup's posts depend on being in it: no query for the others.
    in_workgroup = bool(post.workgroup_id) and post.workgroup.closed and _in_workgroup(post.workgroup, by)
    if not rules.can_reply(by, post, in_workgroup=in_workgroup):
        raise ValidationError(_("Alleen leden van deze werkgroep kunnen hier reageren."))
    body = (body or "").strip()
    same = sent_just_before(Reply.objects.filter(post=post, author=by, body=body), now=now)
    if same is not None:
        return same
    reply = Reply(post=post, author=by, body=body, created_at=now)
    reply.full_clean()
    with transaction.atomic():
        reply.save()
        if post.author_id != by.pk:
            emails.reply_notify(reply)
    return reply


def post_mark_answered(*, post: Post, by: Membership, reply: Reply | None = None, now=None) -> Post:
    if not rules.can_mark_answered(by, post):
        raise ValidationError(_("Alleen wie het bericht plaatste, kan het als beantwoord markeren."))
    if post.kind not in ANSWERABLE_KINDS:
        raise ValidationError(_("Een tussenstap hoeft niet beantwoord te worden."))
    if reply is not None and reply.post_id != post.pk:
        raise ValidationError(_("Deze reactie hoort bij een ander bericht."))
    post.answered_at = now or timezone.now()
    post.answer = reply
    post.save(update_fields=["answered_at", "answer"])
    return post


def post_reopen(*, post: Post, by: Membership) -> Post:
    if not rules.can_mark_answered(by, post):
        raise ValidationError(_("Alleen wie het bericht plaatste, kan het weer openzetten."))
    post.answered_at, post.answer = None, None
    post.save(update_fields=["answered_at", "answer"])
    return post


def core_group_sync(*, community) -> tuple[int, int]:
    """Make the core-group workgroup's members match Membership.is_core_group, for when the flag was set
    elsewhere (the roles page): flagged members join it, unflagged ones leave it. Returns (joined, left).
    Does nothing when the community has no core-group workgroup."""
    core = Workgroup.objects.filter(community=community, is_core_group=True).first()
    if core is None:
        return 0, 0
    with transaction.atomic():
        flagged = Membership.objects.filter(community=community, is_core_group=True).exclude(
            status=MemberStatus.STEPPED_OUT)
        missing = flagged.exclude(workgroup_memberships__workgroup=core)
        joined = WorkgroupMember.objects.bulk_create(
            [WorkgroupMember(workgroup=core, membership=m) for m in missing], ignore_conflicts=True)
        left, _rows = WorkgroupMember.objects.filter(workgroup=core).exclude(
            membership__in=flagged).delete()
    return len(joined), left


def memberships_forget(membership: Membership) -> None:
    """Someone left the community: they are in none of its workgroups any more (registered on
    lg_portal.registry.MEMBERSHIP_FORGET)."""
    WorkgroupMember.objects.filter(membership=membership).delete()


def core_group_keep_in_step(*, community) -> None:
    """A member's roles changed (registered on lg_portal.registry.ROLES_CHANGED)."""
    core_group_sync(community=community)
