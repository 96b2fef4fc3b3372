"""Atom feeds announcing new documents and new data periods: one for the whole site, one per SWV."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from swv.caching import params
from swv.models import Samenwerkingsverband, Waarde
from swv.opendata.licence import LICENCE_TEXT
from swv.opendata.tables import periode_text
from swv.selectors.names import display_name
from uploads.models import Document

ITEMS = 40


@dataclass(frozen=True)
class Item:
    titel: str
    beschrijving: str
    link: str
    datum: dt.datetime


def _aware(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return timezone.make_aware(dt.datetime.combine(value, dt.time(12)))


def _documents(filter_q: Q) -> list[Item]:
    # Only what is public: a withdrawn or replaced version leaves the feed with the site.
    found = Document.objects.current().filter(filter_q).select_related("swv").order_by("-geupload_op")[:ITEMS]
    return [
        Item(
            titel=f"Nieuw document: {doc.titel} ({doc.get_soort_display().lower()}, {doc.swv.code_leesbaar})",
            beschrijving=f"{display_name(doc.swv)} publiceerde een {doc.get_soort_display().lower()}"
            + (f" over {doc.periode}" if doc.periode else "")
            + ".",
            link=doc.get_absolute_url(),
            datum=doc.geupload_op,
        )
        for doc in found
    ]


def _periods(filter_q: Q, *, link: str, wie: str) -> list[Item]:
    """Every data period as an item, dated by the import that brought it (or its peildatum)."""
    rows = (
        Waarde.objects.filter(filter_q)
        .values("periode")
        .annotate(peildatum=Max("peildatum"), cijfers=Count("pk"), geimporteerd=Max("import_run__gestart"))
        .order_by("-peildatum")[:ITEMS]
    )
    return [
        Item(
            titel=f"Nieuwe cijfers over {periode_text(row['periode'])}",
            beschrijving=f"{row['cijfers']} cijfers over {periode_text(row['periode'])} van {wie}.",
            link=f"{link}#periode-{row['periode']}",
            datum=_aware(row["geimporteerd"] or row["peildatum"]),
        )
        for row in rows
    ]


def _newest(filter_q: Q, *, link: str, wie: str) -> list[Item]:
    """The newest documents and data periods together, newest first; `link` is the page of the periods."""
    items = _documents(filter_q) + _periods(filter_q, link=link, wie=wie)
    return sorted(items, key=lambda i: i.datum, reverse=True)[:ITEMS]


@params.query_params()
class _AtomFeed(Feed):
    feed_type = Atom1Feed
    feed_copyright = LICENCE_TEXT  # Atom <rights>: the figures are CC0, the SWV's documents are not

    def item_title(self, item: Item) -> str:
        return item.titel

    def item_description(self, item: Item) -> str:
        return item.beschrijving

    def item_link(self, item: Item) -> str:
        return item.link

    def item_pubdate(self, item: Item) -> dt.datetime:
        return item.datum

    item_updateddate = item_pubdate


class SiteFeed(_AtomFeed):
    title = "Passend onderwijs in beeld: nieuwe documenten en cijfers"
    link = "/"
    subtitle = "Nieuwe documenten van samenwerkingsverbanden en nieuwe periodes van de cijfers."

    def items(self):
        return _newest(Q(), link="/landelijk/", wie="de samenwerkingsverbanden en gemeenten")


class SwvFeed(_AtomFeed):
    def get_object(self, request, code: str):
        return get_object_or_404(Samenwerkingsverband, code=code.upper())

    def title(self, swv):
        return f"{display_name(swv)}: nieuwe documenten en cijfers"

    def link(self, swv):
        return swv.get_absolute_url()

    def subtitle(self, swv):
        return f"Nieuwe documenten en nieuwe periodes van de cijfers van {display_name(swv)} ({swv.code_leesbaar})."

    def items(self, swv):
        return _newest(Q(swv=swv), link=swv.get_absolute_url(), wie=swv.code_leesbaar)
