from django.core.management.base import BaseCommand


class DataCommand(BaseCommand):
    # Data commands skip the system checks (URL and template scans): `manage.py check` and CI run them.
    requires_system_checks: list[str] = []
