from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate


def _sync_roles(sender, using="default", **kwargs):
    """Keep the role groups complete after every migrate (models added later get their permissions)."""
    from uploads.staff.roles import sync_roles

    sync_roles(using=using)


class UploadsConfig(AppConfig):
    name = "uploads"
    verbose_name = "Documenten van samenwerkingsverbanden"

    def ready(self):
        # uploads is the last app: its post_migrate comes after every app's permissions were created.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="uploads.sync_roles")
        from uploads.models import Document
        from uploads.services import remove_stored_file

        post_delete.connect(remove_stored_file, sender=Document, dispatch_uid="uploads.remove_stored_file")
