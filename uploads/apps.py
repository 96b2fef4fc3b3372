from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate


class UploadsConfig(AppConfig):
    name = "uploads"
    verbose_name = "Toelichtingen en documenten van samenwerkingsverbanden"

    def ready(self):
        # These modules import the models, which can be imported only once the apps are loaded.
        from uploads import models, services
        from uploads.staff import roles

        # uploads is the last app: its post_migrate comes after every app's permissions were created.
        post_migrate.connect(roles.sync_roles_after_migrate, sender=self, dispatch_uid="uploads.sync_roles")
        post_delete.connect(
            services.remove_stored_file, sender=models.Document, dispatch_uid="uploads.remove_stored_file"
        )
