from django.db import models

from swv.models.cijfers import Indicator
from swv.models.organisatie import Samenwerkingsverband


class Melding(models.Model):
    """A visitor's report that a figure looks wrong ("Klopt dit niet?"), read by the beheerder.

    Created through swv.meldingen.services only; no personal data is required (the e-mail address is
    optional, for visitors who want an answer)."""

    swv = models.ForeignKey(
        Samenwerkingsverband, null=True, blank=True, on_delete=models.SET_NULL, related_name="meldingen"
    )
    indicator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    periode = models.CharField(max_length=20, blank=True)
    getoonde_waarde = models.CharField(
        "getoonde waarde", max_length=100, blank=True, help_text="De waarde die de site toonde toen de melding kwam."
    )
    pagina = models.CharField(max_length=300, blank=True, help_text="De pagina waarop de bezoeker het cijfer zag.")
    omschrijving = models.TextField("wat klopt er niet", max_length=2000)
    bron = models.TextField("hoe weet de melder dat", max_length=1000, blank=True)
    email = models.EmailField("e-mailadres (niet verplicht)", blank=True)
    ontvangen_op = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-ontvangen_op"]
        verbose_name = "melding over een cijfer"
        verbose_name_plural = "meldingen over cijfers („Klopt dit niet?”)"

    def __str__(self):
        over = " ".join(str(x) for x in (self.indicator, self.swv and self.swv.code, self.periode) if x)
        return f"{self.ontvangen_op:%d-%m-%Y %H:%M} – {over or 'algemeen'}"
