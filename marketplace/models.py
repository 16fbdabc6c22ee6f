"""The community marketplace (maatschappelijke beursvloer): needs and offers of organisations meet on one
day; the matches made there are recorded with their value and followed up some weeks later.

Organisations take part without an account: they enter through a public link per marketplace and confirm
by email. Organisers are the members of the organising workgroup plus the community's facilitators."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DESCRIPTION_MAX = 2000
FOLLOW_UP_WEEKS_MIN, FOLLOW_UP_WEEKS_MAX = 1, 52
FOLLOW_UP_WEEKS_MESSAGE = _("Navragen kan van 1 tot en met 52 weken na de beursvloer; vul een aantal weken "
                            "in dat daartussen ligt.")
IN_RETURN_MAX = 500
WHAT_MAX = 1000


def default_follow_up_weeks() -> int:
    return settings.LG_MARKETPLACE_FOLLOW_UP_WEEKS


def new_public_token() -> str:
    return secrets.token_urlsafe(12)


class OrgKind(models.TextChoices):
    NON_PROFIT = "non_profit", _("Non-profitorganisatie")
    CIVIL_SOCIETY = "civil_society", _("Maatschappelijke organisatie")
    BUSINESS = "business", _("Bedrijf")
    MUNICIPALITY = "municipality", _("Gemeente")
    OTHER = "other", _("Anders")


def all_org_kinds() -> list[str]:
    return [value for value, _label in OrgKind.choices]


class Side(models.TextChoices):
    NEED = "need", pgettext_lazy("marketplace need", "Vraag")
    OFFER = "offer", _("Aanbod")


class Category(models.TextChoices):
    MATERIALS = "materials", _("Materialen")
    KNOWLEDGE = "knowledge", _("Kennis en advies")
    HANDS = "hands", _("Handen (vrijwillige inzet)")
    NETWORK = "network", _("Netwerk")
    SPACE = "space", _("Ruimte")
    MONEY = "money", _("Geld")
    OTHER = "other", _("Anders")


class Marketplace(models.Model):
    """One marketplace day, organised by a workgroup. Entries come in through `public_token`."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE,
                                  related_name="marketplaces")
    workgroup = models.ForeignKey("workgroups.Workgroup", on_delete=models.CASCADE, related_name="marketplaces",
                                  verbose_name=_("organiserende werkgroep"))
    title = models.CharField(_("naam"), max_length=120)
    held_on = models.DateField(_("datum"))
    starts_at = models.TimeField(_("begintijd"), null=True, blank=True)
    ends_at = models.TimeField(_("eindtijd"), null=True, blank=True)
    place = models.CharField(_("plaats"), max_length=200)
    audience = models.TextField(
        _("wie mag meedoen"), max_length=1000,
        help_text=_("Bijvoorbeeld: non-profitorganisaties, verenigingen en bedrijven uit de gemeente."),
    )
    allowed_kinds = models.JSONField(_("soorten organisaties"), default=all_org_kinds)
    entry_deadline = models.DateTimeField(_("inschrijven kan tot"))
    description = models.TextField(_("toelichting"), max_length=4000, blank=True)
    follow_up_weeks = models.PositiveSmallIntegerField(
        _("navragen na (weken)"), default=default_follow_up_weeks,
        help_text=_("Zoveel weken na de beursvloer vragen we beide partijen of de match is uitgevoerd, als ze "
                    "zelf geen datum afspraken."),
        validators=[MinValueValidator(FOLLOW_UP_WEEKS_MIN, message=FOLLOW_UP_WEEKS_MESSAGE),
                    MaxValueValidator(FOLLOW_UP_WEEKS_MAX, message=FOLLOW_UP_WEEKS_MESSAGE)],
    )
    # The marketplace as an event is one activity of the organising workgroup (to look back on); the
    # services keep its date, title and workgroup in step. Its matches are results, not activities.
    activity = models.OneToOneField("workgroups.Activity", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="marketplace", editable=False)
    public_token = models.CharField(max_length=32, unique=True, default=new_public_token, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("beursvloer")
        verbose_name_plural = _("beursvloeren")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(follow_up_weeks__gte=FOLLOW_UP_WEEKS_MIN)
                                   & Q(follow_up_weeks__lte=FOLLOW_UP_WEEKS_MAX),
                                   name="marketplace_follow_up_weeks_sane",
                                   violation_error_message=FOLLOW_UP_WEEKS_MESSAGE),
        ]

    def __str__(self):
        return self.title

    def is_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.entry_deadline


