from django.conf import settings
from django.core.management.base import BaseCommand

from swv.meldingen.services import erase_old_emails


class Command(BaseCommand):
    # Run daily (cron): the privacy statement promises the erasure even when no new report comes in.
    requires_system_checks = []
    help = "Wis de e-mailadressen van meldingen ('Klopt dit niet?') die ouder zijn dan de bewaartermijn."

    def handle(self, *args, **options):
        erased = erase_old_emails()
        months = settings.MELDING_EMAIL_BEWAARTERMIJN_MAANDEN
        self.stdout.write(f"{erased} e-mailadres(sen) gewist van meldingen ouder dan {months} maanden.")
