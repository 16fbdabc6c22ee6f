"""Writes for communities, memberships, invitations and suggestions. Keyword-only, validated,
transactional; email is queued in the outbox in the same transaction."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from lg_portal import registry
from lg_portal.common.cache import community_changed

from . import emails
from .models import Community, Invitation, Membership, MemberStatus, Suggestion, User, new_feed_token
from .selectors import acting_facilitators


def community_create(*, by, **fields) -> Community:
    """Create a community; its creator becomes its facilitator (and not a participant: the guide
    keeps the two roles apart)."""
    community = Community(created_by=by, **fields)
    community.full_clean()
    with transaction.atomic():
        community.save()
        Membership.objects.create(
            community=community,
            user=by,
            is_facilitator=True,
            is_participant=False,
            ground_rules_accepted_at=timezone.now() if not community.ground_rules else None,
        )
    return community


def community_update(*, community: Community, **fields) -> Community:
    rules_changed = "ground_rules" in fields and fields["ground_rules"] != community.ground_rules
    for name, value in fields.items():
        setattr(community, name, value)
    community.full_clean()
    with transaction.atomic():
        community.save()
        if rules_changed:
            # New rules need everyone's agreement again.
            community.memberships.update(ground_rules_accepted_at=None)
    return community


# --- the initiator's look -----------------------------------------------------------------------------

LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": ("png", "image/png"), b"\xff\xd8\xff": ("jpg", "image/jpeg"),
              b"RIFF": ("webp", "image/webp")}


def logo_type(head: bytes) -> tuple[str, str] | None:
    """(extension, content type) of a PNG, JPEG or WebP by its first bytes; None for anything else (an
    SVG can carry script, so it is not taken)."""
    for magic, kind in LOGO_TYPES.items():
        if head.startswith(magic) and (magic != b"RIFF" or head[8:12] == b"WEBP"):
            return kind
    return None


def community_look_set(*, community: Community, by: Membership, organisation: str = "", primary: str = "",
                       header: str = "", logo=None, remove_logo: bool = False, now=None) -> Community:
    """A facilitator gives the community its initiator's name, colours and logo. Colours must keep text
    readable (WCAG AA, 4.5:1): the main colour on white (links, and white text on buttons), the header's
    colour with its own text. Empty values bring back the plain look."""
    from lg_portal.common.colour import AA_TEXT, HEX, WHITE, contrast, ink_on

    if by.community_id != community.pk or not by.is_facilitator:
        raise ValidationError(_("Alleen een procesbegeleider kan het uiterlijk van de gemeenschap aanpassen."))
    primary, header = (primary or "").strip().lower(), (header or "").strip().lower()
    errors = {}
    for name, value in (("primary", primary), ("header", header)):
        if value and not HEX.match(value):
            errors[name] = _("Geef een kleur als #rrggbb, bijvoorbeeld #1f5f3f.")
    if primary and "primary" not in errors and (ratio := contrast(primary, WHITE)) < AA_TEXT:
        errors["primary"] = _("Deze kleur heeft te weinig contrast met wit: %(ratio)s : 1, waar minstens 4,5 : 1 "
                              "nodig is om tekst goed te lezen. Kies een donkerdere tint.") % {
                                  "ratio": number_format(round(ratio, 1), 1)}
    if header and "header" not in errors and (ratio := contrast(ink_on(header), header)) < AA_TEXT:
        errors["header"] = _("Op deze kleur is geen tekst goed leesbaar (wit noch zwart haalt 4,5 : 1). Kies een "
                             "lichtere of donkerdere tint.")
    kind = None
    if logo is not None:
        if logo.size > settings.LG_LOGO_MAX_BYTES:
            errors["logo"] = _("Het logo is te groot: hoogstens %(kb)s kB.") % {"kb": settings.LG_LOGO_MAX_BYTES // 1024}
        else:
            head = logo.read(16)
            logo.seek(0)
            kind = logo_type(head)
            if kind is None:
                errors["logo"] = _("Kies een logo als PNG, JPEG of WebP.")
    if errors:
        raise ValidationError(errors)
    old_logo = community.look_logo.name if community.look_logo else ""
    community.look_organisation, community.look_primary, community.look_header = organisation.strip(), primary, header
    community.look_updated_at = now or timezone.now()
    if logo is not None:
        community.look_logo.save(f"{community.slug}-{uuid.uuid4().hex[:8]}.{kind[0]}", logo, save=False)
    elif remove_logo:
        community.look_logo = ""
    community.save(update_fields=["look_organisation", "look_primary", "look_header", "look_logo", "look_updated_at"])
    if old_logo and old_logo != (community.look_logo.name if community.look_logo else ""):
        transaction.on_commit(lambda: community.look_logo.storage.delete(old_logo))
    community_changed(community.pk)
    return community


def membership_update_profile(*, membership: Membership, user_fields: dict, member_fields: dict) -> Membership:
    user = membership.user
    for name, value in user_fields.items():
        setattr(user, name, value)
    for name, value in member_fields.items():
        setattr(membership, name, value)
    user.full_clean(exclude=["password"])
    membership.full_clean()
    with transaction.atomic():
        user.save()
        membership.save()
    return membership


def keep_a_facilitator(membership: Membership) -> None:
    """Call inside a transaction before `membership` stops being a facilitator (a role taken away, a
    person removed or deleting their account). Locks the community's row, so two facilitators who take
    each other's role at the same moment are served one after the other and the second is refused:
    a community always keeps one (a stopped community needs none)."""
    community = Community.objects.select_for_update().get(pk=membership.community_id)
    if community.is_read_only:
        return
    was = acting_facilitators().filter(pk=membership.pk).exists()
    if was and not acting_facilitators().filter(community=community).exclude(pk=membership.pk).exists():
        raise ValidationError(_("%(community)s heeft minstens één procesbegeleider nodig: geef die rol eerst aan "
                                "iemand anders.") % {"community": community.name})


def membership_set_roles(*, membership: Membership, roles: dict, by: Membership) -> Membership:
    for field, value in roles.items():
        setattr(membership, field, bool(value))
    membership.full_clean()
    with transaction.atomic():
        if not membership.is_facilitator:
            keep_a_facilitator(membership)
        membership.save()
        # The apps that mirror a role (the core group is also a workgroup) keep in step.
        for keep_in_step in registry.ROLES_CHANGED:
            keep_in_step(community=membership.community)
    return membership


def ground_rules_accept(*, membership: Membership, now=None) -> Membership:
    if membership.ground_rules_accepted_at is None:
        membership.ground_rules_accepted_at = now or timezone.now()
        membership.save(update_fields=["ground_rules_accepted_at"])
    return membership


def invitation_create(*, community: Community, email: str, message: str, by, name: str = "",
                      as_facilitator: bool = False, now=None) -> Invitation:
    email = email.strip().lower()
    if community.is_read_only:
        raise ValidationError({"email": _("Deze gemeenschap is gestopt: er komen geen nieuwe leden meer bij.")})
    # Someone who stepped out may be invited back; accepting makes them active again.
    if Membership.objects.filter(community=community, user__email__iexact=email).exclude(
            status=MemberStatus.STEPPED_OUT).exists():
        raise ValidationError({"email": _("Deze persoon is al lid van de gemeenschap.")})
    now = now or timezone.now()
    invitation = Invitation(
        community=community,
        email=email,
        name=name,
        message=message,
        as_facilitator=as_facilitator,
        invited_by=by,
        created_at=now,
    )
    invitation.expires_at = invitation.created_at + timedelta(days=settings.LG_INVITATION_DAYS)
    try:
        invitation.full_clean()
    except ValidationError as error:
        if "__all__" in error.message_dict:
            raise ValidationError({"email": error.message_dict["__all__"]}) from None
        raise
    try:
        with transaction.atomic():
            invitation.save()
            Suggestion.objects.filter(
                community=community, email__iexact=email, state=Suggestion.State.OPEN
            ).update(state=Suggestion.State.INVITED)
            emails.invitation_send(invitation)
    except IntegrityError:
        raise ValidationError({"email": _("Deze persoon heeft al een openstaande uitnodiging.")}) from None
    return invitation


def invitation_revoke(*, invitation: Invitation, now=None) -> None:
    if invitation.is_open:
        invitation.revoked_at = now or timezone.now()
        invitation.save(update_fields=["revoked_at"])


class InvitationError(Exception):
    pass


def invitation_accept(*, token: str, user, now=None) -> Membership:
    """Accept an invitation for `user`. Single use: the row is locked, so two clicks make one
    membership. Raises InvitationError with a message for the person."""
    now = now or timezone.now()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().select_related("community").filter(token=token).first()
        if invitation is None:
            raise InvitationError(_("Deze uitnodiging bestaat niet (meer)."))
        if invitation.revoked_at:
            raise InvitationError(_("Deze uitnodiging is ingetrokken."))
        if invitation.accepted_at:
            raise InvitationError(_("Deze uitnodiging is al gebruikt."))
        if invitation.community.is_read_only:
            raise InvitationError(_("Deze gemeenschap is gestopt: er komen geen nieuwe leden meer bij."))
        if invitation.is_expired(now):
            raise InvitationError(
                _("Deze uitnodiging is verlopen. Vraag de procesbegeleider om een nieuwe uitnodiging.")
            )
        if invitation.email.lower() != user.email.lower():
            raise InvitationError(
                _("Deze uitnodiging is verstuurd naar een ander e-mailadres (%(email)s). Log in met dat adres.")
                % {"email": invitation.email}
            )
        membership, created = Membership.objects.get_or_create(
            community=invitation.community,
            user=user,
            defaults={
                "is_facilitator": invitation.as_facilitator,
                "is_participant": not invitation.as_facilitator,
                "joined_at": now,
            },
        )
        if not created and membership.status == MemberStatus.STEPPED_OUT:
            # Back after stepping out: a member again from today (the drift signals count from here).
            membership.status, membership.paused_until, membership.joined_at = MemberStatus.ACTIVE, None, now
            membership.save(update_fields=["status", "paused_until", "joined_at"])
        invitation.accepted_at = now
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    community_changed(membership.community_id)  # one more participant: the cached summaries count anew
    return membership


def suggestion_create(*, community: Community, by, name: str, reason: str, email: str = "",
                      sector: str = "") -> Suggestion:
    suggestion = Suggestion(community=community, suggested_by=by, name=name, email=email.strip().lower(),
                            sector=sector, reason=reason)
    suggestion.full_clean()
    with transaction.atomic():
        suggestion.save()
        emails.suggestion_notify(suggestion)
    return suggestion


def suggestion_dismiss(*, suggestion: Suggestion) -> None:
    suggestion.state = Suggestion.State.DISMISSED
    suggestion.save(update_fields=["state"])


def membership_status_set(*, membership_id: int, status: str, paused_until=None, reopen: bool = False,
                          now=None) -> Membership:
    """Someone is active again, paused (until a date, or open-ended), or stepped out consciously. Locks
    the row, so call it inside the caller's transaction to combine it with the caller's own writes.
    Raises ValidationError when the person stepped out already, unless `reopen` (they take back their
    own answer "I step out"). Whoever steps out, starts a pause or comes back from one (before its end
    date, or taking back a step out), the community's facilitators get one email about it (in the same
    transaction, through the outbox): what they were told last is never left standing wrong."""
    with transaction.atomic():
        membership = Membership.objects.select_for_update().select_related("user", "community").get(
            pk=membership_id)
        if membership.status == MemberStatus.STEPPED_OUT and not reopen:
            raise ValidationError(_("Je bent al uit deze gemeenschap gestapt."))
        before = membership.status
        membership.status = status
        membership.paused_until = paused_until if status == MemberStatus.PAUSED else None
        membership.save(update_fields=["status", "paused_until"])
        if status != before:
            emails.status_changed_notify(membership, now=now or timezone.now())
    community_changed(membership.community_id)
    return membership


def memberships_resume_due(*, now=None) -> int:
    """People whose pause has ended (the day after its last day) are active again. One UPDATE."""
    today = timezone.localdate(now or timezone.now())
    due = Membership.objects.filter(status=MemberStatus.PAUSED, paused_until__lt=today)
    with transaction.atomic():  # the cached summaries go stale when the update is committed, not before
        for community_id in set(due.values_list("community_id", flat=True)):
            community_changed(community_id)
        return due.update(status=MemberStatus.ACTIVE)


def membership_core_group_set(*, membership: Membership, value: bool) -> Membership:
    """Someone joins or leaves the core group (the workgroups app keeps its core-group workgroup in
    step). Only this one field is written, so a concurrent profile edit is not overwritten."""
    Membership.objects.filter(pk=membership.pk).update(is_core_group=value)
    membership.is_core_group = value
    community_changed(membership.community_id)
    return membership


def feed_token_regenerate(*, user: User) -> str:
    """A new secret for the person's calendar feed; the old URL stops working at once."""
    token = new_feed_token()
    User.objects.filter(pk=user.pk).update(feed_token=token)
    user.feed_token = token
    return token


def feed_settings_update(*, user: User, all_workgroups: bool) -> User:
    """What the person's calendar feed holds: with `all_workgroups`, every open workgroup's meetings
    too, not only their own workgroups'. Only this field is written, so a settings form saved at the
    same moment keeps its changes. The feed's ETag includes the setting: subscribed calendars pick the
    change up at their next poll."""
    User.objects.filter(pk=user.pk).update(feed_all_workgroups=all_workgroups)
    user.feed_all_workgroups = all_workgroups
    return user
