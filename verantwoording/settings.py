"""Settings for Passend onderwijs in beeld, read from the environment (see README)."""

import datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from verantwoording.env import env_bool, env_float, env_int, env_json, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

# Without DEBUG the site is public: refuse to start with a guessable key or an open host list.
SECRET_KEY = env_str("SECRET_KEY", required=not DEBUG) or "dev-only-insecure-key-do-not-use-in-production"
if not DEBUG and (len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for a public site: use at least 50 random characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"], required=not DEBUG)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "uploads.staff.apps.AdminConfig",  # django.contrib.admin, without loading django-leaflet's admin (GDAL)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",  # before uploads, whose post_migrate grants the roles their permissions (axes' included)
    "swv",
    "swv.meldingen",
    "landelijk",
    "uploads",
    "uploads.staff",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "leaflet",  # Leaflet's JS and CSS, served by staticfiles from the app like any app's static files
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "verantwoording.security.RequestSizeLimitMiddleware",
    # Outside the page cache, so cached open-data answers carry CORS, licence and API-Version too.
    "swv.opendata.headers.OpenDataHeadersMiddleware",
    "verantwoording.security.RejectUnreadableInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "swv.caching.middleware.PublicPageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check: a DELETE on a page is a 405, not an expired form.
    "verantwoording.security.PublicMethodsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "verantwoording.security.ContentSecurityPolicyMiddleware",
    "verantwoording.security.ProxyConfigurationWarningMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "verantwoording.urls"
WSGI_APPLICATION = "verantwoording.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "swv.context_processors.site",
            ],
        },
    },
]

# PostgreSQL in tests and production; a SQLite file is the zero-setup default for a local demo.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    # Documents go through Django's storage API: an S3-compatible store replaces the disk by
    # configuration (e.g. MEDIA_STORAGE_BACKEND=storages.backends.s3.S3Storage with its OPTIONS as JSON).
    "default": {
        "BACKEND": env_str("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env_json("MEDIA_STORAGE_OPTIONS", {}),
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded documents live outside static/ and are served through a view, never as static files.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

# The open-data folder used by `make run` and the tests (`../shared/data` beside the checkout).
DATA_DIR = env_str("DATA_DIR")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # Uploads, admin changes and logins are always logged (next to the admin's LogEntry table).
    "loggers": {
        "uploads": {"level": env_str("AUDIT_LOG_LEVEL", "INFO")},
        "verantwoording.security": {"level": env_str("AUDIT_LOG_LEVEL", "INFO")},
    },
}

# --- Security -------------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
# HTTPS only in production; behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=1.
SECURE_SSL_REDIRECT = not DEBUG and env_bool("SECURE_SSL_REDIRECT", default=True)
if env_bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
# includeSubDomains and preload bind every subdomain and, once in the browsers' preload list, cannot be
# undone quickly: the domain's owner opts in (so manage.py check --deploy does not ask for them).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "verantwoording.errors.csrf_failure"  # Dutch, in the site's layout

# Content Security Policy (verantwoording.security): 'self' only, data: images, the map tiles host.
MAP_TILES_URL = env_str("MAP_TILES_URL", "")
MAP_TILES_ATTRIBUTION = env_str("MAP_TILES_ATTRIBUTION", "")
# No template uses style attributes, so styles are "self" only too; CSP_STYLE_UNSAFE_INLINE=1 relaxes that.
CSP_STYLE_UNSAFE_INLINE = env_bool("CSP_STYLE_UNSAFE_INLINE", default=False)

# Login lockout by django-axes: LOGIN_FAILURE_LIMIT failures for one account (from any addresses) lock
# that account, and as many from one address lock that address, for LOGIN_LOCKOUT_SECONDS. Counted in
# the database, so it holds while Redis is away; attempts are listed in the admin (Axes).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(seconds=env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "verantwoording.security.client_ip"
AXES_LOCKOUT_CALLABLE = "uploads.staff.login.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Number of reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
# Behind a proxy it must be set, else every visitor has the proxy's address (the app warns when it sees one).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Uploads: documents are at most 25 MB (uploads.validators); larger request bodies of other forms are refused.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_REQUEST_BYTES = 26 * 1024 * 1024  # whole request; verantwoording.security.RequestSizeLimitMiddleware
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750

# One shared cache for every app server: Redis when REDIS_URL is set, process memory otherwise (one
# process only). Cached pages are compared with a data version that every change sets (see README).
# Redis is never required for serving: a failed or slow command (REDIS_TIMEOUT seconds) is a cache miss,
# and after one failure the process leaves Redis alone for a second (swv.caching.pool).
REDIS_URL = env_str("REDIS_URL")
REDIS_TIMEOUT = env_float("REDIS_TIMEOUT", 0.1)
CACHES = {
    "default": (
        {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "poib"),
            "TIMEOUT": None,  # entries are keyed by data version; Redis evicts the least recently used
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_POOL_CLASS": "swv.caching.pool.BreakerConnectionPool",
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}
    )
}
# The pages each process served in the last second or so (swv.caching.middleware): a page asked for
# thousands of times a second costs one Redis read per second per process, and a Redis outage one render.
# Another server's change shows after at most this long (0 turns the copies off).
CACHES["local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages-of-this-process",
    "TIMEOUT": env_int("PAGE_CACHE_PROCESS_SECONDS", 1),
    "OPTIONS": {"MAX_ENTRIES": 300},
}
# The breaker logs an outage once; a traceback per ignored command would flood the log while it lasts.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
# Sessions (staff only: anonymous visitors get none) live in the database, so logging in and out never
# depends on Redis, and a logout during a Redis outage cannot leave a cached session behind.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=not DEBUG)
# What cached pages tell a CDN or reverse proxy (browsers always revalidate): keep a page this long, ...
PAGE_CACHE_SHARED_SECONDS = env_int("PAGE_CACHE_SHARED_SECONDS", 60)
# ... then serve the old copy while fetching a new one, and serve it while the site answers with errors.
PAGE_CACHE_STALE_WHILE_REVALIDATE = env_int("PAGE_CACHE_STALE_WHILE_REVALIDATE", 60)
PAGE_CACHE_STALE_IF_ERROR = env_int("PAGE_CACHE_STALE_IF_ERROR", 24 * 60 * 60)
PAGE_CACHE_MAX_BYTES = env_int("PAGE_CACHE_MAX_BYTES", 16 * 1024 * 1024)  # larger answers are not stored

