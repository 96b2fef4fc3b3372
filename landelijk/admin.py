from django.contrib import admin

from landelijk.models import ThemaContext
from landelijk.services import save_thema_context


@admin.register(ThemaContext)
class ThemaContextAdmin(admin.ModelAdmin):
    list_display = ["thema", "gewijzigd_op"]
    readonly_fields = ["gewijzigd_op"]

    def has_add_permission(self, request):
        # One text per theme; the three rows exist from the migration on.
        return super().has_add_permission(request) and ThemaContext.objects.count() < len(ThemaContext.Thema)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        save_thema_context(context=obj)
