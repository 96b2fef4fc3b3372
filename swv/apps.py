from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.urls import register_converter

from swv.converters import CONVERTERS


class SwvConfig(AppConfig):
    name = "swv"
    verbose_name = "Samenwerkingsverbanden en cijfers"

    def ready(self):
        # catalogue imports the models, which can be imported only once the apps are loaded.
        from swv.services import catalogue

        post_migrate.connect(catalogue.sync_catalogue_after_migrate, sender=self)
        # Every urlconf may use them; registered before any of them is imported.
        for name, converter in CONVERTERS.items():
            register_converter(converter, name)
