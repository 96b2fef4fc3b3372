"""The staff side of the admin: its branding and login form, accounts, their SWV's, and the audit log."""

import logging

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from swv.admin import ImportedAdmin
from uploads.models import SwvMedewerker
from uploads.staff.roles import BEHEERDER, ROLE_PERMISSIONS, SWV_MEDEWERKER, is_beheerder

logger = logging.getLogger("uploads.staff")
User = get_user_model()
# Failed logins are counted and locked out by django-axes (uploads/staff/login.py).
admin.site.site_header = "Passend onderwijs in beeld – beheer"
admin.site.site_title = "Beheer"


def _role_names(user) -> list[str]:
    return sorted(user.groups.values_list("name", flat=True))


@admin.register(SwvMedewerker)
class SwvMedewerkerAdmin(admin.ModelAdmin):
    """Beheerders link accounts to SWV's; the account gets the SWV-medewerker role with it. Never a
    beheerder's account (its own least of all) and never a superuser: whoever manages the links does not
    write for an SWV (separation of duties)."""

    list_display = ["user", "swv_codes"]
    search_fields = ["user__username", "user__email", "swvs__code", "swvs__naam"]
    filter_horizontal = ["swvs"]

    @admin.display(description="samenwerkingsverbanden")
    def swv_codes(self, obj):
        return ", ".join(obj.swvs.values_list("code", flat=True))

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(user=request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            others = User.objects.filter(is_superuser=False).exclude(pk=request.user.pk)
            kwargs["queryset"] = others.exclude(groups__name=BEHEERDER)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.user.groups.add(Group.objects.get(name=SWV_MEDEWERKER))
        codes = sorted(form.instance.swvs.values_list("code", flat=True))
        logger.info("staff link user=%s swvs=%s by user=%s", form.instance.user_id, codes, request.user.pk)


class AccountChangeForm(UserChangeForm):
    def clean(self):
        cleaned = super().clean()
        groups = cleaned.get("groups")
        if groups is not None and any(group.name == BEHEERDER for group in groups):
            if SwvMedewerker.objects.filter(user=self.instance, swvs__isnull=False).exists():
                raise ValidationError(
                    "Een beheerder kan niet ook medewerker van een samenwerkingsverband zijn. Haal eerst de "
                    "koppeling met de samenwerkingsverbanden weg.",
                    code="separation_of_duties",
                )
        return cleaned


admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Beheerders manage accounts but can never make or change a superuser or hand out raw permissions,
    never change their own roles, and set passwords only for SWV staff and inspectie accounts. Every role
    change and every password set by someone else goes into the admin log and the audit log."""

    form = AccountChangeForm

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
            if obj is not None and obj.pk == request.user.pk:
                fields += ["groups", "is_staff", "is_active"]
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

    def may_set_password(self, request, target) -> bool:
        """A superuser for anyone; a beheerder only for SWV staff and inspectie (not for itself, whose
        own password goes through the ordinary change with the old password, nor for another beheerder)."""
        if request.user.is_superuser:
            return True
        return target.pk != request.user.pk and not target.is_superuser and not is_beheerder(target)

    def user_change_password(self, request, id, form_url=""):
        target = self.get_object(request, id)
        if target is not None and not self.may_set_password(request, target):
            logger.warning("refused password set for user=%s by user=%s", target.pk, request.user.pk)
            raise PermissionDenied
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302 and target is not None:
            logger.warning("password set for user=%s (%s) by user=%s", target.pk, target.username, request.user.pk)
        return response

    def save_related(self, request, form, formsets, change):
        before = _role_names(form.instance) if change else []
        super().save_related(request, form, formsets, change)
        after = _role_names(form.instance)
        if before != after:
            message = f"Rollen gewijzigd: {', '.join(before) or 'geen'} → {', '.join(after) or 'geen'}."
            self.log_change(request, form.instance, message)
            logger.warning(
                "roles changed user=%s %s -> %s by user=%s", form.instance.pk, before, after, request.user.pk
            )


@admin.register(LogEntry)
class LogEntryAdmin(ImportedAdmin):
    """Who changed what through the admin; read-only for everyone (like the imported tables)."""

    list_display = ["action_time", "user", "content_type", "object_repr", "action_flag", "change_message"]
    list_filter = ["action_flag", "content_type"]
    search_fields = ["object_repr", "user__username"]
    list_select_related = ["user", "content_type"]
