"""'Klopt dit niet?' reports in the admin: read-only, and only for beheerders (and superusers), who can
delete a report when its reporter asks for that."""

from django.contrib import admin

from swv.models import Melding
from uploads.staff.roles import BEHEERDER


@admin.register(Melding)
class MeldingAdmin(admin.ModelAdmin):
    list_display = ["ontvangen_op", "indicator", "swv", "periode", "getoonde_waarde", "kort"]
    list_filter = ["indicator__thema", "swv__sector"]
    search_fields = ["omschrijving", "swv__code", "indicator__code", "indicator__label"]
    date_hierarchy = "ontvangen_op"
    list_select_related = ["indicator", "swv"]
    readonly_fields = [
        "ontvangen_op",
        "swv",
        "indicator",
        "periode",
        "getoonde_waarde",
        "pagina",
        "omschrijving",
        "bron",
        "email",
    ]

    @admin.display(description="melding")
    def kort(self, obj):
        return obj.omschrijving[:80] + ("…" if len(obj.omschrijving) > 80 else "")

    @staticmethod
    def _is_beheerder(request) -> bool:
        user = request.user
        return user.is_active and (user.is_superuser or user.groups.filter(name=BEHEERDER).exists())

    def has_module_permission(self, request):
        return self._is_beheerder(request)

    def has_view_permission(self, request, obj=None):
        return self._is_beheerder(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # A reporter may ask for the report to be removed (privacy statement); a beheerder does that here.
        return self._is_beheerder(request)
