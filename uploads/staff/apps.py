from importlib import import_module

from django.apps import AppConfig, apps
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.module_loading import module_has_submodule

# Apps whose admin module is not loaded: django-leaflet's registers map widgets for GeoDjango, whose import
# needs the GDAL C library at every start, and no model here has a geometry field (the site uses only
# Leaflet's static files from it).
NOT_DISCOVERED = {"leaflet"}


class AdminConfig(SimpleAdminConfig):
    """django.contrib.admin with the discovery of admin modules Django's default AdminConfig does, except
    for the apps in NOT_DISCOVERED (SimpleAdminConfig is Django's documented way to discover by hand)."""

    def ready(self):
        super().ready()
        for app in apps.get_app_configs():
            if app.name not in NOT_DISCOVERED and module_has_submodule(app.module, "admin"):
                import_module(f"{app.name}.admin")


class StaffConfig(AppConfig):
    """Accounts, roles and the admin's branding. A nested app without models, so that its admin module is
    found like any other; the models it manages (SwvMedewerker, User, Group) stay where their tables are."""

    name = "uploads.staff"
    label = "staff"
    verbose_name = "Accounts en rollen"
