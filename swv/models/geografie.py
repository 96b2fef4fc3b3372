from django.db import models

from swv.models.organisatie import Samenwerkingsverband, Sector


def provenance() -> models.ForeignKey:
    """The import run that last changed an imported row.

    Provenance only, never filtered on: no index and no database constraint to check on every imported
    row (import runs are a log that is never deleted; Django still applies SET_NULL if one is).
    """
    return models.ForeignKey(
        "swv.ImportRun", null=True, on_delete=models.SET_NULL, related_name="+", db_index=False, db_constraint=False
    )


class Gemeente(models.Model):
    """A gemeente, current or dissolved; dissolved ones keep their successors through Herindeling."""

    code = models.CharField("CBS-code", max_length=6, unique=True, help_text="Bijvoorbeeld GM0363.")
    naam = models.CharField(max_length=100)
    geldig_vanaf = models.DateField(null=True, blank=True)
    geldig_tot = models.DateField(null=True, blank=True, help_text="Leeg voor een bestaande gemeente.")

    class Meta:
        ordering = ["naam"]
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __str__(self):
        return self.naam


class GemeenteGrens(models.Model):
    """The generalised boundary of a gemeente in one CBS year, repaired at import (GeoJSON, WGS84)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="grenzen")
    jaar = models.PositiveSmallIntegerField()
    geojson = models.TextField()
    import_run = provenance()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gemeente", "jaar"], name="grens_per_gemeente_per_jaar")]
        verbose_name = "gemeentegrens"
        verbose_name_plural = "gemeentegrenzen"

    def __str__(self):
        return f"{self.gemeente} ({self.jaar})"


class Herindeling(models.Model):
    """One step of a gemeentelijke herindeling: `oud` went (wholly or partly) into `nieuw` on `datum`."""

    datum = models.DateField()
    oud = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="opgegaan_in")
    nieuw = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="ontstaan_uit")
    deels = models.BooleanField(default=False, help_text="Alleen een deel van de oude gemeente ging over.")

    class Meta:
        ordering = ["datum", "oud__naam"]
        constraints = [models.UniqueConstraint(fields=["oud", "nieuw", "datum"], name="herindeling_uniek")]
        verbose_name_plural = "herindelingen"

    def __str__(self):
        return f"{self.oud} → {self.nieuw} ({self.datum:%Y})"


class Indeling(models.Model):
    """A version of the Regeling regio-indeling samenwerkingsverbanden, valid from a date."""

    naam = models.CharField(max_length=200)
    geldig_vanaf = models.DateField(unique=True)

    class Meta:
        ordering = ["-geldig_vanaf"]
        verbose_name = "regio-indeling"
        verbose_name_plural = "regio-indelingen"

    def __str__(self):
        return f"{self.naam} (vanaf {self.geldig_vanaf:%d-%m-%Y})"


class Postcodegebied(models.Model):
    """A PC4 area of one indeling, with its PO and VO SWV and the gemeente it lies in today."""

    # The unique (indeling, pc4) index serves lookups by indeling; a second index would only cost writes.
    indeling = models.ForeignKey(Indeling, on_delete=models.CASCADE, related_name="postcodegebieden", db_index=False)
    pc4 = models.CharField(max_length=4)
    gemeente_bron = models.CharField("gemeente in bronbestand", max_length=100)
    gemeente = models.ForeignKey(Gemeente, null=True, blank=True, on_delete=models.SET_NULL)
    po_swv = models.ForeignKey(
        Samenwerkingsverband, null=True, blank=True, on_delete=models.SET_NULL, related_name="po_postcodes"
    )
    vo_swv = models.ForeignKey(
        Samenwerkingsverband, null=True, blank=True, on_delete=models.SET_NULL, related_name="vo_postcodes"
    )
    import_run = provenance()

    class Meta:
        ordering = ["pc4"]
        constraints = [models.UniqueConstraint(fields=["indeling", "pc4"], name="pc4_per_indeling")]
        verbose_name = "postcodegebied (PC4)"
        verbose_name_plural = "postcodegebieden (PC4)"

    def __str__(self):
        return self.pc4


class SwvGemeente(models.Model):
    """A gemeente (or the part of it given by `postcodes`) belonging to an SWV in one indeling."""

    class Deel(models.TextChoices):
        GEHEEL = "geheel", "hele gemeente"
        ALLEEN = "alleen", "alleen de postcodes"
        BEHALVE = "behalve", "behalve de postcodes"

    indeling = models.ForeignKey(Indeling, on_delete=models.CASCADE, related_name="swv_gemeenten")
    sector = models.CharField(max_length=2, choices=Sector.choices)
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="gemeenten")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="swv_relaties")
    gemeente_bron = models.CharField("gemeente in bronbestand", max_length=200)
    deel = models.CharField(max_length=10, choices=Deel.choices, default=Deel.GEHEEL)
    postcodes = models.CharField(max_length=500, blank=True, help_text="PC4's, met komma's gescheiden.")
    gesplitst = models.BooleanField(
        default=False, help_text="De gemeente ligt in deze sector in meer dan één samenwerkingsverband."
    )
    import_run = provenance()

    class Meta:
        ordering = ["swv__code", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(fields=["indeling", "swv", "gemeente", "gemeente_bron"], name="swv_gemeente_uniek")
        ]
        verbose_name = "gemeente van een samenwerkingsverband"
        verbose_name_plural = "gemeenten van samenwerkingsverbanden"

    def __str__(self):
        return f"{self.swv.code} – {self.gemeente}"