class Entry(models.Model):
    """A need or an offer of one organisation. It counts only once confirmed by email."""

    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE, related_name="entries")
    side = models.CharField(_("vraag of aanbod"), max_length=5, choices=Side.choices)
    organisation = models.CharField(_("naam van de organisatie"), max_length=120)
    contact_name = models.CharField(_("contactpersoon"), max_length=120)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    org_kind = models.CharField(_("soort organisatie"), max_length=20, choices=OrgKind.choices)
    category = models.CharField(_("categorie"), max_length=20, choices=Category.choices)
    description = models.TextField(_("omschrijving"), max_length=DESCRIPTION_MAX)
    in_return = models.CharField(
        _("wat vraagt u ervoor terug?"), max_length=IN_RETURN_MAX, blank=True,
        help_text=_("Alleen bij aanbod. Op de beursvloer gaat meestal geen geld over tafel: denk aan een "
                    "tegenprestatie, zoals een rondleiding of een vermelding."),
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    # sha256 of email + side + normalised description: the same entry twice is refused by the database.
    fingerprint = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["organisation", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["marketplace", "fingerprint"], name="marketplace_entry_unique",
                                    violation_error_message=_("Deze inschrijving is al ontvangen.")),
            models.CheckConstraint(condition=Q(side="offer") | Q(in_return=""),
                                   name="marketplace_entry_return_only_for_offers",
                                   violation_error_message=_("Een tegenprestatie hoort alleen bij een aanbod.")),
        ]
        indexes = [models.Index(fields=["marketplace", "confirmed_at"])]

    def __str__(self):
        return f"{self.get_side_display()}: {self.organisation}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class MatchStatus(models.TextChoices):
    PENDING = "pending", _("Loopt nog")
    DELIVERED = "delivered", _("Uitgevoerd")
    DROPPED = "dropped", _("Gaat niet door")


class Match(models.Model):
    """A need and an offer that met: what will be done, its estimated value and by when."""

    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE, related_name="matches")
    need = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="matches_as_need",
                             verbose_name=_("vraag"))
    offer = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="matches_as_offer",
                              verbose_name=_("aanbod"))
    what = models.TextField(_("wat gaan ze doen"), max_length=WHAT_MAX)
    value_eur = models.DecimalField(_("geschatte waarde (euro)"), max_digits=9, decimal_places=2)
    due_on = models.DateField(
        _("uiterlijk klaar op"), null=True, blank=True,
        help_text=_("Op deze datum vragen we beide partijen of het gebeurd is. Leeg: de navraag van de beursvloer."))
    status = models.CharField(_("stand"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PENDING)
    # The day it was delivered: concrete return counts from then on (set by the services whenever the
    # status becomes delivered, cleared when it stops being so).
    delivered_on = models.DateField(_("uitgevoerd op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["need", "offer"], name="marketplace_match_unique_pair",
                                    violation_error_message=_("Deze match is al vastgelegd.")),
            models.CheckConstraint(condition=Q(value_eur__gte=0), name="marketplace_match_value_not_negative",
                                   violation_error_message=_("De waarde kan niet negatief zijn.")),
            models.CheckConstraint(condition=~Q(need=models.F("offer")), name="marketplace_match_two_entries",
                                   violation_error_message=_("Een match verbindt twee verschillende "
                                                             "inschrijvingen.")),
            models.CheckConstraint(condition=Q(status="delivered") | Q(delivered_on__isnull=True),
                                   name="marketplace_match_delivered_on_only_when_delivered",
                                   violation_error_message=_("Alleen een uitgevoerde match heeft een datum van "
                                                             "uitvoering.")),
        ]

    def __str__(self):
        return f"{self.need.organisation} + {self.offer.organisation}"

    @property
    def follow_up_on(self):
        """The day both parties are asked whether it happened: the date they agreed, or else
        `follow_up_weeks` after the marketplace (needs `marketplace`)."""
        return self.due_on or follow_up_default_on(self.marketplace)


def follow_up_default_on(marketplace):
    return marketplace.held_on + timedelta(weeks=marketplace.follow_up_weeks)


class FollowUpAnswer(models.TextChoices):
    DELIVERED = "delivered", _("Ja, het is gebeurd")
    NOT_YET = "not_yet", _("Nog niet, maar het komt")
    DROPPED = "dropped", _("Het gaat niet door")


def answers_contradict(answers) -> bool:
    """One party says it happened, the other that it will not: the organiser has to decide."""
    answers = set(answers)
    return FollowUpAnswer.DELIVERED in answers and FollowUpAnswer.DROPPED in answers


class FollowUp(models.Model):
    """The question to one party of a match, some weeks after the day: was it delivered?

    One row per (match, party), so a job that runs twice asks once. The job claims a row by setting
    sent_at with a conditional UPDATE, in the same transaction as the outbox row that carries it."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="follow_ups")
    party = models.CharField(max_length=5, choices=Side.choices)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(max_length=10, choices=FollowUpAnswer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("navraag")
        verbose_name_plural = _("navragen")
        constraints = [
            models.UniqueConstraint(fields=["match", "party"], name="marketplace_follow_up_once_per_party",
                                    violation_error_message=_("Deze partij is al gevraagd of het gebeurd is.")),
        ]
        indexes = [models.Index(fields=["sent_at"], name="marketplace_follow_up_unsent",
                                condition=Q(sent_at__isnull=True))]

    def __str__(self):
        return f"{self.match} ({self.party})"

    @property
    def entry(self) -> Entry:
        return self.match.need if self.party == Side.NEED else self.match.offer
