"""Reads for the marketplace. Each costs a fixed number of queries, whatever the number of entries or
matches; matching suggestions are computed in Python over already fetched entries."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from workgroups.models import Workgroup, WorkgroupMember

from . import rules
from .models import Entry, FollowUp, Marketplace, Match, MatchStatus, Side, follow_up_default_on

# --- who organises -----------------------------------------------------------------------------------


def organiser_workgroups(*, membership, include: int | None = None) -> QuerySet:
    """The workgroups this member may organise a marketplace for: facilitators any open workgroup of the
    community, others the open workgroups they belong to (plus `include`, the one already chosen)."""
    allowed = Q(archived_at__isnull=True)
    if not rules.can_organise_for_any_workgroup(membership):
        allowed &= Exists(WorkgroupMember.objects.filter(workgroup=OuterRef("pk"), membership=membership))
    if include:
        allowed |= Q(pk=include)
    return Workgroup.objects.filter(allowed, community=membership.community).order_by("is_core_group", "name")


def _is_organiser_expr(membership):
    return Exists(WorkgroupMember.objects.filter(workgroup=OuterRef("workgroup"), membership=membership))


def marketplace_get_for_organiser(*, membership, pk: int) -> Marketplace:
    """The marketplace with this pk in the member's community, if they organise it (404 for another
    community's, 403 for a member who is neither facilitator nor in the organising workgroup). One query."""
    marketplace = (
        Marketplace.objects.filter(pk=pk, community=membership.community)
        .select_related("workgroup", "community")
        .annotate(in_workgroup=_is_organiser_expr(membership))
        .first()
    )
    if marketplace is None:
        raise Http404
    if not rules.can_organise(membership, in_workgroup=marketplace.in_workgroup):
        raise PermissionDenied
    return marketplace


def marketplaces_for_community(*, community, membership) -> list[Marketplace]:
    """All marketplaces of the community, newest first, each with `is_organiser` for this member."""
    rows = list(
        Marketplace.objects.filter(community=community)
        .select_related("workgroup")
        .annotate(in_workgroup=_is_organiser_expr(membership))
    )
    for m in rows:
        m.is_organiser = rules.can_organise(membership, in_workgroup=m.in_workgroup)
    return rows


def marketplace_for_public(*, token: str) -> Marketplace:
    marketplace = Marketplace.objects.select_related("community").filter(public_token=token).first()
    if marketplace is None:
        raise Http404
    return marketplace


# --- matching ----------------------------------------------------------------------------------------

