"""Admin for what SWV's supply themselves. One rule, enforced in one mixin for every model here:
staff of an SWV see and change only their own SWV's objects; readers of everything change nothing."""

import logging

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeData, mark_safe

from swv.caching.versions import pages_changed
from swv.models import Samenwerkingsverband
from swv.selectors.names import display_name
from uploads import services
from uploads.forms import (
    DocumentChangeForm,
    DocumentUploadForm,
    IntrekkenForm,
    ToelichtingForm,
    ZelfgerapporteerdCijferForm,
)
from uploads.markdown import render_markdown
from uploads.models import Document, Toelichting, ZelfgerapporteerdCijfer
from uploads.staff.roles import linked_swvs, may_read_swv, may_write_for_swv, restrict_to_user

logger = logging.getLogger("uploads.admin")


def writable_swvs(user):
    """The SWV's a user may write for: its own as staff, all for a superuser, none otherwise."""
    if not user.is_active:
        return Samenwerkingsverband.objects.none()
    if user.is_superuser:
        return Samenwerkingsverband.objects.all()
    return linked_swvs(user)


def swv_label(swv) -> str:
    """'De Kempen (PO 30-09)', or the site's fallback name that already holds the code."""
    return f"{swv.naam} ({swv.code_leesbaar})" if swv.naam else display_name(swv)


