"""Impact (rendement): what each member counts as return, the return ledger, contributions and costs,
'dare to ask', and the harvest kept when a period ends.

These tables were created by the lessons app and keep their names (db_table): the move to this app
changed no row (see migrations/0001_initial.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExpectationKind(models.TextChoices):
    """What a participant counts as return, asked on joining and editable later."""

    CONCRETE = "concrete", _("Concrete resultaten")
    RELATIONS = "relations", _("Betere relaties")
    LEARNING = "learning", _("Leren")
    VISIBILITY = "visibility", _("Zichtbaarheid")
    OWN_ORGANISATION = "own_organisation", _("Verandering in mijn eigen organisatie")
    OTHER = "other", _("Iets anders")


class ReturnExpectation(models.Model):
    """One member's picture of what the community should yield: kinds to choose from and their own words."""

    membership = models.OneToOneField("participants.Membership", on_delete=models.CASCADE,
                                      related_name="return_expectation")
    kinds = models.JSONField(_("wat rendement voor mij is"), default=list, blank=True)
    own_words = models.TextField(_("in mijn eigen woorden"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "lessons_returnexpectation"
        verbose_name = _("verwachting van rendement")
        verbose_name_plural = _("verwachtingen van rendement")

    def __str__(self):
        return f"{self.membership_id}: {', '.join(self.kinds)}"

    @property
    def kind_labels(self):
        labels = dict(ExpectationKind.choices)
        return [labels.get(k, k) for k in self.kinds]


class ReturnKind(models.TextChoices):
    CONCRETE = "concrete", _("Concreet resultaat")
    RELATIONSHIP = "relationship", _("Relatierendement")
    SLIPSTREAM = "slipstream", _("Slipstream-rendement")
    LEARNING = "learning", _("Leerrendement")


class ReturnEntry(models.Model):
    """One line of the return ledger: what the community yielded, of which kind, for whom. A relationship
    return names two or more members (who now know each other); impact.services checks that."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="return_entries")
    kind = models.CharField(_("soort rendement"), max_length=16, choices=ReturnKind.choices)
    title = models.CharField(_("wat leverde het op"), max_length=200)
    description = models.TextField(_("toelichting"), max_length=3000, blank=True)
    happened_on = models.DateField(_("datum"))
    people = models.ManyToManyField("participants.Membership", through="ReturnPerson", related_name="return_entries",
                                    blank=True, verbose_name=_("betrokken leden"))
    organisations = models.CharField(_("betrokken organisaties"), max_length=500, blank=True)
    workgroup = models.ForeignKey("workgroups.Workgroup", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("werkgroep"))
    activity = models.ForeignKey("workgroups.Activity", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="return_entries", verbose_name=_("activiteit"))
    value_eur = models.DecimalField(_("waarde in euro"), max_digits=10, decimal_places=2, null=True, blank=True)
    hours = models.DecimalField(_("uren"), max_digits=7, decimal_places=1, null=True, blank=True)
    recorded_by = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "lessons_returnentry"
        ordering = ["-happened_on", "-pk"]
        verbose_name = _("rendement")
        verbose_name_plural = _("rendement")
        indexes = [models.Index(fields=["community", "happened_on"], name="lessons_ret_communi_6e6a64_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(value_eur__isnull=True) | Q(value_eur__gte=0),
                                   name="return_value_not_negative",
                                   violation_error_message=_("De waarde kan niet negatief zijn.")),
            models.CheckConstraint(condition=Q(hours__isnull=True) | Q(hours__gte=0), name="return_hours_not_negative",
                                   violation_error_message=_("Het aantal uren kan niet negatief zijn.")),
        ]

    def __str__(self):
        return self.title


class ReturnPerson(models.Model):
    entry = models.ForeignKey(ReturnEntry, on_delete=models.CASCADE, related_name="people_links")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "lessons_returnperson"
        constraints = [models.UniqueConstraint(fields=["entry", "membership"], name="return_person_once")]

    def __str__(self):
        return f"{self.membership_id} @ {self.entry_id}"


class ContributionSource(models.TextChoices):
    """Who or what paid or provided it."""

    HOST_MEAL = "host_meal", _("Maaltijd van de gastheer of gastvrouw")
    ROOM = "room", _("Ruimte van een deelnemer")
    MUNICIPAL = "municipal", _("Gemeentelijk budget")
    PROVINCIAL = "provincial", _("Provinciaal budget")
    SPONSOR = "sponsor", _("Sponsor of fonds")
    POCKET_MONEY = "pocket_money", _("Zakgeld")
    OTHER = "other", _("Anders")


class CostCategory(models.TextChoices):
    """What it pays for. The compass's costs chapter: the first four are easy to arrange among the
    participants, the next five are hard."""

    ROOM = "room", _("Ruimte")
    CATERING = "catering", _("Eten en drinken")
    MATERIALS = "materials", _("Materiaal")
    WORK_VISIT = "work_visit", _("Werkbezoek")
    SECRETARIAL = "secretarial", _("Secretariële ondersteuning")
    PROCESS_SUPPORT = "process_support", _("Procesbegeleiding")
    POCKET_MONEY = "pocket_money", _("Zakgeld voor kleine uitgaven")
    STRUCTURAL = "structural", _("Structurele bijdrage voor nieuwe activiteiten")
    KNOWLEDGE_EXCHANGE = "knowledge_exchange", _("Bredere kennisuitwisseling")
    OTHER = "other", _("Anders")


EASY_CATEGORIES = frozenset({CostCategory.ROOM, CostCategory.CATERING, CostCategory.MATERIALS,
                             CostCategory.WORK_VISIT})
HARD_CATEGORIES = frozenset({CostCategory.SECRETARIAL, CostCategory.PROCESS_SUPPORT, CostCategory.POCKET_MONEY,
                             CostCategory.STRUCTURAL, CostCategory.KNOWLEDGE_EXCHANGE})


def ease_of(category: str) -> str:
    """'easy', 'hard' or 'other': the compass's distinction for a cost category."""
    if category in EASY_CATEGORIES:
        return "easy"
    if category in HARD_CATEGORIES:
        return "hard"
    return "other"


class Contribution(models.Model):
    """Who contributed what: an amount in euros, or something in kind (a room, a meal), or both."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="contributions")
    source = models.CharField(_("bron"), max_length=16, choices=ContributionSource.choices)
    category = models.CharField(_("waarvoor"), max_length=20, choices=CostCategory.choices)
    description = models.CharField(_("wat"), max_length=300)
    contributor = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("lid dat bijdroeg"))
    contributor_name = models.CharField(_("of: naam van wie bijdroeg"), max_length=200, blank=True)
    amount_eur = models.DecimalField(_("bedrag in euro"), max_digits=10, decimal_places=2, null=True, blank=True)
    in_kind = models.BooleanField(_("in natura"), default=False)
    contributed_on = models.DateField(_("datum"))
    recorded_by = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    # Left out of a data export when reached only through this link:
    # who wrote it down: the contribution is the contributor's.
    PRIVACY_NOT_ABOUT = ("recorded_by",)

    class Meta:
        db_table = "lessons_contribution"
        ordering = ["-contributed_on", "-pk"]
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        indexes = [models.Index(fields=["community", "contributed_on"], name="lessons_con_communi_a5ea66_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(amount_eur__isnull=True) | Q(amount_eur__gte=0),
                                   name="contribution_amount_not_negative",
                                   violation_error_message=_("Het bedrag kan niet negatief zijn.")),
            models.CheckConstraint(condition=Q(amount_eur__isnull=False) | Q(in_kind=True),
                                   name="contribution_amount_or_in_kind",
                                   violation_error_message=_("Vul een bedrag in, of geef aan dat het in natura is.")),
        ]

    def __str__(self):
        return self.description

    @property
    def ease(self):
        return ease_of(self.category)

    @property
    def who(self):
        if self.contributor_id:
            return self.contributor.user.name
        return self.contributor_name


class AskRequest(models.Model):
    """'Durf te vragen': a member asks the group for something the community needs."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="ask_requests")
    asked_by = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("wat heb je nodig"), max_length=200)
    body = models.TextField(_("toelichting"), max_length=2000, blank=True)
    category = models.CharField(_("waarvoor"), max_length=20, choices=CostCategory.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")

    class Meta:
        db_table = "lessons_askrequest"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("vraag (durf te vragen)")
        verbose_name_plural = _("vragen (durf te vragen)")

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.closed_at is None


class AskAnswer(models.Model):
    request = models.ForeignKey(AskRequest, on_delete=models.CASCADE, related_name="answers")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("je antwoord"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "lessons_askanswer"
        ordering = ["created_at", "pk"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")

    def __str__(self):
        return self.body[:60]


# --- ending consciously: the decision and the harvest -----------------------------------------------

class PeriodDecision(models.TextChoices):
    CONTINUE = "continue", _("Doorgaan voor een nieuwe periode")
    HANDOVER = "handover", _("Overdragen aan de kerngroep")
    STOP = "stop", _("Bewust stoppen")


class Harvest(models.Model):
    """A facilitator ended a period with a decision. The snapshot (JSON) is the community's harvest as it
    stood then, so the page and the download stay the same later, also after the community stopped."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="harvests")
    decision = models.CharField(_("besluit"), max_length=10, choices=PeriodDecision.choices)
    period_starts_on = models.DateField()
    period_ends_on = models.DateField()
    new_ends_on = models.DateField(_("nieuwe einddatum"), null=True, blank=True)
    note = models.TextField(_("toelichting bij het besluit"), max_length=4000, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)
    snapshot = models.JSONField(default=dict)

    # Left out of a data export when reached only through this link:
    # who closed the period: the snapshot is the community's.
    PRIVACY_NOT_ABOUT = ("decided_by",)

    class Meta:
        db_table = "lessons_harvest"
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("oogst")
        verbose_name_plural = _("oogsten")
        constraints = [
            models.UniqueConstraint(fields=["community", "period_ends_on"], name="harvest_one_per_period",
                                    violation_error_message=_("Deze periode is al afgesloten.")),
            models.CheckConstraint(
                condition=(Q(decision="stop", new_ends_on__isnull=True)
                           | (~Q(decision="stop") & Q(new_ends_on__gt=models.F("period_ends_on")))),
                name="harvest_new_end_fits_decision"),
        ]

    def __str__(self):
        return f"{self.community} {self.period_ends_on}: {self.decision}"
