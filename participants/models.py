import secrets
from datetime import timedelta
from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


def new_feed_token():
    return secrets.token_urlsafe(24)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Email is the login; what a person is in a community lives on Membership."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    name = models.CharField(_("naam"), max_length=120)
    language = models.CharField(
        _("taal"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    address = models.CharField(
        _("adres om te ontvangen"),
        max_length=255,
        blank=True,
        help_text=_("Waar je een bijeenkomst zou kunnen ontvangen. Alleen zichtbaar voor je groep."),
    )
    dietary_notes = models.CharField(
        _("dieetwensen"),
        max_length=255,
        blank=True,
        help_text=_("Alleen de gastheer of gastvrouw en de procesbegeleiders zien dit."),
    )
    feed_token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    # Off: the calendar feed holds what concerns the person (their communities' plenaries and work
    # visits, their own workgroups, what they answered). The database default keeps raw inserts (the
    # benchmark's seed) and a running older release working while the column is added.
    feed_all_workgroups = models.BooleanField(
        _("bijeenkomsten van alle open werkgroepen in mijn agenda"), default=False, db_default=False,
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


class InitiatorKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente")
    RESIDENTS = "residents", _("Bewonersgroep of netwerk")
    WELFARE = "welfare", _("Welzijnsorganisatie")
    ENTREPRENEURS = "entrepreneurs", _("Maatschappelijk betrokken ondernemersgroep")
    CIVIL_SOCIETY = "civil_society", _("Maatschappelijke organisatie of stichting")


def validate_time_zone(value):
    if value not in available_timezones():
        raise ValidationError(_("Onbekende tijdzone: %(value)s"), params={"value": value})


class Community(models.Model):
    """A Lerende Gemeenschap: a shared question, worked on by 10-25 people for one to two years."""

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    question = models.TextField(_("vraagstuk"), max_length=2000)
    goals = models.TextField(_("doelen"), max_length=4000, blank=True)
    starts_on = models.DateField(_("startdatum"))
    ends_on = models.DateField(_("einddatum"))
    ground_rules = models.TextField(
        _("spelregels (gentlemen's agreement)"),
        max_length=4000,
        blank=True,
        help_text=_("De afspraken die de groep samen maakt. Iedere deelnemer accepteert ze."),
    )
    closed_doors = models.BooleanField(
        _("voorlopig achter gesloten deuren"),
        default=False,
        help_text=_("Werkt de groep eerst zonder publiciteit naar buiten?"),
    )
    initiator_kind = models.CharField(_("initiatiefnemer"), max_length=20, choices=InitiatorKind.choices)
    time_zone = models.CharField(
        _("tijdzone"), max_length=64, default="Europe/Amsterdam", validators=[validate_time_zone]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Set when the facilitator ends the community consciously with "stop": from then on it is
    # read-only, and its harvest stays available.
    stopped_at = models.DateTimeField(null=True, blank=True)
    # The initiator's look (set by a facilitator, participants.services.community_look_set): its name, logo
    # and colours, served as design tokens (participants.views.community_look_css). Empty: the plain look.
    look_organisation = models.CharField(_("naam van de initiatiefnemer"), max_length=120, blank=True)
    look_primary = models.CharField(_("hoofdkleur"), max_length=7, blank=True)
    look_header = models.CharField(_("kleur van de kopbalk"), max_length=7, blank=True)
    look_logo = models.FileField(_("logo"), upload_to="looks/", blank=True)
    look_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lerende gemeenschap")
        verbose_name_plural = _("lerende gemeenschappen")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gt=models.F("starts_on")), name="community_ends_after_start"),
        ]

    def __str__(self):
        return self.name

    @property
    def duration_days(self):
        return (self.ends_on - self.starts_on).days

    @property
    def shorter_than_a_year(self):
        return self.duration_days < 365

    @property
    def has_look(self) -> bool:
        return bool(self.look_primary or self.look_header or self.look_logo)

    @property
    def look_version(self) -> str:
        """For the look's URLs, so a browser fetches them again after a change."""
        return str(int(self.look_updated_at.timestamp())) if self.look_updated_at else "0"

    @property
    def is_read_only(self):
        return self.stopped_at is not None


class Sector(models.TextChoices):
    RESIDENT = "resident", _("Inwoner")
    ENTREPRENEUR = "entrepreneur", _("Ondernemer")
    CIVIL_SOCIETY = "civil_society", _("Maatschappelijke organisatie")
    MUNICIPALITY = "municipality", _("Gemeente")
    EDUCATION = "education", _("Onderwijs")
    CHURCH = "church", _("Kerk")
    OTHER = "other", _("Anders")


class GroupRole(models.TextChoices):
    THINKER = "thinker", _("Denker")
    DOER = "doer", _("Doener")
    VISIONARY = "visionary", _("Visionair")
    STRATEGIST = "strategist", _("Strateeg")
    NETWORKER = "networker", _("Netwerker")
    GADFLY = "gadfly", _("Luis in de pels")


class Role(models.TextChoices):
    """Roles a member can hold in a community; one member may hold several."""

    FACILITATOR = "facilitator", _("Procesbegeleider")
    MODERATOR = "moderator", _("Gespreksleider")
    COORDINATOR = "coordinator", _("Coördinator")
    CORE_GROUP = "core_group", _("Kerngroep")
    PARTICIPANT = "participant", _("Deelnemer")
    SOUNDING_BOARD = "sounding_board", _("Klankbordgroep")
    STEERING_GROUP = "steering_group", _("Stuurgroep")


ROLE_FIELDS = {
    Role.FACILITATOR: "is_facilitator",
    Role.MODERATOR: "is_moderator",
    Role.COORDINATOR: "is_coordinator",
    Role.CORE_GROUP: "is_core_group",
    Role.PARTICIPANT: "is_participant",
    Role.SOUNDING_BOARD: "is_sounding_board",
    Role.STEERING_GROUP: "is_steering_group",
}


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("Actief")
    PAUSED = "paused", _("Gepauzeerd")
    STEPPED_OUT = "stepped_out", _("Uitgestapt")


class Membership(models.Model):
    """A person in one community: their roles there, and the profile they show there."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    # Roles are flags, not one field: one person may be coordinator and core group at once.
    is_facilitator = models.BooleanField(_("procesbegeleider"), default=False)
    is_moderator = models.BooleanField(_("gespreksleider"), default=False)
    is_coordinator = models.BooleanField(_("coördinator"), default=False)
    is_core_group = models.BooleanField(_("kerngroep"), default=False)
    is_participant = models.BooleanField(_("deelnemer"), default=True)
    is_sounding_board = models.BooleanField(_("klankbordgroep"), default=False)
    is_steering_group = models.BooleanField(_("stuurgroep"), default=False)

    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=120, blank=True)
    hats = models.CharField(
        _("petten"),
        max_length=255,
        blank=True,
        help_text=_("De verschillende petten die je draagt, bijvoorbeeld 'ondernemer, vader, kerkbestuur'."),
    )
    group_roles = models.JSONField(_("groepsrollen"), default=list, blank=True)
    motivation = models.TextField(_("motivatie"), max_length=2000, blank=True)
    expectations = models.TextField(_("verwachtingen"), max_length=2000, blank=True)
    committed_until = models.DateField(_("betrokken tot"), null=True, blank=True)
    hours_per_month = models.PositiveSmallIntegerField(_("uren per maand"), null=True, blank=True)
    willing_to_host = models.BooleanField(_("wil een bijeenkomst ontvangen"), default=False)

    ground_rules_accepted_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=MemberStatus.choices, default=MemberStatus.ACTIVE)
    paused_until = models.DateField(null=True, blank=True)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="membership_unique_person"),
            models.CheckConstraint(
                condition=Q(hours_per_month__isnull=True) | Q(hours_per_month__lte=200),
                name="membership_hours_sane",
            ),
        ]
        indexes = [models.Index(fields=["user", "community"])]

    def __str__(self):
        return f"{self.user} @ {self.community}"

    @property
    def roles(self):
        return [role for role, field in ROLE_FIELDS.items() if getattr(self, field)]

    @property
    def role_labels(self):
        return [role.label for role in self.roles]

    @property
    def double_role(self):
        """The guide keeps facilitating and taking part apart: one person should not do both."""
        return self.is_facilitator and self.is_participant

    @property
    def group_role_labels(self):
        labels = dict(GroupRole.choices)
        return [labels.get(r, r) for r in self.group_roles]


def invitation_expiry():
    return timezone.now() + timedelta(days=settings.LG_INVITATION_DAYS)


def new_invitation_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """A personal invitation: one email address, one single-use link, valid for 14 days."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mailadres"))
    name = models.CharField(_("naam"), max_length=120, blank=True)
    message = models.TextField(_("persoonlijk bericht"), max_length=3000)
    as_facilitator = models.BooleanField(_("als procesbegeleider"), default=False)
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    # Left out of a data export when reached only through this link:
    # who invited: the invitation holds the invitee's address.
    PRIVACY_NOT_ABOUT = ("invited_by",)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_open_per_email",
                violation_error_message=_("Deze persoon heeft al een openstaande uitnodiging."),
            ),
        ]

    def __str__(self):
        return f"{self.email} -> {self.community}"

    def is_expired(self, now=None):
        return (now or timezone.now()) >= self.expires_at

    @property
    def is_open(self):
        return self.accepted_at is None and self.revoked_at is None


