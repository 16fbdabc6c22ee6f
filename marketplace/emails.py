"""One email per person, in the language they used on the entry form. The recipients have no account:
each email is an outbox row addressed to the entry's email (lg_portal.outbox), written in the caller's
transaction and sent by the worker, so a mail server that is down never turns a saved entry or match
into an error page. The key says what the email is about, so nothing is queued twice."""

from lg_portal import outbox

from . import links
from .models import FollowUpAnswer, Side


def entry_confirmation_send(entry) -> bool:
    """The link that confirms an entry. Submitting the same unconfirmed entry again sends it again (two
    submissions at the same moment send one)."""
    return outbox.enqueue(
        key=outbox.next_key(f"marketplace-entry-confirm:{entry.pk}"), kind="marketplace_entry_confirm",
        to=entry.email, language=entry.language, template="marketplace_entry_confirm",
        context={"entry": entry, "marketplace": entry.marketplace, "url": links.entry_confirm_url(entry)},
    )


def match_confirmation_send(match) -> int:
    """Both organisations hear of the match, each in its own email with the other's contact details."""
    queued = 0
    for own, other in ((match.need, match.offer), (match.offer, match.need)):
        queued += outbox.enqueue(
            key=f"marketplace-match:{match.pk}:{own.side}", kind="marketplace_match", to=own.email,
            language=own.language, template="marketplace_match",
            context={"match": match, "marketplace": match.marketplace, "own": own, "other": other,
                     "is_need": own.side == Side.NEED},
        )
    return queued


def follow_up_send(follow_up) -> bool:
    match = follow_up.match
    own = follow_up.entry
    other = match.offer if own.side == Side.NEED else match.need
    return outbox.enqueue(
        key=f"marketplace-follow-up:{follow_up.pk}", kind="marketplace_follow_up", to=own.email,
        language=own.language, template="marketplace_follow_up",
        context={
            "match": match, "marketplace": match.marketplace, "own": own, "other": other,
            "answers": [(label, links.follow_up_url(follow_up, value)) for value, label in FollowUpAnswer.choices],
        },
    )
