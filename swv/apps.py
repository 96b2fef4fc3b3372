from django.apps import AppConfig
from django.urls import register_converter

from swv.codes import SwvCodeConverter


class SwvConfig(AppConfig):
    name = "swv"
    verbose_name = "Samenwerkingsverbanden en cijfers"

    def ready(self):
        from django.db.models.signals import post_migrate

        from swv.services.catalogue import sync_catalogue_after_migrate

        post_migrate.connect(sync_catalogue_after_migrate, sender=self)
        # Every urlconf may use <swvcode:...>; registered before any of them is imported.
        register_converter(SwvCodeConverter, "swvcode")
