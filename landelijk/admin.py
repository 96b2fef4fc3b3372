from django.contrib import admin

from landelijk.models import ThemaContext


@admin.register(ThemaContext)
class ThemaContextAdmin(admin.ModelAdmin):
    list_display = ["thema", "gewijzigd_op"]
    readonly_fields = ["gewijzigd_op"]

    def has_add_permission(self, request):
        # One text per theme; the three rows exist from the migration on.
        return super().has_add_permission(request) and ThemaContext.objects.count() < len(ThemaContext.Thema)

    def has_delete_permission(self, request, obj=None):
        return False
