"""Fair host rotation for plenaries, as a pure function over plain data (no database), so it can be
tested over a simulated year.

The guide: each time another participant hosts, at their own place, with a simple meal. The rules:
- only members who said they are willing to host, who are active (not paused, not stepped out);
- skip who declined this round, and the previous host;
- the one who hosted least comes first (nobody hosts twice before every willing member hosted once);
- then prefer a sector that has not hosted for the longest time (a mix of places and worlds);
- then the one who hosted longest ago; then by name, so the outcome is stable.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    sector: str = ""
    sector_label: str = ""
    willing: bool = True
    active: bool = True


@dataclass(frozen=True)
class Hosting:
    """One past (or already planned) plenary and who hosted it."""

    host_id: int
    starts_at: datetime
    sector: str = ""


@dataclass
class Proposal:
    candidate: Candidate | None
    ranking: list = field(default_factory=list)  # eligible candidates, best first
    skipped: list = field(default_factory=list)  # (Candidate, reason)
    reasons: list = field(default_factory=list)  # why this candidate, in words

    @property
    def explanation(self) -> str:
        return " ".join(self.reasons)


def propose_host(*, candidates: Iterable[Candidate], history: Iterable[Hosting],
                 declined_ids: Iterable[int] = (), before: datetime | None = None) -> Proposal:
    """Propose the next host. `history` holds the hostings that count (not cancelled, not declined);
    only those before `before` (the new meeting's start) count when given."""
    history = sorted((h for h in history if before is None or h.starts_at < before), key=lambda h: h.starts_at)
    declined = set(declined_ids)
    counts: dict[int, int] = {}
    last_by_person: dict[int, datetime] = {}
    last_by_sector: dict[str, datetime] = {}
    for h in history:
        counts[h.host_id] = counts.get(h.host_id, 0) + 1
        last_by_person[h.host_id] = h.starts_at
        if h.sector:
            last_by_sector[h.sector] = h.starts_at
    previous_id = history[-1].host_id if history else None

    eligible, skipped, previous = [], [], None
    for c in candidates:
        if not c.willing:
            continue
        if not c.active:
            skipped.append((c, _("gepauzeerd")))
        elif c.id in declined:
            skipped.append((c, _("zei af voor deze bijeenkomst")))
        elif c.id == previous_id:
            previous = c
            skipped.append((c, _("ontving de vorige keer")))
        else:
            eligible.append(c)
    fallback = False
    if not eligible and previous is not None:
        # Only the previous host is left: better them than nobody, and say so.
        eligible, fallback = [previous], True
        skipped = [(c, r) for c, r in skipped if c.id != previous.id]

    def key(c: Candidate):
        never = datetime.min
        sector_last = last_by_sector.get(c.sector) if c.sector else None
        person_last = last_by_person.get(c.id)
        return (
            counts.get(c.id, 0),
            _naive(sector_last) if sector_last else never,
            _naive(person_last) if person_last else never,
            c.name.lower(),
            c.id,
        )

    ranking = sorted(eligible, key=key)
    if not ranking:
        return Proposal(candidate=None, ranking=[], skipped=skipped,
                        reasons=[_("Er is niemand die wil ontvangen en nu beschikbaar is. Kies zelf een "
                                   "gastheer of gastvrouw, of vraag in de groep wie wil.")])
    chosen = ranking[0]
    n = counts.get(chosen.id, 0)
    reasons = []
    if n == 0:
        reasons.append(_("%(name)s wil graag ontvangen en heeft nog niet ontvangen.") % {"name": chosen.name})
    else:
        reasons.append(_("%(name)s ontving %(n)s keer, het minst van wie beschikbaar is, het laatst op "
                         "%(date)s.") % {"name": chosen.name, "n": n,
                                         "date": last_by_person[chosen.id].strftime("%d-%m-%Y")})
    same_count = [c for c in ranking if counts.get(c.id, 0) == n]
    if chosen.sector and len({c.sector for c in same_count}) > 1:
        if chosen.sector in last_by_sector:
            reasons.append(_("Uit de sector %(sector)s werd het langst geleden ontvangen.")
                           % {"sector": chosen.sector_label or chosen.sector})
        else:
            reasons.append(_("Uit de sector %(sector)s heeft nog niemand ontvangen.")
                           % {"sector": chosen.sector_label or chosen.sector})
    if fallback:
        reasons.append(_("Alleen de vorige gastheer of gastvrouw is beschikbaar."))
    if skipped:
        reasons.append(_("Overgeslagen: %(list)s.") % {
            "list": "; ".join(f"{c.name} ({reason})" for c, reason in skipped)})
    return Proposal(candidate=chosen, ranking=ranking, skipped=skipped, reasons=reasons)


def _naive(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
