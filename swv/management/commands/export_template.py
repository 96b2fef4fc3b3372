from pathlib import Path

from django.core.management.base import CommandError

from swv.importing.registry import SOURCES
from swv.importing.templates import template_csv, template_xlsx
from swv.management.commands import DataCommand


class Command(DataCommand):
    help = "Schrijf een voorbeeldbestand (sjabloon) voor een bron: kopregel, voorbeeldrij en (xlsx) toelichting."

    def add_arguments(self, parser):
        parser.add_argument("source", choices=[k for k, s in SOURCES.items() if s.template])
        parser.add_argument("--format", choices=["csv", "xlsx"], default="xlsx")
        parser.add_argument("--out", type=Path, help="bestand; standaard <bron>-sjabloon.<format>")

    def handle(self, *args, source, format, out, **options):
        content = template_xlsx(SOURCES[source]) if format == "xlsx" else template_csv(SOURCES[source])
        out = out or Path(f"{source}-sjabloon.{format}")
        if out.exists() and out.is_dir():
            raise CommandError(f"{out} is een map")
        out.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Sjabloon geschreven: {out}"))
