from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from participants.models import InitiatorKind


class Bilingual:
    """Compass content is data in two languages, not gettext: `obj.shown("text")` picks the field for
    the active language (text_en when English is active, text_nl otherwise)."""

    def shown(self, name):
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        return getattr(self, f"{name}_en" if language == "en" else f"{name}_nl")


class Chapter(Bilingual, models.Model):
    """A chapter of the lessons compass (wegwijzer): the start, participants and drive, ..."""

    key = models.SlugField(max_length=40, unique=True)
    order = models.PositiveSmallIntegerField()
    title_nl = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    intro_nl = models.TextField(blank=True)
    intro_en = models.TextField(blank=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("hoofdstuk")
        verbose_name_plural = _("hoofdstukken")

    def __str__(self):
        return self.title_nl

    @property
    def title(self):
        return self.shown("title")

    @property
    def intro(self):
        return self.shown("intro")


class ItemKind(models.TextChoices):
    IS = "is", _("Een LG is")
    IS_NOT = "is_not", _("Een LG is geen")
    UNSUITABLE = "unsuitable", _("Niet geschikt als")
    ALWAYS = "always", _("Altijd nodig")
    DEPENDS = "depends", _("Hangt af van de situatie")
    CHOOSE = "choose", _("Kies voor")
    AVOID = "avoid", _("Kies niet voor")
    EASY = "easy", _("Makkelijk te regelen")
    HARD = "hard", _("Moeilijker te regelen")


class AutoCheck(models.TextChoices):
    """What the portal can check by itself (see lessons.checks)."""

    GROUP_SIZE = "group_size", _("Groepsgrootte")
    DURATION = "duration", _("Looptijd")
    EVALUATION = "evaluation", _("Tussenevaluatie")
    REFLECTION = "reflection", _("Reflectie na activiteiten")
    MIXED_WORKGROUPS = "mixed_workgroups", _("Gemengde werkgroepen")
    GROUND_RULES = "ground_rules", _("Spelregels geaccepteerd")
    DRIFT = "drift", _("Wegzakkers")


class Item(Bilingual, models.Model):
    """One line of the guide's overview 'all lessons in a row'."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(max_length=60, unique=True)
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=ItemKind.choices)
    text_nl = models.TextField()
    text_en = models.TextField()
    auto_check = models.CharField(max_length=20, choices=AutoCheck.choices, blank=True)

    class Meta:
        ordering = ["chapter__order", "order"]
        verbose_name = _("kompaspunt")
        verbose_name_plural = _("kompaspunten")

    def __str__(self):
        return self.text_nl

    @property
    def text(self):
        return self.shown("text")


class Lesson(Bilingual, models.Model):
    """A named lesson or tip of a chapter ('Minimaal een jaar', 'Zwaan kleef aan', ...)."""

    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="lessons")
    key = models.SlugField(max_length=60, unique=True)
    order = models.PositiveSmallIntegerField()
    title_nl = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    body_nl = models.TextField()
    body_en = models.TextField()
    auto_check = models.CharField(max_length=20, choices=AutoCheck.choices, blank=True)

    class Meta:
        ordering = ["chapter__order", "order"]
        verbose_name = _("les")
        verbose_name_plural = _("lessen")

    def __str__(self):
        return self.title_nl

    @property
    def title(self):
        return self.shown("title")

    @property
    def body(self):
        return self.shown("body")


class InitiatorGuide(Bilingual, models.Model):
    """The bonus tips for one kind of initiator."""

    initiator = models.CharField(max_length=20, choices=InitiatorKind.choices, unique=True)
    order = models.PositiveSmallIntegerField()
    title_nl = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.title_nl

    @property
    def title(self):
        return self.shown("title")


class BonusTip(Bilingual, models.Model):
    """A bonus tip, or an example question, for one kind of initiator."""

    class Kind(models.TextChoices):
        TIP = "tip", _("Tip")
        EXAMPLE = "example", _("Voorbeeldvraag")

    guide = models.ForeignKey(InitiatorGuide, on_delete=models.CASCADE, related_name="tips")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    order = models.PositiveSmallIntegerField()
    text_nl = models.TextField()
    text_en = models.TextField()

    class Meta:
        ordering = ["guide__order", "kind", "order"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "kind", "order"], name="bonustip_unique_order"),
        ]

    def __str__(self):
        return self.text_nl

    @property
    def text(self):
        return self.shown("text")


# --- self-assessment ----------------------------------------------------------------------------

class AssessmentRound(models.Model):
    """A round in which the members hold the community against the compass. One round is open at a
    time; a closed round keeps its per-chapter summary, so the trend stays as it was."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE,
                                  related_name="assessment_rounds")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    # {chapter_key: {"in_place": n, "attention": n, "not_applicable": n, "score": 0-100 or None}}
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("zelfevaluatieronde")
        verbose_name_plural = _("zelfevaluatierondes")
        constraints = [
            models.UniqueConstraint(fields=["community"], condition=Q(closed_at__isnull=True),
                                    name="assessment_one_open_round",
                                    violation_error_message=_("Er staat al een ronde open.")),
            models.CheckConstraint(condition=Q(closed_at__isnull=True) | Q(closed_at__gte=models.F("opened_at")),
                                   name="assessment_closed_after_open"),
        ]

    def __str__(self):
        return f"{self.community} {self.opened_at:%Y-%m-%d}"

    @property
    def is_open(self):
        return self.closed_at is None


