"""Begrippen: the glossary page, and its words linked from the definitions where they appear."""

import re

import pytest
from django.utils.html import escape

from landelijk.begrippen import begrippen, link_terms

REQUIRED = [
    "samenwerkingsverband", "sbo", "so", "vso", "pro", "lwoo", "toelaatbaarheidsverklaring", "ontwikkelingsperspectief",
    "verevening", "weerstandsvermogen", "signaleringswaarde", "thuiszitter", "vrijstelling-5a",
]  # fmt: skip


def test_glossary_has_the_sectors_words_once_each():
    anchors = [b.anker for b in begrippen()]
    assert len(anchors) == len(set(anchors))
    assert set(REQUIRED) <= set(anchors)
    assert all(b.uitleg.strip() for b in begrippen())


def test_first_mention_of_each_word_is_linked_on_whole_words_only():
    html = link_terms("Een TLV voor het so; nog een TLV. Sommige projecten (pro) en de sommen.")
    assert html.count('href="/begrippen/#toelaatbaarheidsverklaring"') == 1
    assert '<a class="begrip" href="/begrippen/#so">so</a>' in html
    assert '<a class="begrip" href="/begrippen/#pro">pro</a>' in html
    assert "Sommige projecten" in html  # no link inside a word


def test_text_is_escaped_before_linking():
    html = link_terms('<script>alert("x")</script> verevening')
    assert "<script>" not in html and escape("<script>") in html
    assert 'href="/begrippen/#verevening"' in html


@pytest.mark.django_db
def test_glossary_page_lists_every_word_with_its_anchor(client):
    html = client.get("/begrippen/").content.decode()
    for begrip in begrippen():
        assert f'id="{begrip.anker}"' in html and escape(begrip.uitleg) in html


@pytest.mark.django_db
def test_definitions_link_to_the_glossary(client):
    from swv.models import Indicator

    html = client.get("/cijfers/verevening/").content.decode()
    assert 'href="/begrippen/#verevening"' in html
    linked = 0
    for indicator in Indicator.objects.all():
        if 'class="begrip"' in str(link_terms(indicator.definitie)):
            linked += 1
            page = client.get(f"/cijfers/{indicator.code}/").content.decode()
            assert re.search(r'<dd>[^<]*(<[^>]+>[^<]*)*<a class="begrip" href="/begrippen/#', page), indicator.code
    assert linked >= 10
