"""Settings for LG Portal, read once from the environment (the README lists every setting).

With no environment at all, DEBUG is off and the settings refuse to start without a DJANGO_SECRET_KEY
of their own. `make run` asks for DEBUG (DJANGO_DEBUG=true): the demo key, a SQLite file, Celery on an
embedded broker in a folder (kombu's filesystem transport), console email and the mailbox page.
DATABASE_URL, REDIS_URL, EMAIL_URL and SITE_URL switch to the real parts.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
_DEMO_KEY = "django-insecure-demo-key-only-for-local-use-change-me-0123456789"
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=_DEMO_KEY if DEBUG else "")
if not DEBUG and SECRET_KEY in ("", _DEMO_KEY):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a secret of this installation (DJANGO_DEBUG is off). "
        "For the demo on your own machine: make run (it sets DJANGO_DEBUG=true).")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# Where the portal serves, for the links in emails and calendar feeds: follows PORT (as `make run PORT=...`
# and most process managers set it) unless SITE_URL says otherwise.
PORT = env.int("PORT", default=8000)
SITE_URL = env.str("SITE_URL", default=f"http://127.0.0.1:{PORT}" if DEBUG else "").rstrip("/")
if not SITE_URL:
    raise ImproperlyConfigured(
        "SITE_URL must be set to the portal's public address (https://lg.example.nl) when DJANGO_DEBUG is off: "
        "every link in emails and calendars, and the Message-IDs and calendar UIDs, are on it.")
# What the portal keeps on local disk: beat's schedule file and, when there is no Redis, the embedded
# broker's queue. Must be writable by the worker and beat, which create it as they start
# (lg_portal.celery); nothing else writes there.
VAR_DIR = Path(env.str("LG_VAR_DIR", default=str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "django_htmx",
    # The portal's apps, in the order their imports follow (a lower app never imports a higher one;
    # see lg_portal.registry for how a lower app hears of a higher one).
    "lg_portal",
    "participants",
    "workgroups",
    "meetings",
    "lessons",
    # The marketplace (maatschappelijke beursvloer) is its own app: it has public, account-less pages.
    "marketplace",
    "engagement",
    "impact",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lg_portal.common.middleware.PrivateByDefaultMiddleware",
    "lg_portal.common.middleware.RefuseNulMiddleware",
    "participants.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "lg_portal.common.once.SubmitOnceMiddleware",
    "lg_portal.common.middleware.DatabaseDownMiddleware",
]

ROOT_URLCONF = "lg_portal.urls"
WSGI_APPLICATION = "lg_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # dates with the year when it is not this year, in every template (lg_portal.common.dates)
            "builtins": ["lg_portal.templatetags.dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lg_portal.common.panels.community_nav",
                "lg_portal.mailbox.context",
                "lg_portal.common.theme.context",
                "participants.rules.context",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3
    # JIT compiles large plans for seconds before running them for milliseconds: the drift scan's
    # one statement spent 4.9 of its 5.2 s compiling. This is an OLTP workload: no JIT.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` writes from three processes (web, worker, beat): write-ahead logging lets readers go on
    # while one writes, and a transaction that will write takes the lock at its start, waiting up to 20 s,
    # rather than failing half-way with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# The default cache hands rate-limit counters to a database table (`limits`: one count across workers,
# kept through a Redis outage) and everything else to `fast`: Redis with short timeouts and a circuit
# breaker, or memory without REDIS_URL. See lg_portal.common.cache.
CACHES = {
    "default": {"BACKEND": "lg_portal.common.cache.PortalCache"},
    "limits": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "lg_cache_limits",
               "OPTIONS": {"MAX_ENTRIES": 100_000}},
    "fast": ({"BACKEND": "lg_portal.common.cache.ResilientRedisCache", "LOCATION": REDIS_URL} if REDIS_URL
             else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}),
}

AUTH_USER_MODEL = "participants.User"
# One backend: allauth's checks one password hash whether the password is right or wrong (with Django's
# ModelBackend in front, a wrong password was hashed twice and a right one once: a timing oracle). It is
# a ModelBackend too, so the admin's permissions work as before.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
# Django's validators, saying the portal's words (lg_portal/common/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "lg_portal.common.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "lg_portal.common.passwords.MinimumLengthValidator"},
    {"NAME": "lg_portal.common.passwords.CommonPasswordValidator"},
    {"NAME": "lg_portal.common.passwords.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

# django-allauth: email is the login; verification is mandatory outside DEBUG.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="optional" if DEBUG else "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_ADAPTER = "participants.adapters.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "participants.forms.SignupForm"
# allauth's forms with the portal's labels (participants/account_forms.py); its pages are templates/account/.
ACCOUNT_FORMS = {name: f"participants.account_forms.{cls}" for name, cls in {
    "login": "LoginForm", "signup": "SignupForm", "add_email": "AddEmailForm", "change_password": "ChangePasswordForm",
    "set_password": "SetPasswordForm", "reset_password": "ResetPasswordForm",
    "reset_password_from_key": "ResetPasswordKeyForm", "reauthenticate": "ReauthenticateForm"}.items()}
# Behind a reverse proxy every request comes from the proxy's address: the client is the address the
# proxy puts in X-Forwarded-For. LG_TRUSTED_PROXY_COUNT says how many proxies of your own are in front
# (0: none, REMOTE_ADDR is the client). The login limits and the public marketplace's limit use it.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("LG_TRUSTED_PROXY_COUNT", default=0)
ACCOUNT_RATE_LIMITS = {
    # Per account 5 wrong passwords in 5 minutes; per client address 20 (an office or a library shares one).
    "login_failed": "20/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# Uploads (a community's logo) go through Django's storage API: files in var/media by default, never
# served as public media URLs but through views that check who asks (participants.views.community_logo).
MEDIA_ROOT = env.str("LG_MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/media-not-served/"
LG_LOGO_MAX_BYTES = env.int("LG_LOGO_MAX_BYTES", default=300 * 1024)
# A published NL Design System theme for the whole portal: a stylesheet under static/ and its class.
LG_THEME_STYLESHEET = env.str("LG_THEME_STYLESHEET", default="")
LG_THEME_CLASS = env.str("LG_THEME_CLASS", default="")
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# EMAIL_URL (smtp://user:pass@host:587/?tls=True, consolemail://, ...) becomes Django 6.1's MAILERS.
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
_email_options = {
    key: _email[name]
    for key, name in [("host", "EMAIL_HOST"), ("port", "EMAIL_PORT"), ("username", "EMAIL_HOST_USER"),
                      ("password", "EMAIL_HOST_PASSWORD"), ("use_tls", "EMAIL_USE_TLS"), ("use_ssl", "EMAIL_USE_SSL"),
                      ("file_path", "EMAIL_FILE_PATH")]
    if _email.get(name) not in (None, "")
}
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    _email_options.setdefault("timeout", 10)
else:
    _email_options = {k: v for k, v in _email_options.items() if k == "file_path"}
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="LG Portal <portal@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis is the broker when REDIS_URL is set. Without it (`make run`), kombu's filesystem transport:
# a folder of the checkout that the web, the worker and beat share, so tasks go through a broker as in
# production and no other service is needed. Tasks are never run in the caller's process unless
# CELERY_TASK_ALWAYS_EAGER says so (the tests do).
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # A Redis that hangs (accepts and never answers) fails a read after socket_timeout, as a closed one
    # fails to connect: beat and the worker then wait and reconnect, never block on a dead socket.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "socket_connect_timeout": 2,
                                       "socket_timeout": 5}
else:
    CELERY_BROKER_URL = "filesystem://"
    _queue = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {"data_folder_in": str(_queue), "data_folder_out": str(_queue),
                                       "control_folder": str(VAR_DIR / "broker-control")}
    # One worker on one machine: no remote control, so no reply queues pile up as files.
    CELERY_WORKER_ENABLE_REMOTE_CONTROL = False
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Every job's schedule replaced by "every N seconds" (0: each job's own schedule). `make run` sets 30,
# so a newcomer sees the scans work within a minute; every job is safe to run that often.
LG_JOBS_EVERY_SECONDS = env.int("LG_JOBS_EVERY_SECONDS", default=0)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Beat and the worker wait for a broker that is away as long as it takes (pauses growing to 30 s), not
# 100 tries and exit; every job scans for what is due, so the first run after an outage does what the
# outage held up (README, "Redis down or hung").
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"

# Security. Secure cookies and HSTS whenever DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
# The largest request body the portal reads (forms; there are no file uploads): a bigger one answers
# 400 before it is parsed. Set the proxy's limit (nginx: client_max_body_size) to the same or less.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("LG_MAX_REQUEST_BYTES", default=1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Portal rules drawn from the guide; overridable per deployment.
LG_INVITATION_DAYS = env.int("LG_INVITATION_DAYS", default=14)
LG_GROUP_SIZE_MIN = 10
LG_GROUP_SIZE_MAX = 15
LG_WORKGROUP_SIZE_MAX = env.int("LG_WORKGROUP_SIZE_MAX", default=8)
LG_MARKETPLACE_ENTRIES_PER_HOUR = env.int("LG_MARKETPLACE_ENTRIES_PER_HOUR", default=10)
LG_MARKETPLACE_FOLLOW_UP_WEEKS = env.int("LG_MARKETPLACE_FOLLOW_UP_WEEKS", default=6)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
