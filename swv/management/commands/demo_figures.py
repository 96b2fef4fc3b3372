from swv.caching.versions import source_data_changed
from swv.importing.demo import fill_demo_figures
from swv.management.commands import DataCommand
from swv.management.commands.import_data import prepare_pages


class Command(DataCommand):
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
