from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    """A nested app without models, so that its admin module is found like any other; the Melding
    model keeps its table in the swv app."""

    name = "swv.meldingen"
    label = "meldingen"
    verbose_name = "Klopt dit niet?"
