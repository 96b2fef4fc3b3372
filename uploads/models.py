"""What SWV's supply themselves: their toelichting per theme and their documents."""

from django.conf import settings
from django.db import models

from swv.models import Samenwerkingsverband


class Thema(models.TextChoices):
    INTRO = "intro", "Introductie"
    ONDERSTEUNING = "ondersteuning", "Ondersteuning"
    FINANCIEN = "financien", "Financiën"
    ORGANISATIE = "organisatie", "Organisatie"


class Toelichting(models.Model):
    """An SWV's own explanation of one theme: a draft being written and the published text."""

    MAX_LENGTH = 6000

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.CASCADE, related_name="toelichtingen")
    thema = models.CharField(max_length=20, choices=Thema.choices)
    concept = models.TextField("concepttekst", blank=True, max_length=MAX_LENGTH)
    gepubliceerd = models.TextField("gepubliceerde tekst", blank=True, max_length=MAX_LENGTH, editable=False)
    gepubliceerd_op = models.DateTimeField(null=True, blank=True, editable=False)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )

    class Meta:
        ordering = ["swv__code", "thema"]
        constraints = [models.UniqueConstraint(fields=["swv", "thema"], name="toelichting_per_thema")]
        verbose_name = "toelichting"
        verbose_name_plural = "toelichtingen"

    def __str__(self):
        return f"{self.swv.code} – {self.get_thema_display()}"
