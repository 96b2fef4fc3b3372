from django import forms

from swv.models import Melding


class MeldingForm(forms.Form):
    """What the visitor writes; which figure it is about travels in the hidden fields."""

    omschrijving = forms.CharField(
        label="Wat klopt er volgens u niet?",
        max_length=Melding._meta.get_field("omschrijving").max_length,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Schrijf kort wat er volgens u niet klopt."},
    )
    bron = forms.CharField(
        label="Hoe weet u dat? (niet verplicht)",
        required=False,
        max_length=Melding._meta.get_field("bron").max_length,
        widget=forms.Textarea(attrs={"rows": 3, "aria-describedby": "hint-bron"}),
        help_text="Bijvoorbeeld: het jaarverslag van het samenwerkingsverband noemt een ander getal.",
    )
    email = forms.EmailField(
        label="Uw e-mailadres (niet verplicht)",
        required=False,
        help_text="Alleen als u een antwoord wilt. We gebruiken het voor niets anders.",
        error_messages={"invalid": "Dit is geen geldig e-mailadres. U mag het veld ook leeg laten."},
        widget=forms.EmailInput(attrs={"aria-describedby": "hint-email", "autocomplete": "email"}),
    )
    # Honeypot: hidden from people, filled in by spam robots.
    website = forms.CharField(label="Laat dit veld leeg", required=False)
    swv = forms.CharField(required=False, max_length=6, widget=forms.HiddenInput)
    indicator = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)
    periode = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    pagina = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
