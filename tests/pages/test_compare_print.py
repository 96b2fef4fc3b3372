"""The print header stylesheet (/afdrukken.css): the page's subject, the print date and the site address
in the A4 page margins, with nothing from the URL able to break out of its CSS strings."""

import pytest
from django.utils import timezone

from swv.pages.views.afdrukken import css_string
from swv.selectors.names import display_name
from swv.templatetags.nl import datum
from tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db


def test_css_strings_cannot_be_broken_out_of():
    assert css_string('a"b\\c\nd') == '"a\\22 b\\5c c\\a d"'
    assert css_string("PO 30-09 (Bergeijk, …)") == '"PO 30-09 (Bergeijk, …)"'


def test_swv_page_prints_its_name_and_todays_date_on_every_page(client):
    swv = SamenwerkingsverbandFactory(naam="")  # named by its code and gemeenten
    response = client.get(f"/afdrukken.css?pagina={swv.get_absolute_url()}")
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    assert "@top-left" in css and "@top-right" in css and "@bottom-left" in css
    assert swv.code_leesbaar in css and display_name(swv)[:20] in css
    assert f"Afgedrukt op {datum(timezone.localdate())}" in css
    assert 'content: " (" "http://testserver" attr(href) ")"' in css  # links within the site written out


@pytest.mark.parametrize("pagina,subject", [("/landelijk/", "Landelijk beeld"), ("/vergelijk/", "Vergelijking")])
def test_other_pages_have_their_own_subject(client, pagina, subject):
    assert subject in client.get(f"/afdrukken.css?pagina={pagina}").content.decode()


def test_nothing_from_the_url_escapes_into_the_stylesheet(client):
    css = client.get('/afdrukken.css?pagina=/x"}body{display:none}').content.decode()
    assert "/x\\22 }body{display:none}" in css  # inside a CSS string, its quote escaped
    assert '"}body{' not in css
