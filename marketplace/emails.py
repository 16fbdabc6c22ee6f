"""One email per person, in the language they used on the entry form. The recipients have no account,
so these go through send_personal; the follow-up job keeps its own sent record (FollowUp.sent_at)."""

from lg_portal.common.mail import send_personal

from . import links
from .models import FollowUpAnswer, Side


def entry_confirmation_send(entry) -> None:
    send_personal(
        to=entry.email,
        template="marketplace_entry_confirm",
        language=entry.language,
        context={"entry": entry, "marketplace": entry.marketplace, "url": links.entry_confirm_url(entry)},
    )


def match_confirmation_send(match) -> None:
    """Both organisations hear of the match, each in its own email with the other's contact details."""
    for own, other in ((match.need, match.offer), (match.offer, match.need)):
        send_personal(
            to=own.email,
            template="marketplace_match",
            language=own.language,
            context={"match": match, "marketplace": match.marketplace, "own": own, "other": other,
                     "is_need": own.side == Side.NEED},
        )


def follow_up_send(follow_up) -> None:
    match = follow_up.match
    own = follow_up.entry
    other = match.offer if own.side == Side.NEED else match.need
    send_personal(
        to=own.email,
        template="marketplace_follow_up",
        language=own.language,
        context={
            "match": match, "marketplace": match.marketplace, "own": own, "other": other,
            "answers": [(label, links.follow_up_url(follow_up, value)) for value, label in FollowUpAnswer.choices],
        },
    )
