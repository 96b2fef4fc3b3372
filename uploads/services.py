"""Writes for what SWV's supply themselves. Every write checks who may do it, validates fully and is
all or nothing (one transaction; an uploaded file is removed again when the database write fails)."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from swv.caching.versions import pages_changed
from uploads.models import Document, Toelichting, ToelichtingVersie, ZelfgerapporteerdCijfer
from uploads.staff.roles import may_write_for_swv
from uploads.validators import validate_pdf, validate_toelichting_length

logger = logging.getLogger("uploads")


def _require_writer(user, swv_id) -> None:
    if not may_write_for_swv(user, swv_id):
        logger.warning("refused write by user=%s for swv_id=%s", getattr(user, "pk", None), swv_id)
        raise PermissionDenied("U mag alleen gegevens van uw eigen samenwerkingsverband wijzigen.")


class ConcurrentEdit(ValidationError):
    """Someone else saved the object after this form was opened: the save is refused, nothing is lost."""

    def __init__(self, *, current):
        super().__init__(STALE_MESSAGE, code="stale")
        self.current = current


STALE_MESSAGE = (
    "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen: vergelijk beide teksten "
    "hieronder, neem over wat u wilt houden en sla opnieuw op."
)


def _check_version(current, opened_at: int | None) -> None:
    """Optimistic locking: the row is locked by the caller; a form opened at another version is stale."""
    if opened_at is not None and current.versie != opened_at:
        logger.info(
            "stale save refused %s=%s opened_at=%s now=%s", current._meta.label, current.pk, opened_at, current.versie
        )
        raise ConcurrentEdit(current=current)


def _save_public(obj) -> None:
    """Store a change visitors see: a new version (forms opened before it are stale), every cached page too."""
    obj.versie += 1
    obj.full_clean()
    obj.save()
    pages_changed()


def normalise(text: str) -> str:
    """Line ends as the site stores them (a browser sends CRLF), without surrounding white space."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


@transaction.atomic
def save_draft(*, toelichting: Toelichting, tekst: str, user, opened_at: int | None = None) -> Toelichting:
    """Store a new draft text (the published text is untouched); every change becomes a version.
    opened_at is the version the editor's form showed; if someone saved in between, ConcurrentEdit."""
    _require_writer(user, toelichting.swv_id)
    tekst = normalise(tekst)
    validate_toelichting_length(tekst, Toelichting.MAX_LENGTH)
    if toelichting.pk is None:
        toelichting.concept = tekst
        toelichting.gewijzigd_door = user
        toelichting.full_clean()
        toelichting.save()
    else:
        # Lock the row and write only the draft fields, so a stale instance never overwrites the
        # published text and two editors cannot interleave a save and a publish.
        current = Toelichting.objects.select_for_update().select_related("swv").get(pk=toelichting.pk)
        if current.concept == tekst and current.versies.exists():
            return current
        _check_version(current, opened_at)
        current.concept = tekst
        current.gewijzigd_door = user
        current.versie += 1
        current.full_clean()
        current.save(update_fields=["concept", "gewijzigd_door", "gewijzigd_op", "versie"])
        toelichting.concept, toelichting.gewijzigd_door, toelichting.versie = tekst, user, current.versie
        toelichting = current
    versie = ToelichtingVersie(toelichting=toelichting, tekst=tekst, status=ToelichtingVersie.Status.CONCEPT, door=user)
    versie.full_clean()
    versie.save()
    logger.info("draft saved toelichting=%s swv=%s user=%s", toelichting.pk, toelichting.swv.code, user.pk)
    return toelichting


@transaction.atomic
def publish(*, toelichting: Toelichting, user, seen_version: int | None = None) -> Toelichting:
    """Make the current draft the public text (an empty draft withdraws the public text). seen_version is
    the version of the draft the user read (in its form or on the confirmation page); a draft changed since
    then is not published (ConcurrentEdit)."""
    _require_writer(user, toelichting.swv_id)
    if not user.has_perm("uploads.publish_toelichting"):
        raise PermissionDenied("U mag geen toelichting publiceren.")
    toelichting = Toelichting.objects.select_for_update().select_related("swv").get(pk=toelichting.pk)
    _check_version(toelichting, seen_version)
    validate_toelichting_length(toelichting.concept, Toelichting.MAX_LENGTH)
    toelichting.gepubliceerd = toelichting.concept
    toelichting.gepubliceerd_op = timezone.now()
    toelichting.gewijzigd_door = user
    _save_public(toelichting)
    versie = ToelichtingVersie(
        toelichting=toelichting, tekst=toelichting.gepubliceerd, status=ToelichtingVersie.Status.GEPUBLICEERD, door=user
    )
    versie.full_clean()
    versie.save()
    logger.info("published toelichting=%s swv=%s user=%s", toelichting.pk, toelichting.swv.code, user.pk)
    return toelichting


