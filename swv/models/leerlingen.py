from django.db import models

from swv.models.geografie import provenance
from swv.models.organisatie import Samenwerkingsverband


class Leerlingtelling(models.Model):
    """Pupils of one school location (vestiging) of one kind on one teldatum, as DUO published them.

    The SWV is the one of the region the vestiging lies in (its PC4 in the indeling valid on the
    teldatum): bo, sbo and so count for the PO SWV, vso, vo and pro for the VO SWV. DUO itself counts
    special-school pupils by the SWV that pays for them, which can differ.
    """

    class Soort(models.TextChoices):
        BO = "bo", "basisonderwijs"
        SBO = "sbo", "speciaal basisonderwijs"
        SO = "so", "speciaal onderwijs"
        VSO = "vso", "voortgezet speciaal onderwijs"
        VO = "vo", "voortgezet onderwijs (zonder praktijkonderwijs)"
        PRO = "pro", "praktijkonderwijs"

    bron = models.CharField(max_length=50, help_text="De bron (importer) die deze telling leverde.")
    peildatum = models.DateField()
    brin6 = models.CharField("BRIN6", max_length=6)
    naam = models.CharField(max_length=200, blank=True)
    soort = models.CharField(max_length=3, choices=Soort.choices)
    aantal = models.PositiveIntegerField()
    pc4 = models.CharField(max_length=4, blank=True)
    swv = models.ForeignKey(
        Samenwerkingsverband, null=True, blank=True, on_delete=models.SET_NULL, related_name="leerlingtellingen"
    )
    import_run = provenance()

    class Meta:
        ordering = ["peildatum", "brin6", "soort"]
        constraints = [
            models.UniqueConstraint(fields=["peildatum", "brin6", "soort"], name="leerlingtelling_uniek"),
        ]
        indexes = [models.Index(fields=["swv", "peildatum"], name="leerlingtelling_swv")]
        verbose_name = "leerlingtelling per vestiging"
        verbose_name_plural = "leerlingtellingen per vestiging"

    def __str__(self):
        return f"{self.brin6} {self.soort} {self.peildatum}: {self.aantal}"


class Schoolcijfer(models.Model):
    """One value of a school-level indicator (niveau 'vestiging', e.g. verplaatsingen per school) for one
    vestiging in one period, with the counts it was computed from so SWV totals are sums, not averages."""

    indicator = models.ForeignKey("swv.Indicator", on_delete=models.CASCADE, related_name="schoolcijfers")
    brin6 = models.CharField("BRIN6", max_length=6)
    periode = models.CharField(max_length=20)
    peildatum = models.DateField()
    teller = models.PositiveIntegerField(help_text="Bijvoorbeeld de verplaatste leerlingen.")
    noemer = models.PositiveIntegerField(help_text="Bijvoorbeeld alle leerlingen van de vestiging.")
    getal = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    import_run = provenance()

    class Meta:
        ordering = ["indicator", "brin6", "peildatum"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "brin6", "periode"], name="schoolcijfer_uniek"),
        ]
        verbose_name = "cijfer per school"
        verbose_name_plural = "cijfers per school"

    def __str__(self):
        return f"{self.indicator_id} {self.brin6} {self.periode}"
