from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Accounts, roles and the admin's branding. A nested app without models, so that its admin module is
    found like any other; the models it manages (SwvMedewerker, User, Group) stay where their tables are."""

    name = "uploads.staff"
    label = "staff"
    verbose_name = "Accounts en rollen"