@transaction.atomic
def restore(*, versie: ToelichtingVersie, user) -> Toelichting:
    """Put an earlier version back as the draft; publishing it is a separate, deliberate step."""
    toelichting = save_draft(toelichting=versie.toelichting, tekst=versie.tekst, user=user)
    logger.info("restore versie=%s toelichting=%s user=%s", versie.pk, toelichting.pk, user.pk)
    return toelichting


def upload_document(
    *,
    swv,
    soort: str,
    titel: str,
    bestand,
    user,
    periode_van: int | None = None,
    periode_tot: int | None = None,
    vervangt: Document | None = None,
) -> Document:
    """Store a new PDF under a generated name; a replaced document stays available as an earlier version."""
    _require_writer(user, swv.pk)
    if vervangt is not None and (vervangt.swv_id != swv.pk or vervangt.vervangen_door_id is not None):
        raise ValidationError({"vervangt": "Alleen een huidig document van hetzelfde samenwerkingsverband."})
    validate_pdf(bestand)
    document = Document(
        swv=swv,
        soort=soort,
        titel=(titel or "").strip(),
        periode_van=periode_van,
        periode_tot=periode_tot,
        grootte=bestand.size,
        geupload_door=user,
    )
    document.full_clean(exclude=["bestand"])
    stored_name = None
    try:
        with transaction.atomic():
            # upload_to generates the name: nothing of the uploader's file name reaches the file system.
            document.bestand.save("upload.pdf", bestand, save=False)
            stored_name = document.bestand.name
            document.save()
            if vervangt is not None:
                updated = Document.objects.filter(pk=vervangt.pk, vervangen_door__isnull=True).update(
                    vervangen_door=document
                )
                if not updated:
                    raise ValidationError({"vervangt": "Dit document is intussen al vervangen."})
    except Exception:
        if stored_name:
            document.bestand.storage.delete(stored_name)
        raise
    pages_changed()
    logger.info(
        "document uploaded document=%s swv=%s soort=%s size=%s replaces=%s user=%s",
        document.pk,
        swv.code,
        soort,
        document.grootte,
        getattr(vervangt, "pk", None),
        user.pk,
    )
    return document


DOCUMENT_FIELDS = ("soort", "titel", "periode_van", "periode_tot", "bewaard_als_geschiedenis")


@transaction.atomic
def update_document(*, document: Document, user, opened_at: int | None = None, **fields) -> Document:
    """Change a document's description (type, title, period, kept as history); the file itself is replaced
    by a new upload. opened_at is the version the editor's form showed (see ConcurrentEdit)."""
    _require_writer(user, document.swv_id)
    current = Document.objects.select_for_update().select_related("swv").get(pk=document.pk)
    _check_version(current, opened_at)
    for name in DOCUMENT_FIELDS:
        setattr(current, name, fields.get(name, getattr(document, name)))
    if current.bewaard_als_geschiedenis and current.vervangen_door_id is None:
        current.bewaard_als_geschiedenis = False  # only an earlier version can be kept as history
    _save_public(current)
    logger.info("document changed document=%s swv=%s user=%s", current.pk, current.swv.code, user.pk)
    return current


@transaction.atomic
def withdraw_document(*, document: Document, reden: str, user) -> Document:
    """Take a document off the site (download answers 410, gone from lists and feeds); kept for the staff.
    Only the SWV's own staff withdraw, always with a reason, and it is logged with who and why."""
    _require_writer(user, document.swv_id)
    reden = normalise(reden)
    if len(reden) < 5:
        raise ValidationError({"reden": "Schrijf kort waarom het document wordt ingetrokken."})
    current = Document.objects.select_for_update().select_related("swv").get(pk=document.pk)
    if current.ingetrokken_op is not None:
        return current
    current.ingetrokken_op = timezone.now()
    current.ingetrokken_door = user
    current.intrekking_reden = reden
    _save_public(current)
    logger.info(
        "document withdrawn document=%s swv=%s user=%s reason=%r", current.pk, current.swv.code, user.pk, reden[:200]
    )
    return current


@transaction.atomic
def save_self_reported_figure(*, cijfer: ZelfgerapporteerdCijfer, user) -> ZelfgerapporteerdCijfer:
    _require_writer(user, cijfer.swv_id)
    cijfer.toelichting = normalise(cijfer.toelichting)
    cijfer.gewijzigd_door = user
    cijfer.full_clean()
    cijfer.save()
    pages_changed()
    logger.info("self-reported figure saved cijfer=%s swv=%s user=%s", cijfer.pk, cijfer.swv.code, user.pk)
    return cijfer


def remove_stored_file(sender, instance: Document, **kwargs) -> None:
    """post_delete of a Document (single, bulk or cascade): its PDF leaves the storage once the delete commits."""
    name, storage = instance.bestand.name, instance.bestand.storage
    if not name:
        return

    def remove():
        storage.delete(name)
        logger.info("document file removed document=%s file=%s", instance.pk, name)

    transaction.on_commit(remove)
    pages_changed()