# --- Publisher and open data (swv/opendata) -------------------------------------------------------
# Who publishes the site and answers questions: the colophon, the data catalogue and the API's contact.
SITE_NAME = "Passend onderwijs in beeld"  # in print footers and in the open data's source note
SITE_URL = env_str("SITE_URL", "https://passendonderwijsinbeeld.nl").rstrip("/")
PUBLISHER_NAME = env_str("PUBLISHER_NAME", "Passend onderwijs in beeld")
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "info@passendonderwijsinbeeld.nl")
# E-mail addresses left with a "Klopt dit niet?" report are erased after this many months (privacy statement).
MELDING_EMAIL_BEWAARTERMIJN_MAANDEN = env_int("MELDING_EMAIL_BEWAARTERMIJN_MAANDEN", 12)
# The full version of the open data API (semver); the major version is the /api/v1 in its paths.
API_VERSION = "1.0.0"

# --- Open data API (swv/opendata/api) -------------------------------------------------------------
# Read-only and anonymous: no authentication, so no sessions or CSRF; every list is paginated.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "swv.opendata.api.renderers.BrowsableApi",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "swv.opendata.api.negotiation.UrlDecides",
    "DEFAULT_PAGINATION_CLASS": "swv.opendata.api.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    # Every error as problem details in Dutch (RFC 9457, NL API Design Rules).
    "EXCEPTION_HANDLER": "swv.opendata.api.problems.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Passend onderwijs in beeld – open data API",
    "DESCRIPTION": (
        "Alleen-lezen API met de samenwerkingsverbanden passend onderwijs, gemeenten, de catalogus van "
        "indicatoren en alle waarden, met bron en peildatum. Dezelfde cijfers als op de website. De cijfers en "
        "metadata zijn vrij te gebruiken onder CC0 1.0; de documenten en toelichtingen van de "
        "samenwerkingsverbanden vallen daar niet onder."
    ),
    "VERSION": API_VERSION,
    # Paths relative to the server /api/v1, which carries the major version (ADR /core/uri-version).
    "SERVERS": [{"url": "/api/v1", "description": "Versie 1 op deze site"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "CONTACT": {"name": PUBLISHER_NAME, "email": CONTACT_EMAIL, "url": f"{SITE_URL}/api/#contact"},
    "LICENSE": {
        "name": "CC0 1.0 Universeel",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/",
    },
    # The .json/.api suffixes work but are not separate resources in the document.
    "PREPROCESSING_HOOKS": ["drf_spectacular.hooks.preprocess_exclude_path_format"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "swv.opendata.api.schema.add_errors_and_version_header",
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
}
