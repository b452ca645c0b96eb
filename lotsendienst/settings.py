"""Lotsendienst settings: one file, driven by environment variables (see .env.example)."""

import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from lotsendienst.env import env_bool, env_int, env_list, env_networks, env_origins, env_str, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = secret_key(debug=DEBUG)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_origins("DJANGO_CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "pages.views.csrf_failure"  # a styled German 403 (templates/403.html)

INSTALLED_APPS = [
    "accounts.apps.VerifiedAdminConfig",  # django.contrib.admin whose site requires a verified second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "accounts",
    "multilingual",
    "places",
    "partners",
    "offers",
    "counselling",
    "pages",
    "guide",
    "merkliste",
    "api",
    "network",
    "demo",
    "operations",
]

MIDDLEWARE = [
    "pages.outage.DatabaseOutageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lotsendienst.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "lotsendienst.middleware.NullCharacterQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorRequiredMiddleware",
    "lotsendienst.db_routing.ReplicaRoutingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffIdleLogoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "counselling.audit.AuditAddressMiddleware",
]

ROOT_URLCONF = "lotsendienst.urls"
WSGI_APPLICATION = "lotsendienst.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site",
                "accounts.context_processors.staff",
                "merkliste.context_processors.merkliste",
            ],
        },
    },
]

# Database: SQLite file in the project folder unless DATABASE_URL says otherwise.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # PostgreSQL's JIT compiles the facet-count aggregates of a large catalogue on every cold search and spends up
    # to a second doing so (measured at 1,000,000 offers); short web queries gain nothing from it.
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        options = DATABASES["default"].setdefault("OPTIONS", {})
        # A bitmap of a large share of the catalogue (a common filter, a start-date range) loses its rows in the
        # default 4 MB, and every page of it is then read and tested again (a text search's start-date window at
        # 1,000,000 offers: 64 → 44 ms). Per sort, hash or bitmap of a query, so a few times this per worker.
        work_mem = env_str("DB_WORK_MEM", "32MB")
        if not re.fullmatch(r"\d+(kB|MB|GB)", work_mem):
            raise ImproperlyConfigured(f"DB_WORK_MEM must be a size like 32MB, not {work_mem!r}.")
        # No parallel workers: each request is one query at a time, and a worker PostgreSQL starts for one of them
        # takes a core from the other requests (the app's processes already keep every core busy) and costs its
        # start. Measured at 1,000,000 offers, 4 connections: the long-tail mix 26 → 31–39 requests a second.
        parallel = "-c max_parallel_workers_per_gather=0"
        extra = [options.get("options", ""), "-c jit=off", f"-c work_mem={work_mem}", parallel]
        options["options"] = " ".join(filter(None, extra))
        # An unreachable database host answers 503 after 5 s instead of holding the worker until gunicorn kills it.
        options.setdefault("connect_timeout", 5)
