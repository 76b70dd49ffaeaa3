"""Every setting of the platform, read from the environment (README lists each variable)."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Ours, bottom to top: each may import only from the ones above it in this list
    # (tests/test_architecture.py holds them to it).
    "schakelteam",
    "schakelteam.organisation",
    "schakelteam.accounts",
    "kennisbank",
    "scan",
    "cases",
    "schakelteam.monitoring",
    "schakelteam.privacy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "simple_history",
    "crispy_forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "schakelteam.security.SecurityHeadersMiddleware",
    "schakelteam.security.SchakelteamCSPMiddleware",
    "schakelteam.middleware.MaintenanceMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "schakelteam.accounts.middleware.StaffSessionMiddleware",
    "schakelteam.accounts.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "schakelteam.urls"
WSGI_APPLICATION = "schakelteam.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "schakelteam.context_processors.site",
                "csp.context_processors.nonce",
                "schakelteam.security.staff_session",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE makes select_for_update-style write locks hold on SQLite.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/inloggen/"
LOGIN_REDIRECT_URL = "/werkplek/"

# Dutch first, English second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="MKB Schakelteam <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = ("utrecht",)
CRISPY_TEMPLATE_PACK = "utrecht"
CRISPY_FAIL_SILENTLY = False

WAGTAIL_SITE_NAME = "MKB Schakelteam Flevoland"
WAGTAILADMIN_BASE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
SITE_URL = WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Domain knobs.
SCHAKELTEAM_SLA_WORKING_DAYS = env.int("SCHAKELTEAM_SLA_WORKING_DAYS", default=2)
SCHAKELTEAM_BENCHMARK_K = env.int("SCHAKELTEAM_BENCHMARK_K", default=10)
SCHAKELTEAM_OPEN_DATA_K = env.int("SCHAKELTEAM_OPEN_DATA_K", default=10)
SCHAKELTEAM_MAGIC_LINK_DAYS = env.int("SCHAKELTEAM_MAGIC_LINK_DAYS", default=30)
SCHAKELTEAM_SCAN_RETENTION_DAYS = env.int("SCHAKELTEAM_SCAN_RETENTION_DAYS", default=90)
SCHAKELTEAM_CASE_RETENTION_DAYS = env.int("SCHAKELTEAM_CASE_RETENTION_DAYS", default=730)
SCHAKELTEAM_REFERRAL_OVERDUE_DAYS = env.int("SCHAKELTEAM_REFERRAL_OVERDUE_DAYS", default=5)
SCHAKELTEAM_FOLLOWUP_DAYS = env.int("SCHAKELTEAM_FOLLOWUP_DAYS", default=180)
SCHAKELTEAM_REGELING_CHECK_STALE_DAYS = env.int(
    "SCHAKELTEAM_REGELING_CHECK_STALE_DAYS", default=182
)
SCHAKELTEAM_HASH_KEY = env.str("SCHAKELTEAM_HASH_KEY", default=SECRET_KEY)
# Rate limits per endpoint, "count/seconds".
SCHAKELTEAM_RATE_LIMITS = {
    "public_form": env.str("RATE_LIMIT_PUBLIC_FORM", default="20/3600"),
    "resume_link": env.str("RATE_LIMIT_RESUME_LINK", default="5/3600"),
    "token": env.str("RATE_LIMIT_TOKEN", default="60/3600"),
    "registration": env.str("RATE_LIMIT_REGISTRATION", default="10/3600"),
    "scan_step": "600/3600",  # every scan step saves at once: one scan is 15-40 posts
}

_ = _  # gettext_lazy stays importable for settings that need labels

# Staff security and privacy (issue 8; README "Security and privacy" explains each knob).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out username+IP pairs
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_LOGIN_URL = LOGIN_URL  # Wagtail admin uses our password + TOTP login
LOGOUT_REDIRECT_URL = "/"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
SCHAKELTEAM_RECOVERY_CODES = 10
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "schakelteam.accounts.views.lockout_response"
AXES_USERNAME_FORM_FIELD = "username"
AXES_HTTP_RESPONSE_CODE = 429
# Behind a reverse proxy set this to the number of proxies that append X-Forwarded-For.
SCHAKELTEAM_TRUSTED_PROXY_COUNT = env.int("SCHAKELTEAM_TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "schakelteam.security.client_ip"
SCHAKELTEAM_STAFF_IDLE_MINUTES = env.int("SCHAKELTEAM_STAFF_IDLE_MINUTES", default=15)
SCHAKELTEAM_STAFF_MAX_HOURS = env.int("SCHAKELTEAM_STAFF_MAX_HOURS", default=8)
SCHAKELTEAM_SECURITY_CONTACT = env.str(
    "SCHAKELTEAM_SECURITY_CONTACT", default="mailto:security@mkbschakelteam.nl"
)
SCHAKELTEAM_MAINTENANCE_RETRY_AFTER = 60
SCHAKELTEAM_MAIL_MAX_ATTEMPTS = env.int("SCHAKELTEAM_MAIL_MAX_ATTEMPTS", default=5)
SCHAKELTEAM_EVENT_REGISTRATION_RETENTION_DAYS = env.int(
    "SCHAKELTEAM_EVENT_REGISTRATION_RETENTION_DAYS", default=30
)
SCHAKELTEAM_TASK_RESULT_RETENTION_DAYS = env.int(
    "SCHAKELTEAM_TASK_RESULT_RETENTION_DAYS", default=30
)
SCHAKELTEAM_ACCESS_LOG_RETENTION_DAYS = env.int(
    "SCHAKELTEAM_ACCESS_LOG_RETENTION_DAYS", default=730
)
# Strict nonce-based policy for every page except the admin (see SCHAKELTEAM_ADMIN_CSP).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Wagtail 8's admin still ships inline scripts and style attributes, so /admin/ and
# /django-admin/ get this looser policy: inline allowed, but still same-origin only, no
# plugins, no foreign framing. Remove 'unsafe-inline' once Wagtail's admin supports nonces.
SCHAKELTEAM_ADMIN_CSP_PREFIXES = ("/admin/", "/django-admin/")
SCHAKELTEAM_ADMIN_CSP = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
}
SCHAKELTEAM_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
if REDIS_URL:
    # A Redis outage must not turn into 500s: cache misses instead (sessions fall back to the DB).
    CACHES["default"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
        },
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
