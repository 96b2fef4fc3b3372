from django.db import models


class ThemaContext(models.Model):
    """The text a beheerder writes to explain what the national figures of one theme mean."""

    class Thema(models.TextChoices):
        ONDERSTEUNING = "ondersteuning", "Ondersteuning"
        FINANCIEN = "financien", "Financiën"
        ORGANISATIE = "organisatie", "Organisatie"

    thema = models.CharField(max_length=20, choices=Thema.choices, unique=True)
    tekst = models.TextField(
        blank=True,
        max_length=6000,
        help_text="Uitleg bij de cijfers van dit thema. Opmaak: **vet**, *cursief*, lijstjes en links.",
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["thema"]
        verbose_name = "contexttekst per thema"
        verbose_name_plural = "contextteksten per thema"

    def __str__(self):
        return self.get_thema_display()
