"""Admin for the imported data: everyone with access may look, nobody may change a figure by hand.

Imported tables change only through an import (so every figure keeps its source and import run).
"""

from django.contrib import admin

from swv import models


class ImportedAdmin(admin.ModelAdmin):
    """Read-only: no add, change or delete through the web, for any user."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Samenwerkingsverband)
class SamenwerkingsverbandAdmin(ImportedAdmin):
    list_display = ["code", "naam", "sector", "plaats", "geldig_vanaf"]
    list_filter = ["sector"]
    search_fields = ["code", "naam", "plaats"]
    exclude = ["regio_geojson"]


@admin.register(models.Gemeente)
class GemeenteAdmin(ImportedAdmin):
    list_display = ["code", "naam", "geldig_tot"]
    list_filter = [("geldig_tot", admin.EmptyFieldListFilter)]
    search_fields = ["code", "naam"]


@admin.register(models.GemeenteGrens)
class GemeenteGrensAdmin(ImportedAdmin):
    list_display = ["gemeente", "jaar", "import_run"]
    list_filter = ["jaar"]
    search_fields = ["gemeente__naam", "gemeente__code"]
    exclude = ["geojson"]
    list_select_related = ["gemeente", "import_run"]


@admin.register(models.Herindeling)
class HerindelingAdmin(ImportedAdmin):
    list_display = ["datum", "oud", "nieuw", "deels"]
    list_select_related = ["oud", "nieuw"]
    search_fields = ["oud__naam", "nieuw__naam"]


@admin.register(models.Indeling)
class IndelingAdmin(ImportedAdmin):
    list_display = ["naam", "geldig_vanaf"]


@admin.register(models.Postcodegebied)
class PostcodegebiedAdmin(ImportedAdmin):
    list_display = ["pc4", "gemeente_bron", "gemeente", "po_swv", "vo_swv", "indeling"]
    list_filter = ["indeling"]
    search_fields = ["pc4", "gemeente_bron", "gemeente__naam"]
    list_select_related = ["gemeente", "po_swv", "vo_swv", "indeling"]


@admin.register(models.SwvGemeente)
class SwvGemeenteAdmin(ImportedAdmin):
    list_display = ["swv", "gemeente", "gemeente_bron", "deel", "postcodes", "gesplitst", "indeling"]
    list_filter = ["sector", "indeling", "gesplitst", "deel"]
    search_fields = ["swv__code", "swv__naam", "gemeente__naam", "gemeente_bron"]
    list_select_related = ["swv", "gemeente", "indeling"]


@admin.register(models.Schoolbestuur)
class SchoolbestuurAdmin(ImportedAdmin):
    list_display = ["nummer", "naam"]
    search_fields = ["nummer", "naam"]


@admin.register(models.Vestiging)
class VestigingAdmin(ImportedAdmin):
    list_display = ["brin6", "naam", "soort", "plaats", "gemeente", "swv", "bestuur"]
    list_filter = ["soort"]
    search_fields = ["brin6", "naam", "plaats"]
    list_select_related = ["gemeente", "swv", "bestuur"]


@admin.register(models.Indicator)
class IndicatorAdmin(ImportedAdmin):
    """The catalogue is declared in swv/data/indicatoren.csv and synced on migrate."""

    list_display = ["code", "label", "thema", "eenheid", "niveau", "sector", "aggregatie", "bron"]
    list_filter = ["thema", "niveau", "eenheid", "aggregatie"]
    search_fields = ["code", "label", "definitie"]


@admin.register(models.Waarde)
class WaardeAdmin(ImportedAdmin):
    list_display = ["indicator", "swv", "gemeente", "periode", "getal", "tekst", "status", "fictief", "import_run"]
    list_filter = ["fictief", "status", "indicator__thema", "indicator"]
    search_fields = ["swv__code", "swv__naam", "gemeente__naam", "indicator__code"]
    list_select_related = ["indicator", "swv", "gemeente", "import_run"]
    show_full_result_count = False


@admin.register(models.ImportRun)
class ImportRunAdmin(ImportedAdmin):
    list_display = [
        "gestart",
        "bron",
        "bestandsnaam",
        "status",
        "rijen_gelezen",
        "rijen_geladen",
        "wijzigingen",
        "door_naam",
    ]
    list_filter = ["bron", "status"]
    search_fields = ["bestandsnaam", "checksum"]
