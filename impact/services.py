"""Writes for return (rendement): expectations, the return ledger, contributions and 'dare to ask'.
Keyword-only, validated, transactional; each raises ValidationError with a message for the person.
Ending a period and the harvest are in impact.harvest."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lg_portal.common.once import sent_just_before
from participants.models import Community, Membership, MemberStatus
from participants.privacy import FORMER_NAME

from . import rules
from .models import (
    AskAnswer,
    AskRequest,
    Contribution,
    ContributionSource,
    CostCategory,
    ExpectationKind,
    Harvest,
    ReturnEntry,
    ReturnExpectation,
    ReturnKind,
    ReturnPerson,
)


def _same_community(membership: Membership, community: Community):
    if membership.community_id != community.pk:
        raise ValidationError(_("Je bent geen lid van deze gemeenschap."))


def _not_negative(value, field: str, message: str):
    if value is not None and Decimal(value) < 0:
        raise ValidationError({field: message})


# --- expectations ---------------------------------------------------------------------------------

def return_expectation_save(*, membership: Membership, kinds: list[str], own_words: str = "", now=None
                            ) -> ReturnExpectation:
    """Say (or change) what return means to this member: one or more kinds, and words of their own."""
    kinds = [k for k in dict.fromkeys(kinds) if k]
    unknown = [k for k in kinds if k not in ExpectationKind.values]
    if unknown:
        raise ValidationError({"kinds": _("Kies uit de genoemde soorten rendement.")})
    own_words = own_words.strip()
    if not kinds and not own_words:
        raise ValidationError(_("Kies minstens één soort rendement, of zeg het in je eigen woorden."))
    if ExpectationKind.OTHER in kinds and not own_words:
        raise ValidationError({"own_words": _("Je koos 'iets anders': zeg in je eigen woorden wat je bedoelt.")})
    now = now or timezone.now()
    candidate = ReturnExpectation(membership=membership, created_at=now, kinds=kinds, own_words=own_words,
                                  updated_at=now)
    candidate.full_clean(validate_unique=False)
    # update_or_create: two first saves at the same moment make one row (the second updates it).
    expectation, _created = ReturnExpectation.objects.update_or_create(
        membership=membership, defaults={"kinds": kinds, "own_words": own_words, "updated_at": now},
        create_defaults={"kinds": kinds, "own_words": own_words, "updated_at": now, "created_at": now})
    return expectation


# --- the return ledger ----------------------------------------------------------------------------

def return_record(*, community: Community, by: Membership, kind: str, title: str, happened_on: date,
                  description: str = "", people=(), organisations: str = "", workgroup=None, activity=None,
                  value_eur=None, hours=None, now=None) -> ReturnEntry:
    """Record a return in the community's ledger. People, workgroup and activity must belong to this
    community; a relationship return names two or more members."""
    _same_community(by, community)
    now = now or timezone.now()
    errors = {}
    if kind not in ReturnKind.values:
        errors["kind"] = _("Kies een soort rendement.")
    people = list(dict.fromkeys(people))
    if any(m.community_id != community.pk for m in people):
        errors["people"] = _("Je kunt alleen leden van deze gemeenschap noemen.")
    elif kind == ReturnKind.RELATIONSHIP and len(people) < 2:
        errors["people"] = _("Noem bij relatierendement minstens twee leden: wie kennen elkaar nu?")
    if happened_on and happened_on > timezone.localdate(now):
        errors["happened_on"] = _("De datum ligt in de toekomst. Leg rendement vast als het er is.")
    if workgroup is not None and workgroup.community_id != community.pk:
        errors["workgroup"] = _("Deze werkgroep hoort niet bij deze gemeenschap.")
    if activity is not None:
        if activity.community_id != community.pk:
            errors["activity"] = _("Deze activiteit hoort niet bij deze gemeenschap.")
        elif workgroup is not None and activity.workgroup_id != workgroup.pk:
            errors["activity"] = _("Deze activiteit hoort bij een andere werkgroep dan je koos.")
    try:
        _not_negative(value_eur, "value_eur", _("De waarde kan niet negatief zijn."))
        _not_negative(hours, "hours", _("Het aantal uren kan niet negatief zijn."))
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    if activity is not None and workgroup is None:
        workgroup = activity.workgroup
    same = sent_just_before(ReturnEntry.objects.filter(
        community=community, recorded_by=by, kind=kind, title=title.strip(), description=description.strip(),
        happened_on=happened_on, workgroup=workgroup, activity=activity, value_eur=value_eur, hours=hours), now=now)
    if same is not None:
        return same
    entry = ReturnEntry(community=community, kind=kind, title=title.strip(), description=description.strip(),
                        happened_on=happened_on, organisations=organisations.strip(), workgroup=workgroup,
                        activity=activity, value_eur=value_eur, hours=hours, recorded_by=by, created_at=now)
    entry.full_clean()
    with transaction.atomic():
        entry.save()
        ReturnPerson.objects.bulk_create([ReturnPerson(entry=entry, membership=m) for m in people])
    return entry


def return_delete(*, entry: ReturnEntry, by: Membership) -> None:
    """The one who recorded it, or a facilitator, may take a return out of the ledger."""
    _same_community(by, entry.community)
    if not rules.can_change_return(by, entry):
        raise ValidationError(_("Alleen wie het vastlegde, of een procesbegeleider, kan dit verwijderen."))
    entry.delete()


# --- costs and contributions ----------------------------------------------------------------------

def contribution_record(*, community: Community, by: Membership, source: str, category: str, description: str,
                        contributed_on: date, amount_eur=None, in_kind: bool = False, contributor=None,
                        contributor_name: str = "", now=None) -> Contribution:
    """Record who contributed what: an amount (zero or more euros), something in kind, or both."""
    _same_community(by, community)
    now = now or timezone.now()
    errors = {}
    if source not in ContributionSource.values:
        errors["source"] = _("Kies een bron.")
    if category not in CostCategory.values:
        errors["category"] = _("Kies waarvoor de bijdrage is.")
    if amount_eur is not None and Decimal(amount_eur) < 0:
        errors["amount_eur"] = _("Het bedrag kan niet negatief zijn.")
    elif amount_eur is None and not in_kind:
        errors["amount_eur"] = _("Vul een bedrag in, of geef aan dat het in natura is.")
    if contributor is not None and contributor.community_id != community.pk:
        errors["contributor"] = _("Je kunt alleen leden van deze gemeenschap noemen.")
    elif contributor is None and not contributor_name.strip():
        errors["contributor_name"] = _("Zeg wie bijdroeg: kies een lid of vul een naam in.")
    if contributed_on and contributed_on > timezone.localdate(now):
        errors["contributed_on"] = _("De datum ligt in de toekomst. Leg een bijdrage vast als die er is.")
    if errors:
        raise ValidationError(errors)
    same = sent_just_before(Contribution.objects.filter(
        community=community, recorded_by=by, source=source, category=category, description=description.strip(),
        contributed_on=contributed_on, amount_eur=amount_eur, in_kind=bool(in_kind), contributor=contributor,
        contributor_name="" if contributor else contributor_name.strip()), now=now)
    if same is not None:
        return same
    contribution = Contribution(community=community, source=source, category=category,
                                description=description.strip(), contributed_on=contributed_on,
                                amount_eur=amount_eur, in_kind=bool(in_kind), contributor=contributor,
                                contributor_name="" if contributor else contributor_name.strip(),
                                recorded_by=by, created_at=now)
    contribution.full_clean()
    contribution.save()
    return contribution


def contribution_delete(*, contribution: Contribution, by: Membership) -> None:
    _same_community(by, contribution.community)
    if not rules.can_change_contribution(by, contribution):
        raise ValidationError(_("Alleen wie het vastlegde, of een procesbegeleider, kan dit verwijderen."))
    contribution.delete()


# --- dare to ask --------------------------------------------------------------------------------------

def ask_post(*, community: Community, by: Membership, title: str, body: str = "", category: str = "",
             now=None) -> AskRequest:
    """'Durf te vragen': ask the group for something the community needs."""
    _same_community(by, community)
    if category and category not in CostCategory.values:
        raise ValidationError({"category": _("Kies waarvoor het is.")})
    now = now or timezone.now()
    same = sent_just_before(AskRequest.objects.filter(community=community, asked_by=by, title=title.strip(),
                                                      body=body.strip(), category=category), now=now)
    if same is not None:
        return same
    ask = AskRequest(community=community, asked_by=by, title=title.strip(), body=body.strip(), category=category,
                     created_at=now)
    ask.full_clean()
    ask.save()
    return ask


def ask_answer(*, ask: AskRequest, by: Membership, body: str, now=None) -> AskAnswer:
    _same_community(by, ask.community)
    if by.status == MemberStatus.STEPPED_OUT:
        raise ValidationError(_("Je bent uitgestapt uit deze gemeenschap."))
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Schrijf wat je kunt bieden of wie het weet.")})
    now = now or timezone.now()
    with transaction.atomic():
        locked = AskRequest.objects.select_for_update().get(pk=ask.pk)
        if not locked.is_open:
            raise ValidationError(_("Deze vraag is al geregeld; je antwoord is niet opgeslagen."))
        same = sent_just_before(AskAnswer.objects.filter(request=locked, membership=by, body=body), now=now)
        if same is not None:
            return same
        answer = AskAnswer(request=locked, membership=by, body=body, created_at=now)
        answer.full_clean()
        answer.save()
    return answer


def ask_close(*, ask: AskRequest, by: Membership, now=None) -> AskRequest:
    """Whoever asked, or a facilitator, says the request is taken care of."""
    _same_community(by, ask.community)
    if not rules.can_close_ask(by, ask):
        raise ValidationError(_("Alleen wie de vraag stelde, of een procesbegeleider, kan haar afsluiten."))
    with transaction.atomic():
        locked = AskRequest.objects.select_for_update().get(pk=ask.pk)
        if not locked.is_open:
            raise ValidationError(_("Deze vraag is al afgesloten."))
        locked.closed_at, locked.closed_by = now or timezone.now(), by.user
        locked.save(update_fields=["closed_at", "closed_by"])
    return locked


def _without_name(value, name: str, former: str):
    if isinstance(value, str):
        return former if value == name else value
    if isinstance(value, list):
        return [_without_name(v, name, former) for v in value]
    if isinstance(value, dict):
        return {k: _without_name(v, name, former) for k, v in value.items()}
    return value


def harvests_forget_name(user, name: str) -> int:
    """Someone deleted their account (lg_portal.registry.ACCOUNT_FORGET): the harvests of their
    communities, which copied names into their snapshot (the people behind a return, the strongest
    pairs, who decided, who took over), say "former participant" where they said this name. Returns the
    harvests changed."""
    if not name:
        return 0
    changed = 0
    community_ids = Membership.objects.filter(user=user).values_list("community_id", flat=True)
    for harvest in Harvest.objects.filter(community_id__in=community_ids):
        scrubbed = _without_name(harvest.snapshot, name, FORMER_NAME)
        if scrubbed != harvest.snapshot:
            harvest.snapshot = scrubbed
            harvest.save(update_fields=["snapshot"])
            changed += 1
    return changed
