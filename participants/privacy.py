"""Privacy rights: a person downloads all their data, or deletes their account. Contributions to a
community stay, under "former participant"; what identifies the person goes."""

import datetime
import decimal
import uuid

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from lg_portal import registry
from lg_portal.common.cache import community_changed

from .models import Membership, MemberStatus, User, new_feed_token
from .services import keep_a_facilitator

FORMER_NAME = "Voormalig deelnemer"
SECRET_FIELDS = {"password", "feed_token", "token", "claim"}


def _plain(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time, decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):  # an uploaded file: its stored name
        return value.name or ""
    return value


def _row(obj):
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in SECRET_FIELDS:
            continue
        data[field.attname] = _plain(getattr(obj, field.attname))
    return data


def export_for(user: User) -> dict:
    """Every row in the project that is about this person or that they wrote, as plain JSON: the rows
    that point at them or their memberships, except through the links a model names in
    PRIVACY_NOT_ABOUT (a facilitator who logged a contact, signed a nudge or invited someone acted on
    another person's data: those rows are that person's, not the facilitator's)."""
    membership_ids = list(Membership.objects.filter(user=user).values_list("pk", flat=True))
    data = {"exported_at": timezone.now().isoformat(), "account": _row(user), "records": {}}
    for model in apps.get_models():
        label = model._meta.label
        if model in (User,) or model._meta.app_label in {"sessions", "admin", "contenttypes", "auth"}:
            continue
        query = models.Q()
        not_about = set(getattr(model, "PRIVACY_NOT_ABOUT", ()))
        for field in model._meta.concrete_fields:
            if not field.is_relation or field.related_model is None or field.name in not_about:
                continue
            if field.related_model is User:
                query |= models.Q(**{field.name: user})
            elif field.related_model is Membership and membership_ids:
                query |= models.Q(**{f"{field.name}__in": membership_ids})
        if model is Membership:
            query = models.Q(user=user)
        if not query:
            continue
        rows = [_row(obj) for obj in model.objects.filter(query)]
        if rows:
            data["records"][label] = rows
    return data


def _end_sessions(user: User) -> None:
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()


def membership_forget(membership: Membership) -> None:
    """Take a person out of one community: their profile there goes, their contributions stay. Refused
    (ValidationError) for its last facilitator (participants.services.keep_a_facilitator)."""
    membership.status = MemberStatus.STEPPED_OUT
    membership.motivation = membership.expectations = membership.hats = membership.organisation = ""
    membership.group_roles = []
    membership.hours_per_month = None
    membership.committed_until = None
    membership.willing_to_host = False
    for field in ("is_facilitator", "is_moderator", "is_coordinator", "is_core_group", "is_sounding_board",
                  "is_steering_group"):
        setattr(membership, field, False)
    with transaction.atomic():
        keep_a_facilitator(membership)
        membership.save()
        # Each app built on memberships drops what it keeps for this person there (their place in
        # workgroups, say).
        for forget in registry.MEMBERSHIP_FORGET:
            forget(membership)
    community_changed(membership.community_id)


@transaction.atomic
def account_delete(user: User) -> None:
    """Anonymise the account in place (so foreign keys from contributions keep pointing somewhere),
    end its sessions and invalidate every token that could act for it. Refused, with nothing changed
    (ValidationError), while the person is the last facilitator of a community that goes on."""
    from allauth.account.models import EmailAddress

    for membership in Membership.objects.filter(user=user):
        membership_forget(membership)
    for forget in registry.ACCOUNT_FORGET:
        forget(user, user.name)
    EmailAddress.objects.filter(user=user).delete()
    user.email = f"former-{user.pk}-{uuid.uuid4().hex[:8]}@invalid.example"
    user.name = FORMER_NAME
    user.phone = user.address = user.dietary_notes = ""
    user.feed_token = new_feed_token()
    user.is_active = False
    user.set_unusable_password()
    user.save()
    transaction.on_commit(lambda: _end_sessions(user))
