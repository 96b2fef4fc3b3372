from django.conf import settings
from django.db import models


class ImportRun(models.Model):
    class Status(models.TextChoices):
        GELUKT = "gelukt", "gelukt"
        ONGEWIJZIGD = "ongewijzigd", "gelukt, niets veranderd"
        GEWEIGERD = "geweigerd", "geweigerd"

    bron = models.CharField(max_length=50, db_index=True)
    bestandsnaam = models.CharField(max_length=300)
    checksum = models.CharField("SHA-256", max_length=64)
    status = models.CharField(max_length=12, choices=Status.choices)
    rijen_gelezen = models.PositiveIntegerField(default=0)
    rijen_geladen = models.PositiveIntegerField(default=0)
    rijen_geweigerd = models.PositiveIntegerField(default=0)
    wijzigingen = models.PositiveIntegerField(default=0, help_text="Aangemaakte, gewijzigde en verwijderde rijen.")
    fouten = models.JSONField(default=list, blank=True)
    meldingen = models.JSONField(default=list, blank=True, help_text="Overgeslagen of benaderde rijen.")
    fictief = models.BooleanField(
        default=False, help_text="Voorbeeldbestand: de cijfers worden als fictief opgeslagen."
    )
    per_eenheid = models.JSONField(
        default=dict,
        blank=True,
        help_text="Per samenwerkingsverband of gemeente: hoeveel rijen toegevoegd, gewijzigd en verwijderd.",
    )
    opties = models.JSONField(
        default=dict,
        blank=True,
        help_text="Wat de beheerder bij deze import uitdrukkelijk toestond (verwijderen, nieuw samenwerkingsverband).",
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    door_naam = models.CharField("uitgevoerd door", max_length=150, blank=True)
    gestart = models.DateTimeField(auto_now_add=True)
    duur_seconden = models.FloatField(default=0)

    class Meta:
        ordering = ["-gestart"]
        verbose_name = "import"
        verbose_name_plural = "imports"

    def __str__(self):
        return f"{self.bron}: {self.bestandsnaam} ({self.get_status_display()})"