# A minimal Dutch stopword list: words that say nothing about what is needed or offered.
STOPWORDS = frozenset("""
aan al alle als andere bij dan dat de deze die dit door een eigen en er geen hebben heeft het hier hun iets
in is je jullie kan kunnen maar meer met mee naar niet nog nu of om onder ons onze ook op over per te tot
uit van veel voor waar wat we wel welke wie wij wil willen worden wordt zal ze zeer zich zij zijn zo zoals
zoeken zoekt zou graag nodig goede goed onze ieder elke the and for with our you
""".split())

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def stem(word: str) -> str:
    """A crude Dutch plural strip, so 'fietsen' and 'fiets', 'vrijwilligers' and 'vrijwilliger' meet."""
    if len(word) > 5 and word.endswith("en"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s"):
        word = word[:-1]
    return word


def words(text: str) -> dict[str, str]:
    """Stem -> the word as written, for words of three letters or more that are not stopwords."""
    found = {}
    for word in _WORD.findall(text.lower()):
        if len(word) >= 3 and word not in STOPWORDS:
            found.setdefault(stem(word), word)
    return found


def tokenize(text: str) -> set[str]:
    return set(words(text))


@dataclass
class Suggestion:
    need: Entry
    offer: Entry
    same_category: bool
    common_words: list[str] = field(default_factory=list)

    @property
    def rank(self):
        return (not self.same_category, -len(self.common_words), self.need.pk, self.offer.pk)


def suggest_pairs(*, needs: list[Entry], offers: list[Entry], matched: set[tuple[int, int]] = frozenset(),
                  limit: int | None = 40) -> list[Suggestion]:
    """Pairs worth talking about: same category first, then most words in common. Pairs with neither, and
    pairs already matched, are left out. No queries."""
    offer_words = [(offer, tokenize(offer.description)) for offer in offers]
    suggestions = []
    for need in needs:
        need_words = words(need.description)
        need_stems = need_words.keys()
        for offer, stems in offer_words:
            if (need.pk, offer.pk) in matched:
                continue
            same = need.category == offer.category
            common = sorted(need_words[s] for s in need_stems & stems)
            if same or common:
                suggestions.append(Suggestion(need=need, offer=offer, same_category=same, common_words=common))
    suggestions.sort(key=lambda s: s.rank)
    return suggestions[:limit] if limit else suggestions


def matching_board(*, marketplace: Marketplace) -> dict:
    """Everything the matching page shows, in two queries: confirmed entries and recorded matches."""
    entries = list(marketplace.entries.filter(confirmed_at__isnull=False).order_by("organisation", "pk"))
    matches = list(match_list(marketplace=marketplace))
    matched_count = {}
    for m in matches:
        matched_count[m.need_id] = matched_count.get(m.need_id, 0) + 1
        matched_count[m.offer_id] = matched_count.get(m.offer_id, 0) + 1
    for e in entries:
        e.match_count = matched_count.get(e.pk, 0)
    needs = [e for e in entries if e.side == Side.NEED]
    offers = [e for e in entries if e.side == Side.OFFER]
    matched = {(m.need_id, m.offer_id) for m in matches}
    return {
        "needs": needs,
        "offers": offers,
        "matches": matches,
        "suggestions": suggest_pairs(needs=needs, offers=offers, matched=matched),
    }


def match_list(*, marketplace: Marketplace) -> QuerySet:
    return Match.objects.filter(marketplace=marketplace).select_related("need", "offer").order_by("created_at", "pk")


def entries_unconfirmed_count(*, marketplace: Marketplace) -> int:
    return marketplace.entries.filter(confirmed_at__isnull=True).count()


# --- results -----------------------------------------------------------------------------------------


@dataclass
class Results:
    entries: int = 0
    needs: int = 0
    offers: int = 0
    matches: int = 0
    value: Decimal = Decimal(0)
    delivered: int = 0
    dropped: int = 0
    pending: int = 0
    delivered_value: Decimal = Decimal(0)

    @property
    def delivery_rate(self) -> int | None:
        """Percentage of matches delivered, or None without matches."""
        return round(100 * self.delivered / self.matches) if self.matches else None

    def add(self, other: "Results") -> None:
        for name in ("entries", "needs", "offers", "matches", "value", "delivered", "dropped", "pending",
                     "delivered_value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _results_by_marketplace(marketplace_filter: Q) -> dict[int, Results]:
    """Two grouped queries: confirmed entries, and matches with their value and status. Delivered is
    what counts as concrete return today (delivered_q); pending is what is neither delivered nor dropped."""
    delivered = delivered_q(until=timezone.localdate())
    dropped = Q(status=MatchStatus.DROPPED)
    results: dict[int, Results] = {}
    for row in (
        Entry.objects.filter(marketplace_filter, confirmed_at__isnull=False)
        .values("marketplace")
        .annotate(total=Count("pk"), needs=Count("pk", filter=Q(side=Side.NEED)),
                  offers=Count("pk", filter=Q(side=Side.OFFER)))
        .order_by()
    ):
        results[row["marketplace"]] = Results(entries=row["total"], needs=row["needs"], offers=row["offers"])
    for row in (
        Match.objects.filter(marketplace_filter)
        .values("marketplace")
        .annotate(
            n=Count("pk"),
            value=Sum("value_eur"),
            delivered=Count("pk", filter=delivered),
            dropped=Count("pk", filter=dropped),
            pending=Count("pk", filter=~delivered & ~dropped),
            delivered_value=Sum("value_eur", filter=delivered),
        )
        .order_by()
    ):
        r = results.setdefault(row["marketplace"], Results())
        r.matches, r.value = row["n"], row["value"] or Decimal(0)
        r.delivered, r.dropped, r.pending = row["delivered"], row["dropped"], row["pending"]
        r.delivered_value = row["delivered_value"] or Decimal(0)
    return results


def results_for_marketplace(*, marketplace: Marketplace) -> Results:
    return _results_by_marketplace(Q(marketplace=marketplace)).get(marketplace.pk, Results())


def results_for_community(*, marketplaces: list[Marketplace], community) -> dict:
    """Per marketplace (set as `m.results` on each of the given marketplaces), per year and in total."""
    by_marketplace = _results_by_marketplace(Q(marketplace__community=community))
    by_year: dict[int, Results] = {}
    total = Results()
    for m in marketplaces:
        m.results = by_marketplace.get(m.pk, Results())
        by_year.setdefault(m.held_on.year, Results()).add(m.results)
        total.add(m.results)
    return {"years": sorted(by_year.items(), reverse=True), "total": total}


def follow_up_date(marketplace: Marketplace) -> date:
    """When a match of this marketplace is followed up if its parties agreed no date."""
    return follow_up_default_on(marketplace)


def matches_by_status(matches: list[Match]) -> dict[str, list[Match]]:
    grouped = {status: [] for status, _label in MatchStatus.choices}
    for m in matches:
        grouped[m.status].append(m)
    return grouped


def follow_up_answers(*, marketplace: Marketplace) -> dict[int, dict[str, FollowUp]]:
    """match pk -> {party: FollowUp}, one query."""
    answers: dict[int, dict[str, FollowUp]] = {}
    for f in FollowUp.objects.filter(match__marketplace=marketplace):
        answers.setdefault(f.match_id, {})[f.party] = f
    return answers


# --- for the home panel and other apps ----------------------------------------------------------------


def home_panel_data(*, community, now=None) -> dict:
    """The next (or running) marketplace and the results over the years: three queries."""
    today = timezone.localdate(now or timezone.now())
    marketplaces = list(Marketplace.objects.filter(community=community).order_by("-held_on", "-pk"))
    if not marketplaces:
        return {}
    upcoming = [m for m in marketplaces if m.held_on >= today]
    results = results_for_community(marketplaces=marketplaces, community=community)
    past = [m for m in marketplaces if m.held_on < today]
    return {
        "marketplace_next": upcoming[-1] if upcoming else None,
        "marketplace_last": past[0] if past else None,
        "marketplace_total": results["total"],
        "marketplace_years": results["years"],
    }


def matches_for_community(*, community) -> QuerySet:
    """Every match of the community's marketplaces, whatever its status, with both entries and the
    marketplace, oldest first. What counts as return is delivered_matches_for_community."""
    return (
        Match.objects.filter(marketplace__community=community)
        .select_related("need", "offer", "marketplace", "marketplace__workgroup")
        .order_by("marketplace__held_on", "created_at", "pk")
    )


def delivered_q(*, until: date) -> Q:
    """The matches that count as concrete return by `until`: delivered, on a day not after it. Open and
    dropped matches never count; a delivery dated later does not count yet."""
    return Q(status=MatchStatus.DELIVERED, delivered_on__isnull=False, delivered_on__lte=until)


def delivered_matches_for_community(*, community, until: date | None = None) -> QuerySet:
    """The marketplace's concrete return, one row per delivered match, by the day it was delivered
    (for the ledger's export and the quarter chart; match_totals_for_community gives the sums)."""
    until = until or timezone.localdate()
    return (matches_for_community(community=community).filter(delivered_q(until=until))
            .order_by("delivered_on", "created_at", "pk"))


def match_totals_for_community(*, community, until: date | None = None, since: date | None = None) -> dict:
    """The one source of the marketplace's figures on the ledger, the dashboard, the home, the exports
    and the harvest, in one query. `delivered`/`delivered_value`: concrete return (delivered_q by
    `until`, default today); `open`/`open_value`: pending (also contradicting answers, and a delivery
    dated after `until`); `dropped`/`dropped_value`; `matches`/`value`: all of them. With `since`,
    `period_delivered`/`period_delivered_value` count the deliveries from `since` to `until`."""
    until = until or timezone.localdate()
    delivered = delivered_q(until=until)
    dropped = Q(status=MatchStatus.DROPPED)
    open_ = ~delivered & ~dropped
    sums = {
        "matches": Count("pk"), "value": Sum("value_eur"),
        "delivered": Count("pk", filter=delivered), "delivered_value": Sum("value_eur", filter=delivered),
        "open": Count("pk", filter=open_), "open_value": Sum("value_eur", filter=open_),
        "dropped": Count("pk", filter=dropped), "dropped_value": Sum("value_eur", filter=dropped),
    }
    if since is not None:
        in_period = delivered & Q(delivered_on__gte=since)
        sums.update(period_delivered=Count("pk", filter=in_period),
                    period_delivered_value=Sum("value_eur", filter=in_period))
    row = Match.objects.filter(marketplace__community=community).aggregate(**sums)
    for key in row:
        if key.endswith("value"):
            row[key] = row[key] or Decimal(0)
    return row