# Optional PostgreSQL read replica for public reads (lotsendienst/db_routing.py); the primary when it lags or fails.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
DATABASE_REPLICA_MAX_LAG = env_int("DATABASE_REPLICA_MAX_LAG", 5, minimum=0)  # seconds
if DATABASE_REPLICA_URL:
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_REPLICA_URL needs DATABASE_URL to name a PostgreSQL primary.")
    try:
        DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_REPLICA_URL is not a valid database URL: {exc}") from None
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    # A replica that does not answer within two seconds is skipped, not waited for.
    DATABASES["replica"]["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), "connect_timeout": 2}
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["lotsendienst.db_routing.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis, shared by every app process and machine; local memory only in development and tests.
REDIS_URL = env_str("REDIS_URL")
if not DEBUG and not REDIS_URL:
    # Rate limits, lock-outs and the cached public pages must be the same for every process (docs/operations.md).
    raise ImproperlyConfigured(
        "REDIS_URL must be set when DJANGO_DEBUG is off: every app process must share one cache, "
        "e.g. REDIS_URL=redis://127.0.0.1:6379/0."
    )
CACHES = {
    "default": (
        {
            # Django's RedisCache that serves without the cache while Redis is down (lotsendienst/cache.py); short
            # timeouts so an unreachable Redis costs a request fractions of a second, not a hang.
            "BACKEND": "lotsendienst.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Every account is a staff account (visitors have none): at least 12 characters, no common password, nothing close to
# the user name, names or e-mail address (docs/roles.md).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if env_bool("TESTING", False):
    # The real hasher costs over a second per password on small machines; tests need no brute-force resistance.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 60 * 60  # seconds a reset link stays valid (used once in any case)

# Second factor (django-otp, see docs/roles.md): the issuer names the portal in the authenticator app.
OTP_TOTP_ISSUER = "Lotsendienst"

# Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); nobody else's ever is.
TRUSTED_PROXIES = env_networks("DJANGO_TRUSTED_PROXIES")

# Login throttling: a cool-off, never a permanent lock-out; counted per user name AND client address, so a stranger's
# failures elsewhere never lock the real user out (docs/roles.md).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_ENABLED = env_bool("AXES_ENABLED", True)

LANGUAGE_CODE = "de"
# Each language under its own name (Django's name_local, which the switch in templates/base.html shows). Arabic is
# right to left (Django's LANGUAGES_BIDI), so the page gets dir="rtl".
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربيّة"),
    ("uk", "Українська"),
    ("tr", "Türkçe"),
    ("ru", "Русский"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("TESTING", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# E-mail (Django 6.1 MAILERS): every mail is queued ("default") and sent by the worker through "outgoing": SMTP when
# EMAIL_HOST is set, else the console (docs/operations.md).
_email_host = env_str("EMAIL_HOST")
MAILERS = {
    "default": {"BACKEND": "operations.mail.QueuedEmailBackend"},
    "outgoing": (
        {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": env_int("EMAIL_PORT", 587, minimum=1),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 10,  # a hanging mail server costs the worker ten seconds, then the mail is retried
            },
        }
        if _email_host
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    ),
}

# Background tasks (Django's tasks framework, stored in the database by django-tasks-db), run by
# `manage.py run_worker`, which also enqueues DAILY_JOBS (management commands, in this order) once a day from
# JOBS_HOUR (local time) on.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
JOBS_HOUR = env_int("JOBS_HOUR", 3, minimum=0, maximum=23)
DAILY_JOBS = [
    "refresh_offer_dates",
    "apply_retention",
    "erase_old_inhouse_requests",
    "remind_stale_offers",
    "remind_overdue_inquiries",
    "remind_needs_analyses",
    "prune_db_task_results",
    "fetch_partner_feeds",
]
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Lotsendienst <noreply@lotsendienst.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers. Strict CSP: our own host only, no inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env_bool("DJANGO_BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Domain settings.
OFFER_STALE_AFTER_DAYS = env_int("OFFER_STALE_AFTER_DAYS", 183, minimum=1)
# The guide never names a contact point farther away than this (partners that advise by phone or video excepted).
GUIDE_CONTACT_POINT_MAX_KM = env_int("GUIDE_CONTACT_POINT_MAX_KM", 75, minimum=1)
CASE_RETENTION_DAYS = env_int("CASE_RETENTION_DAYS", 3 * 365, minimum=1)
# A company's next needs analysis is due this many months after its last (the desk lists it, a daily job reminds).
NEEDS_ANALYSIS_INTERVAL_MONTHS = env_int("NEEDS_ANALYSIS_INTERVAL_MONTHS", 6, minimum=1, maximum=60)
COUNSELLOR_IDLE_MINUTES = env_int("COUNSELLOR_IDLE_MINUTES", 30, minimum=1)
# How long a form sent after the idle logout is kept for its author (accounts/kept_forms.py).
KEPT_FORM_HOURS = env_int("KEPT_FORM_HOURS", 12, minimum=1)
# Bulk import of a partner's catalogue (docs/import.md): larger files are refused with the limit named.
IMPORT_MAX_MB = env_int("IMPORT_MAX_MB", 20, minimum=1)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 50_000, minimum=1)
# Partner feeds (docs/import.md): fetched with the import's size limit, this much time for the whole download, at
# most 3 redirects, public addresses only, except the networks listed here (tests serve feeds from 127.0.0.1).
# A coordinator's download of a search result (/angebote/export.csv) holds at most this many offers, the first in
# the search's order; the search page says so next to the link.
SEARCH_EXPORT_MAX_OFFERS = env_int("SEARCH_EXPORT_MAX_OFFERS", 5_000, minimum=1)
FEED_TIMEOUT_SECONDS = env_int("FEED_TIMEOUT_SECONDS", 30, minimum=1)
FEED_MAX_REDIRECTS = 3
FEED_ALLOWED_NETWORKS = env_networks("FEED_ALLOWED_NETWORKS")
INQUIRY_RATE_LIMIT = env_int("INQUIRY_RATE_LIMIT", 5, minimum=1)  # requests per address and hour
PASSWORD_RESET_RATE_LIMIT = env_int("PASSWORD_RESET_RATE_LIMIT", 5, minimum=1)  # reset mails per address and hour
OFFERS_PER_PAGE = 20  # search results on one page
# Past SEARCH_SAMPLE_ABOVE offers in a search's base (its text, place and dates), the counts are taken on a uniform
# sample of about SEARCH_SAMPLE_SIZE offers and shown as "ca." figures: exact counts would join every link and run
# row of the catalogue (seconds at 1,000,000 offers). A search the sample finds narrow is counted again on a larger
# one that reads at most SEARCH_MAX_COUNTED offers; a sampled total still under SEARCH_MIN_SAMPLED offers (a result
# of a few thousand at most) is counted exactly. Read at every search (offers.search.counting), so tests can sample a
# catalogue of a dozen offers.
SEARCH_SAMPLE_ABOVE = 5_000
SEARCH_SAMPLE_SIZE = 2_000
SEARCH_MAX_COUNTED = 5_000
SEARCH_MIN_SAMPLED = 25
# django-filter's empty option, in the wording Django 6.1 forms use here (locale/de).
FILTERS_EMPTY_CHOICE_LABEL = _("– bitte wählen –")
SITE_NAME = "Lotsendienst"
# Address of the site for links in e-mails sent outside a request (reminders); no trailing slash needed.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "")
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "barrierefreiheit@lotsendienst.example")
# The office visitors can call or write to when the portal cannot take their request (database outage page).
OFFICE_PHONE = env_str("OFFICE_PHONE", "0711 123456-0")
OFFICE_EMAIL = env_str("OFFICE_EMAIL", "beratung@lotsendienst.example")

# The read-only public API under /api/v1/ (api/, docs/urls.md): anonymous GET only, JSON, rate-limited per client
# address in the shared cache.
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120, minimum=1)  # requests per client address and minute
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],  # public data only: a logged-in editor sees what everyone sees
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.BoundedPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lotsendienst API",
    "DESCRIPTION": "Öffentliche, nur lesende Schnittstelle: Angebote, Partner, Anlaufstellen, Förderprogramme.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # served from our own static files, never from a CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Documentation only (WCAG): Swagger UI's deep links nest a link in a button, its "Try it out" form has
    # unlabelled fields and its syntax colours lack contrast; static/js/api-docs.js labels what remains.
    "SWAGGER_UI_SETTINGS": {
        "deepLinking": False,
        "validatorUrl": None,
        "supportedSubmitMethods": [],
        "syntaxHighlight": False,
    },
    "ENUM_NAME_OVERRIDES": {
        "OfferKind": "offers.models.Offer.Kind",
        "PartnerKind": "partners.models.Partner.Kind",
    },
}
# CORS: any site may read the API with GET; nothing else is allowed, and no cookies travel.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