class SwvScopedAdminMixin:
    """Limits querysets, object permissions, foreign-key choices, search and actions to the user's SWV's.
    Reading: own SWV's for staff, everything for beheerder/inspectie (uploads.view_all_swvs). Writing
    (add/change/delete an object): only for staff linked to the object's SWV, on top of the model
    permission. An object outside the queryset is "not found" for every admin view and POST."""

    lidwoord = "de"  # the article of the model's verbose name, for Django's messages
    fixed_after_add = ["swv"]  # read-only once the object exists
    object_views: dict[str, str] = {}  # view name -> its route below the object's URL (a method <name>_view)

    def get_queryset(self, request):
        return restrict_to_user(super().get_queryset(request), request.user)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or may_read_swv(request.user, obj.swv_id))

    def has_add_permission(self, request, *args):
        return super().has_add_permission(request, *args) and writable_swvs(request.user).exists()

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None:
            return allowed and writable_swvs(request.user).exists()
        return allowed and may_write_for_swv(request.user, obj.swv_id)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_write_for_swv(request.user, obj.swv_id))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if obj is None else [*self.fixed_after_add, *fields]

    def get_urls(self):
        opts = self.model._meta
        custom = [
            path(
                f"<path:object_id>/{route}",
                self.admin_site.admin_view(getattr(self, f"{name}_view")),
                name=f"{opts.app_label}_{opts.model_name}_{name}",
            )
            for name, route in self.object_views.items()
        ]
        return custom + super().get_urls()

    def writable_object(self, request, object_id):
        """The object of a view of its own, for those who may change it (else 403)."""
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def render_page(self, request, template: str, title: str, **context):
        """A page of the admin's own beside the model's forms, in its layout."""
        context = {**self.admin_site.each_context(request), "title": title, "opts": self.model._meta, **context}
        return TemplateResponse(request, template, context)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        own = list(writable_swvs(request.user)[:2])
        if len(own) == 1:
            initial.setdefault("swv", own[0].pk)
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Samenwerkingsverband:
            kwargs["queryset"] = writable_swvs(request.user)
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.related_model is Samenwerkingsverband and field is not None:
            field.label_from_instance = swv_label  # the SWV by name and code, not the bare code
        return field

    def get_list_display(self, request):
        return ["samenwerkingsverband" if f == "swv" else f for f in super().get_list_display(request)]

    @admin.display(description="samenwerkingsverband", ordering="swv__code")
    def samenwerkingsverband(self, obj):
        return swv_label(obj.swv)

    def message_user(self, request, message, *args, **kwargs):
        # Django's Dutch messages say "De <model> … is toegevoegd"; a neuter word takes "het".
        name = self.model._meta.verbose_name
        if self.lidwoord == "het" and f"De {name}" in str(message):
            fixed = str(message).replace(f"De {name}", f"Het {name}")
            message = mark_safe(fixed) if isinstance(message, SafeData) else fixed
        return super().message_user(request, message, *args, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return restrict_to_user(queryset, request.user), may_have_duplicates

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.has_delete_permission(request):
            actions.pop("delete_selected", None)
        return actions

    def writable_objects(self, request, queryset):
        """The objects of an action's selection the user may change; refuses the whole action otherwise."""
        queryset = restrict_to_user(queryset, request.user)
        objects = list(queryset)
        if any(not self.has_change_permission(request, obj) for obj in objects):
            raise PermissionDenied
        return objects

    def log_addition(self, request, obj, message):
        logger.info("admin add %s %s by user=%s", obj._meta.label, obj.pk, request.user.pk)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        logger.info("admin change %s %s by user=%s: %s", obj._meta.label, obj.pk, request.user.pk, message)
        return super().log_change(request, obj, message)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        pages_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        pages_changed()

    def log_deletions(self, request, queryset):
        # A queryset from the bulk action, a list of one object from the single delete view.
        logger.info("admin delete %s %s by user=%s", self.model._meta.label, [o.pk for o in queryset], request.user.pk)
        return super().log_deletions(request, queryset)


@admin.register(Toelichting)
class ToelichtingAdmin(SwvScopedAdminMixin, admin.ModelAdmin):
    form = ToelichtingForm
    list_display = ["swv", "thema", "status", "gewijzigd_op", "gepubliceerd_op"]
    list_filter = ["thema", ("swv", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["swv__code", "swv__naam", "concept"]
    list_select_related = ["swv"]
    readonly_fields = ["concept_weergave", "gepubliceerd_weergave", "gepubliceerd_op", "gewijzigd_op", "gewijzigd_door"]
    actions = ["publiceer_concepten"]
    change_form_template = "admin/uploads/toelichting/change_form.html"
    fixed_after_add = ["swv", "thema"]
    object_views = {"herstel": "versies/<int:versie_id>/herstel/"}

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["swv", "thema", "concept"]})]
        # The version the form was opened at travels along (optimistic locking), for those who may save.
        editable = ["geopend_versie"] if self.has_change_permission(request, obj) else []
        return [
            (None, {"fields": ["swv", "thema", "concept", *editable]}),
            ("Weergave", {"fields": ["concept_weergave", "gepubliceerd_weergave"]}),
            ("Geschiedenis", {"fields": ["gepubliceerd_op", "gewijzigd_op", "gewijzigd_door"]}),
        ]

    @admin.display(description="status")
    def status(self, obj):
        if not obj.gepubliceerd:
            return "concept, niet gepubliceerd" if obj.concept else "leeg"
        return "concept gewijzigd na publicatie" if obj.heeft_ongepubliceerde_wijziging else "gepubliceerd"

    @admin.display(description="concept zoals het op de site komt")
    def concept_weergave(self, obj):
        return render_markdown(obj.concept) or "—"

    @admin.display(description="gepubliceerde tekst")
    def gepubliceerd_weergave(self, obj):
        return render_markdown(obj.gepubliceerd) or "—"

    def save_model(self, request, obj, form, change):
        try:
            saved = services.save_draft(
                toelichting=obj,
                tekst=form.cleaned_data.get("concept", ""),
                user=request.user,
                opened_at=form.cleaned_data.get("geopend_versie") if change else None,
            )
            if "_publiceren" in request.POST:
                # What is published is exactly what this user just saved (and so has read).
                services.publish(toelichting=saved, user=request.user, seen_version=saved.versie)
                messages.success(request, "De toelichting is gepubliceerd.")
        except services.ConcurrentEdit:
            # Someone saved between this form's check and the save: nothing was written.
            messages.error(request, services.STALE_MESSAGE)
        obj.refresh_from_db()

    def response_add(self, request, obj, post_url_continue=None):
        if "_publiceren" in request.POST:
            return HttpResponseRedirect(reverse("admin:uploads_toelichting_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_publiceren" in request.POST:
            return HttpResponseRedirect(reverse("admin:uploads_toelichting_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        if "_publiceren" in request.POST:
            message = [*message, {"changed": {"fields": ["gepubliceerd"]}}]
        return message

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        may_publish = request.user.has_perm("uploads.publish_toelichting")
        context["kan_publiceren"] = may_publish and (obj is None or may_write_for_swv(request.user, obj.swv_id))
        if obj is not None:
            context["versies"] = obj.versies.select_related("door")[:50]
            context["kan_herstellen"] = self.has_change_permission(request, obj)
            context["voorbeeld_url"] = reverse("uploads:voorbeeld", kwargs={"code": obj.swv.code})
        return super().render_change_form(request, context, add, change, form_url, obj)

    def herstel_view(self, request, object_id, versie_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.writable_object(request, object_id)
        versie = get_object_or_404(obj.versies, pk=versie_id)
        services.restore(versie=versie, user=request.user)
        self.log_change(request, obj, f"Versie van {versie.op:%d-%m-%Y %H:%M} teruggezet als concept.")
        messages.success(request, "De eerdere versie staat weer als concept klaar. Publiceer om haar te tonen.")
        return HttpResponseRedirect(reverse("admin:uploads_toelichting_change", args=[obj.pk]))

    @admin.action(description="Publiceer de concepten van de gekozen toelichtingen", permissions=["publish"])
    def publiceer_concepten(self, request, queryset):
        """Publishing from the list asks for a confirmation per item, on a page that shows each draft:
        only the drafts ticked there are published, and only in the version shown (a draft a colleague
        changed after the page was opened is skipped)."""
        objects = self.writable_objects(request, queryset)
        if request.POST.get("bevestigd") != "1":
            return self.render_page(
                request,
                "admin/uploads/toelichting/publiceren.html",
                "Concepten publiceren",
                toelichtingen=[(obj, render_markdown(obj.concept)) for obj in objects],
                action_checkbox_name=admin.helpers.ACTION_CHECKBOX_NAME,
            )
        chosen = set(request.POST.getlist("publiceer"))
        published, skipped = 0, 0
        for obj in objects:
            if str(obj.pk) not in chosen:
                continue
            try:
                seen = int(request.POST.get(f"versie-{obj.pk}", ""))
                services.publish(toelichting=obj, user=request.user, seen_version=seen)
            except (ValueError, services.ConcurrentEdit):
                skipped += 1
                continue
            published += 1
            self.log_change(request, obj, "Concept gepubliceerd (bevestigd in de lijst).")
        if published:
            messages.success(request, f"{published} toelichting(en) gepubliceerd.")
        if skipped:
            messages.error(
                request,
                f"{skipped} toelichting(en) niet gepubliceerd: iemand anders heeft ze intussen "
                "gewijzigd. Open ze om de nieuwe tekst te lezen.",
            )
        if not published and not skipped:
            messages.warning(
                request, "Er is niets gepubliceerd: vink per toelichting aan dat u het concept hebt gelezen."
            )

    def has_publish_permission(self, request):
        return request.user.has_perm("uploads.publish_toelichting") and writable_swvs(request.user).exists()


@admin.register(Document)
class DocumentAdmin(SwvScopedAdminMixin, admin.ModelAdmin):
    lidwoord = "het"
    list_display = ["swv", "soort", "titel", "periode", "grootte_leesbaar", "geupload_op", "status", "download"]
    list_filter = [
        "soort",
        ("vervangen_door", admin.EmptyFieldListFilter),
        ("ingetrokken_op", admin.EmptyFieldListFilter),
        ("swv", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["swv__code", "swv__naam", "titel"]
    list_select_related = ["swv"]
    change_form_template = "admin/uploads/document/change_form.html"
    object_views = {"intrekken": "intrekken/"}
    fixed_after_add = [
        "swv",
        "status",
        "download",
        "grootte_leesbaar",
        "geupload_op",
        "geupload_door",
        "vervangen_door",
        "eerdere_versies",
        "ingetrokken_op",
        "ingetrokken_door",
        "intrekking_reden",
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = DocumentChangeForm if obj is not None else DocumentUploadForm
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None and "vervangt" in form.base_fields:
            current = Document.objects.current().filter(swv__in=writable_swvs(request.user))
            form.base_fields["vervangt"].queryset = current.select_related("swv")
        return form

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["swv", "soort", "titel", "periode_van", "periode_tot", "bestand", "vervangt"]
        editable = ["soort", "titel", "periode_van", "periode_tot"]
        if obj.vervangen_door_id is not None:
            editable.append("bewaard_als_geschiedenis")  # only an earlier version can be kept as history
        if self.has_change_permission(request, obj):
            editable.append("geopend_versie")
        return [*editable, *self.fixed_after_add]

    @admin.display(description="grootte")
    def grootte_leesbaar(self, obj):
        return filesizeformat(obj.grootte)

    @admin.display(description="bestand")
    def download(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">PDF downloaden</a>', obj.get_absolute_url())

    @admin.display(description="eerdere versies")
    def eerdere_versies(self, obj):
        versies = list(obj.eerdere_versies.order_by("-geupload_op")) if obj.pk else []
        if not versies:
            return "—"
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a> ({}, {}, <a href="{}">PDF</a>)',
            (
                (
                    reverse("admin:uploads_document_change", args=[v.pk]),
                    v.titel,
                    f"{v.geupload_op:%d-%m-%Y}",
                    v.status,
                    v.get_absolute_url(),
                )
                for v in versies
            ),
        )

    def save_form(self, request, form, change):
        if change:
            return form.save(commit=False)
        return services.upload_document(user=request.user, **form.cleaned_data)

    def save_model(self, request, obj, form, change):
        if change:
            try:
                services.update_document(
                    document=obj, user=request.user, opened_at=form.cleaned_data.get("geopend_versie")
                )
            except services.ConcurrentEdit:
                messages.error(request, services.STALE_MESSAGE)
            obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        """A document has no many-to-many fields or inlines; the upload service wrote everything."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["kan_intrekken"] = bool(obj and not obj.is_ingetrokken and self.has_change_permission(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def intrekken_view(self, request, object_id):
        """Withdraw a document: the SWV's own staff, with a reason; logged in the admin log and the audit log."""
        obj = self.writable_object(request, object_id)
        form = IntrekkenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            services.withdraw_document(document=obj, reden=form.cleaned_data["reden"], user=request.user)
            self.log_change(request, obj, f"Ingetrokken: {form.cleaned_data['reden']}")
            messages.success(request, "Het document is ingetrokken en staat niet meer op de site.")
            return HttpResponseRedirect(reverse("admin:uploads_document_change", args=[obj.pk]))
        return self.render_page(
            request,
            "admin/uploads/document/intrekken.html",
            f"Document intrekken: {obj.titel}",
            original=obj,
            form=form,
        )


@admin.register(ZelfgerapporteerdCijfer)
class ZelfgerapporteerdCijferAdmin(SwvScopedAdminMixin, admin.ModelAdmin):
    lidwoord = "het"
    form = ZelfgerapporteerdCijferForm
    list_display = ["swv", "indicator", "jaar", "bedrag", "gewijzigd_op"]
    list_filter = ["indicator", "jaar", ("swv", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["swv__code", "swv__naam"]
    list_select_related = ["swv", "indicator"]
    readonly_fields = ["gewijzigd_op", "gewijzigd_door"]

    def save_model(self, request, obj, form, change):
        services.save_self_reported_figure(cijfer=obj, user=request.user)
