from django.core.management.base import BaseCommand

from swv.management.commands.import_data import prepare_pages
from swv.services.cache import source_data_changed
from swv.services.demo import fill_demo_figures


class Command(BaseCommand):
    # Data commands skip the system checks (URL and template scans): `manage.py check` and CI run them.
    requires_system_checks = []
    help = (
        "Vul fictieve, plausibele cijfers voor elke indicator van elk geladen samenwerkingsverband en elke "
        "gemeente (meerdere perioden). Ze zijn als fictief gemarkeerd; een echte import vervangt ze."
    )

    def handle(self, *args, **options):
        changes = fill_demo_figures()
        if changes.total:
            source_data_changed()
        self.stdout.write(self.style.SUCCESS(f"Fictieve cijfers: {changes.total} wijziging(en)."))
        prepare_pages(self.stdout, self.stderr)
