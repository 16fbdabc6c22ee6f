from django.urls import reverse

from lg_portal.common.mail import absolute, send_personal

from .models import User


def invitation_send(invitation) -> None:
    existing = User.objects.filter(email__iexact=invitation.email).only("language").first()
    inviter = invitation.invited_by
    send_personal(
        to=invitation.email,
        template="invitation",
        language=existing.language if existing else (inviter.language if inviter else None),
        context={
            "invitation": invitation,
            "community": invitation.community,
            "inviter": inviter,
            "url": absolute(reverse("invitation_detail", args=[invitation.token])),
        },
    )


def suggestion_notify(suggestion) -> None:
    from .selectors import facilitators_of

    url = absolute(reverse("invitations", args=[suggestion.community.slug]))
    for facilitator in facilitators_of(community=suggestion.community):
        send_personal(
            to=facilitator.user.email,
            template="suggestion",
            language=facilitator.user.language,
            context={"suggestion": suggestion, "community": suggestion.community, "recipient": facilitator.user,
                     "url": url},
        )
