"""The roles of the site as auth groups, and which SWV's a user may see and write in the admin.

- SWV-medewerker: writes toelichting, documents and self-reported figures of the SWV's it is linked to
  (uploads.SwvMedewerker); sees nothing of other SWV's.
- beheerder: imports data, edits the national context texts (app landelijk), manages accounts and
  the staff-SWV links, reads everything.
- inspectie / ministerie: reads everything in the admin, changes nothing.
Separation of duties (uploads/staff/admin.py): an account is SWV staff or beheerder, never both; a
beheerder never changes its own roles or links, and sets passwords only for SWV staff and inspectie
accounts, each time recorded in the admin log and the audit log.
Anonymous visitors see the public pages only. The groups are created by a data migration and kept
in sync after every migrate (so permissions of models added later, e.g. landelijk texts, are granted).
"""

from django.apps import apps as global_apps
from django.db.models import QuerySet

from uploads.models import Samenwerkingsverband, SwvMedewerker

SWV_MEDEWERKER = "SWV-medewerker"
BEHEERDER = "beheerder"
INSPECTIE = "inspectie / ministerie"

VIEW_ALL_PERMISSION = "uploads.view_all_swvs"

# (app_label, model) -> actions; "*" for app_label-wide grants is expanded over that app's models.
_UPLOAD_MODELS = ["toelichting", "toelichtingversie", "document", "zelfgerapporteerdcijfer"]

ROLE_PERMISSIONS: dict[str, list[tuple[str, str, str]]] = {
    SWV_MEDEWERKER: [
        ("uploads", "toelichting", "add"),
        ("uploads", "toelichting", "change"),
        ("uploads", "toelichting", "view"),
        ("uploads", "toelichting", "publish"),
        ("uploads", "toelichtingversie", "view"),
        ("uploads", "document", "add"),
        ("uploads", "document", "change"),
        ("uploads", "document", "view"),
        ("uploads", "zelfgerapporteerdcijfer", "add"),
        ("uploads", "zelfgerapporteerdcijfer", "change"),
        ("uploads", "zelfgerapporteerdcijfer", "view"),
        ("swv", "samenwerkingsverband", "view"),
    ],
    BEHEERDER: [
        *[("uploads", model, "view") for model in _UPLOAD_MODELS],
        ("uploads", "swvmedewerker", "add"),
        ("uploads", "swvmedewerker", "change"),
        ("uploads", "swvmedewerker", "delete"),
        ("uploads", "swvmedewerker", "view"),
        ("uploads", "swvmedewerker", "view_all_swvs"),
        ("auth", "user", "add"),
        ("auth", "user", "change"),
        ("auth", "user", "view"),
        ("auth", "group", "view"),
        ("admin", "logentry", "view"),
        # Login attempts and lockouts (django-axes): read them, and lift a lockout by deleting the attempt.
        ("axes", "*", "view"),
        ("axes", "accessattempt", "delete"),
        ("swv", "*", "view"),
        ("landelijk", "*", "add"),
        ("landelijk", "*", "change"),
        ("landelijk", "*", "delete"),
        ("landelijk", "*", "view"),
    ],
    INSPECTIE: [
        *[("uploads", model, "view") for model in _UPLOAD_MODELS],
        ("uploads", "swvmedewerker", "view_all_swvs"),
        ("swv", "*", "view"),
        ("landelijk", "*", "view"),
    ],
}


def _codename(action: str, model: str) -> str:
    if action == "view_all_swvs":
        return "view_all_swvs"
    if action == "publish":
        return f"publish_{model}"
    return f"{action}_{model}"


def sync_roles(apps=None, *, using: str = "default") -> None:
    """Create the three groups and give each exactly its permissions (idempotent)."""
    if apps is None:
        apps = global_apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        permissions = []
        for app_label, model, action in grants:
            query = Permission.objects.using(using).filter(content_type__app_label=app_label)
            if model == "*":
                query = query.filter(codename__startswith=f"{action}_")
            else:
                query = query.filter(content_type__model=model, codename=_codename(action, model))
            permissions.extend(query)
        group.permissions.set(permissions)


def sync_roles_after_migrate(sender, using="default", **kwargs) -> None:
    """Keep the role groups complete after every migrate (models added later get their permissions)."""
    sync_roles(using=using)


def sees_all_swvs(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm(VIEW_ALL_PERMISSION)))


def swv_ids_for(user) -> set[int] | None:
    """The SWV ids a user may see in the admin: None means all of them, an empty set means none."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if sees_all_swvs(user):
        return None
    cached = getattr(user, "_swv_ids_cache", None)
    if cached is None:
        cached = set(Samenwerkingsverband.objects.filter(medewerkers__user=user).values_list("pk", flat=True))
        user._swv_ids_cache = cached
    return cached


def is_beheerder(user) -> bool:
    return bool(user.is_authenticated and user.groups.filter(name=BEHEERDER).exists())


def may_write_for_swv(user, swv_id: int | None) -> bool:
    """Writing is for the SWV's own staff only (and superusers); readers of everything never write.

    Separation of duties: a beheerder (who manages accounts and their links) never writes or publishes an
    SWV's text, even if its account were linked to that SWV.
    """
    if not user.is_active or swv_id is None:
        return False
    if user.is_superuser:
        return True
    return SwvMedewerker.objects.filter(user=user, swvs__pk=swv_id).exists() and not is_beheerder(user)


def restrict_to_user(queryset: QuerySet, user, swv_field: str = "swv") -> QuerySet:
    ids = swv_ids_for(user)
    if ids is None:
        return queryset
    return queryset.filter(**{f"{swv_field}__in": ids})
