import os

from django.core.wsgi import get_wsgi_application
from django.urls import resolve

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verantwoording.settings")
application = get_wsgi_application()

# Import every view (and what the views import) while the worker boots, not during its first request:
# otherwise the first visitor of each new worker waits half a second for the URL configuration.
resolve("/")
