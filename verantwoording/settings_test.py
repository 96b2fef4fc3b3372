"""Settings for the test suite: PostgreSQL on the local server unless DATABASE_URL says otherwise."""

import os
import uuid

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/verantwoording")
os.environ.setdefault("SECRET_KEY", "test-only-key-not-secret-" + "0123456789abcdef" * 3)
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
# Redis as in production; a prefix per test session (inherited by the test server process) keeps
# parallel sessions and earlier runs from sharing cached pages.
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
# A busy test machine can take longer than production's 0.1 s for a command; the Redis fault test sets
# 0.1 for the server it starts.
os.environ.setdefault("REDIS_TIMEOUT", "1")
os.environ.setdefault("CACHE_KEY_PREFIX", f"test-{uuid.uuid4().hex[:12]}")

from verantwoording.env import env_bool  # noqa: E402
from verantwoording.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SECURE_SSL_REDIRECT = False  # the test client and the browser-test server speak plain HTTP
SECURE_HSTS_SECONDS = 0
# Every test session has its own key prefix in the shared Redis: let its entries expire after an hour.
CACHES["default"]["TIMEOUT"] = 3600  # noqa: F405
# Tests change data behind the ORM's back (bulk updates inside rolled-back transactions); the page
# cache is switched on only in the tests about it.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=False)  # on in servers of the Redis fault test)
