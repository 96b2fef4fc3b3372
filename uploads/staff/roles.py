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

# Per role: (app_label, model, actions), each action granting the permission <action>_<model>; model "*"
# grants the action on every model of the app, and view_all_swvs is a permission of its own (SwvMedewerker).
READ_EVERYTHING = [
    ("uploads", "toelichting", ["view"]),
    ("uploads", "toelichtingversie", ["view"]),
    ("uploads", "document", ["view"]),
    ("uploads", "zelfgerapporteerdcijfer", ["view"]),
    ("uploads", "swvmedewerker", ["view_all_swvs"]),
    ("swv", "*", ["view"]),
    ("landelijk", "*", ["view"]),
]
ROLE_PERMISSIONS: dict[str, list[tuple[str, str, list[str]]]] = {
    SWV_MEDEWERKER: [
        ("uploads", "toelichting", ["add", "change", "view", "publish"]),
        ("uploads", "toelichtingversie", ["view"]),
        ("uploads", "document", ["add", "change", "view"]),
        ("uploads", "zelfgerapporteerdcijfer", ["add", "change", "view"]),
        ("swv", "samenwerkingsverband", ["view"]),
    ],
    BEHEERDER: [
        *READ_EVERYTHING,
        ("uploads", "swvmedewerker", ["add", "change", "delete", "view"]),
        ("auth", "user", ["add", "change", "view"]),
        ("auth", "group", ["view"]),
        ("admin", "logentry", ["view"]),
        # Login attempts and lockouts (django-axes): read them, and lift a lockout by deleting the attempt.
        ("axes", "*", ["view"]),
        ("axes", "accessattempt", ["delete"]),
        ("landelijk", "*", ["add", "change", "delete"]),
    ],
    INSPECTIE: READ_EVERYTHING,
}


def sync_roles(apps=None, *, using: str = "default") -> None:
    """Create the three groups and give each exactly its permissions (idempotent)."""
    if apps is None:
        apps = global_apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        permissions = []
        for app_label, model, actions in grants:
            for action in actions:
                query = Permission.objects.using(using).filter(content_type__app_label=app_label)
                if model == "*":
                    query = query.filter(codename__startswith=f"{action}_")
                else:
                    codename = action if action == "view_all_swvs" else f"{action}_{model}"
                    query = query.filter(content_type__model=model, codename=codename)
                permissions.extend(query)
        group.permissions.set(permissions)


def sync_roles_after_migrate(sender, using="default", **kwargs) -> None:
    """Keep the role groups complete after every migrate (models added later get their permissions)."""
    sync_roles(using=using)


def swv_ids_for(user) -> set[int] | None:
    """The SWV ids a user may see in the admin: None means all of them, an empty set means none."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser or user.has_perm("uploads.view_all_swvs"):
        return None
    cached = getattr(user, "_swv_ids_cache", None)
    if cached is None:
        cached = set(linked_swvs(user).values_list("pk", flat=True))
        user._swv_ids_cache = cached
    return cached


def may_read_swv(user, swv_id: int) -> bool:
    ids = swv_ids_for(user)
    return ids is None or swv_id in ids


def linked_swvs(user) -> QuerySet:
    """The SWV's the account is linked to as their staff."""
    return Samenwerkingsverband.objects.filter(medewerkers__user=user).distinct()


def is_beheerder(user) -> bool:
    return bool(user.is_authenticated and user.groups.filter(name=BEHEERDER).exists())


def may_write_for_swv(user, swv_id: int | None) -> bool:
    """Writing is for the SWV's own staff only (and superusers); readers of everything never write.
    Separation of duties: a beheerder (who manages accounts and their links) never writes or publishes an
    SWV's text, even if its account were linked to that SWV."""
    if not user.is_active or swv_id is None:
        return False
    if user.is_superuser:
        return True
    return SwvMedewerker.objects.filter(user=user, swvs__pk=swv_id).exists() and not is_beheerder(user)


def restrict_to_user(queryset: QuerySet, user) -> QuerySet:
    ids = swv_ids_for(user)
    return queryset if ids is None else queryset.filter(swv__in=ids)
