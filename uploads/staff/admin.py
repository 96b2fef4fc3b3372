"""The staff side of the admin: its branding and login form, accounts, their SWV's, and the audit log."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group

from swv.admin import ImportedAdmin
from uploads.models import SwvMedewerker
from uploads.staff.roles import ROLE_PERMISSIONS, SWV_MEDEWERKER
from verantwoording.security import AdminLoginForm

# Failed logins are counted and locked out (verantwoording.security); the form says so in Dutch.
admin.site.login_form = AdminLoginForm
admin.site.site_header = "Passend onderwijs in beeld – beheer"
admin.site.site_title = "Beheer"


@admin.register(SwvMedewerker)
class SwvMedewerkerAdmin(admin.ModelAdmin):
    """Beheerders link accounts to SWV's; the account gets the SWV-medewerker role with it."""

    list_display = ["user", "swv_codes"]
    search_fields = ["user__username", "user__email", "swvs__code", "swvs__naam"]
    filter_horizontal = ["swvs"]

    @admin.display(description="samenwerkingsverbanden")
    def swv_codes(self, obj):
        return ", ".join(obj.swvs.values_list("code", flat=True))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = get_user_model().objects.filter(is_superuser=False)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.user.groups.add(Group.objects.get(name=SWV_MEDEWERKER))


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Beheerders manage accounts but can never make or change a superuser or hand out raw permissions."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
        return fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=list(ROLE_PERMISSIONS))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(LogEntry)
class LogEntryAdmin(ImportedAdmin):
    """Who changed what through the admin; read-only for everyone (like the imported tables)."""

    list_display = ["action_time", "user", "content_type", "object_repr", "action_flag", "change_message"]
    list_filter = ["action_flag", "content_type"]
    search_fields = ["object_repr", "user__username"]
    list_select_related = ["user", "content_type"]