class AnswerState(models.TextChoices):
    IN_PLACE = "in_place", _("Op orde")
    ATTENTION = "attention", _("Verdient aandacht")
    NOT_APPLICABLE = "not_applicable", _("Niet van toepassing")


class AssessmentAnswer(models.Model):
    """One member's mark on one compass item in one round."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(_("stand van zaken"), max_length=16, choices=AnswerState.choices)
    note = models.TextField(_("toelichting"), max_length=2000, blank=True)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "item", "membership"], name="assessment_answer_unique"),
        ]

    def __str__(self):
        return f"{self.item_id}: {self.state}"


# --- intermediate evaluations -------------------------------------------------------------------

class Evaluation(models.Model):
    """A qualitative intermediate evaluation (tussenevaluatie). Members answer a short questionnaire
    while it is open; a facilitator or coordinator concludes it, and may change the goals."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="evaluations")
    planned_on = models.DateField(_("gepland op"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    concluded_at = models.DateTimeField(null=True, blank=True)
    concluded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    conclusion = models.TextField(_("wat we samen concluderen"), max_length=6000, blank=True)

    class Meta:
        ordering = ["-planned_on", "-pk"]
        verbose_name = _("tussenevaluatie")
        verbose_name_plural = _("tussenevaluaties")
        constraints = [
            models.UniqueConstraint(fields=["community", "planned_on"], name="evaluation_unique_date",
                                    violation_error_message=_("Voor deze datum is al een tussenevaluatie.")),
        ]

    def __str__(self):
        return f"{self.community} {self.planned_on}"

    @property
    def is_open(self):
        return self.concluded_at is None


class EvaluationResponse(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="responses")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="+")
    went_well = models.TextField(_("Wat ging goed?"), max_length=3000, blank=True)
    was_hard = models.TextField(_("Wat was lastig?"), max_length=3000, blank=True)
    learned = models.TextField(_("Wat hebben we geleerd, over de inhoud en over het proces?"), max_length=3000,
                               blank=True)
    expectations = models.TextField(_("Kloppen onze verwachtingen en doelen nog? Wat zou je bijstellen?"),
                                    max_length=3000, blank=True)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "membership"], name="evaluation_response_unique"),
        ]

    def __str__(self):
        return f"{self.membership_id} @ {self.evaluation_id}"


class GoalChange(models.Model):
    """History of the community's goals: 'from mbo to the engagement of the whole society'."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="goal_changes")
    evaluation = models.ForeignKey(Evaluation, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="goal_changes")
    old_text = models.TextField(blank=True)
    new_text = models.TextField()
    changed_on = models.DateField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_on", "-pk"]
        verbose_name = _("doelwijziging")
        verbose_name_plural = _("doelwijzigingen")

    def __str__(self):
        return f"{self.community} {self.changed_on}"


# --- learning goals ------------------------------------------------------------------------------

class LearningGoal(models.Model):
    """A learning goal of the community (membership empty) or of one person."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="learning_goals")
    membership = models.ForeignKey("participants.Membership", null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="learning_goals")
    text = models.TextField(_("leerdoel"), max_length=1000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    reached_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("leerdoel")
        verbose_name_plural = _("leerdoelen")

    def __str__(self):
        return self.text[:60]


# --- reflection moments --------------------------------------------------------------------------

class Reflection(models.Model):
    """One participant's look back on an activity or a held meeting they took part in. Visible to the
    community, or only to the workgroup's members when the workgroup is closed. The personal insight
    is shown to others only when its author chose to share it."""

    community = models.ForeignKey("participants.Community", on_delete=models.CASCADE, related_name="reflections")
    activity = models.ForeignKey("workgroups.Activity", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="reflections")
    meeting = models.ForeignKey("meetings.Meeting", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="reflections")
    membership = models.ForeignKey("participants.Membership", on_delete=models.CASCADE, related_name="reflections")
    what_we_did = models.TextField(_("Wat hebben we gedaan?"), max_length=3000)
    learned_content = models.TextField(_("Wat hebben we geleerd over de inhoud?"), max_length=3000, blank=True)
    learned_process = models.TextField(_("Wat hebben we geleerd over het proces en de samenwerking?"),
                                       max_length=3000, blank=True)
    next_time = models.TextField(_("Wat doen we de volgende keer anders?"), max_length=3000, blank=True)
    insight = models.TextField(_("Mijn persoonlijke inzicht"), max_length=2000, blank=True)
    insight_shared = models.BooleanField(_("Deel mijn inzicht met de groep"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reflectie")
        verbose_name_plural = _("reflecties")
        constraints = [
            models.UniqueConstraint(fields=["activity", "membership"], condition=Q(activity__isnull=False),
                                    name="reflection_one_per_activity_person",
                                    violation_error_message=_("Je hebt hier al op gereflecteerd.")),
            models.UniqueConstraint(fields=["meeting", "membership"], condition=Q(meeting__isnull=False),
                                    name="reflection_one_per_meeting_person",
                                    violation_error_message=_("Je hebt hier al op gereflecteerd.")),
            models.CheckConstraint(condition=Q(activity__isnull=False, meeting__isnull=True)
                                   | Q(activity__isnull=True, meeting__isnull=False),
                                   name="reflection_on_activity_or_meeting"),
        ]
        indexes = [models.Index(fields=["community", "created_at"])]

    def __str__(self):
        return f"{self.membership_id}: {self.what_we_did[:40]}"

    @property
    def subject(self):
        return self.activity if self.activity_id else self.meeting