class Suggestion(models.Model):
    """'Zwaan kleef aan': a member names someone else who should join; the facilitator decides."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        INVITED = "invited", _("Uitgenodigd")
        DISMISSED = "dismissed", _("Niet nu")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="suggestions")
    suggested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    reason = models.TextField(_("waarom deze persoon?"), max_length=2000)
    state = models.CharField(max_length=12, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("suggestie")
        verbose_name_plural = _("suggesties")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name


class EmailKind(models.TextChoices):
    """The kinds of email a person can switch off, one by one. Other apps ask
    participants.preferences.email_allowed(user, kind)."""

    NUDGES = "nudges", _("Persoonlijke herinneringen als ik een tijdje weg ben")
    REMINDERS = "reminders", _("Herinneringen aan bijeenkomsten")
    AGENDA = "agenda", _("Agenda's van bijeenkomsten")
    DIGEST = "digest", _("Wekelijks overzicht van wat er gebeurde")
    ALERTS = "alerts", _("Signalen: vragen zonder antwoord, mensen die wegzakken")


class EmailPreference(models.Model):
    """Which emails a person gets. No row means: everything on (the weekly digest too, opt-out)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference")
    nudges = models.BooleanField(EmailKind.NUDGES.label, default=True)
    reminders = models.BooleanField(EmailKind.REMINDERS.label, default=True)
    agenda = models.BooleanField(EmailKind.AGENDA.label, default=True)
    digest = models.BooleanField(EmailKind.DIGEST.label, default=True)
    alerts = models.BooleanField(EmailKind.ALERTS.label, default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("e-mailvoorkeuren")
        verbose_name_plural = _("e-mailvoorkeuren")

    def __str__(self):
        return f"{self.user}"
