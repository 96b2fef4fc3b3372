"""Browser test: SWV staff write a draft, preview it on the real page, publish it and see it on the
public page; staff of another SWV cannot reach it. Runs against the gunicorn test server, so the users
are committed to the session database (unique names) and removed again afterwards.
"""

import re
import uuid

import pytest

from tests.browser.conftest import log_in
from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures


def test_staff_write_preview_publish_and_other_swv_cannot_reach(site_url, staff_world, browser):
    swv_a = staff_world["swv_a"]
    text = f"Wij werken **samen** met alle besturen ({uuid.uuid4().hex[:6]}).\n\n<script>alert('xss')</script>"
    marker = re.search(r"\((\w+)\)", text).group(1)

    context = browser.new_context(base_url=site_url, locale="nl-NL")
    page = context.new_page()
    dialogs, csp_errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: "Content Security Policy" in msg.text and csp_errors.append(msg.text))

    log_in(page, staff_world["a"].username)

    # Write a draft.
    page.goto("/beheer/uploads/toelichting/add/")
    options = page.locator("#id_swv option").all_inner_texts()
    assert len([o for o in options if o.strip("-")]) == 1, "only the own SWV is offered"
    page.select_option("#id_swv", str(swv_a.pk))
    page.select_option("#id_thema", "ondersteuning")
    page.fill("#id_concept", text)
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/beheer/uploads/toelichting/\d+/change/"))
    change_url = page.url

    # The draft is not public yet.
    public = context.new_page()
    public.goto(swv_a.get_absolute_url())
    assert marker not in public.content()

    # Preview it on the real page layout.
    page.click("text=Voorbeeld met concepten op de pagina")
    page.wait_for_url(re.compile(rf"/beheer-voorbeeld/swv/{swv_a.code}/"))
    assert page.locator("strong", has_text="samen").count() >= 1
    assert marker in page.content()
    assert "Voorbeeld met concepttekst" in page.content()

    # Publish it and see it on the public page.
    page.goto(change_url)
    page.click("input[name=_publiceren]")
    page.wait_for_url(change_url)
    assert "gepubliceerd" in page.content()
    public.goto(swv_a.get_absolute_url())
    assert marker in public.content()
    assert public.locator("strong", has_text="samen").count() >= 1
    assert not dialogs, "the script in the text must never run"
    assert not csp_errors, csp_errors
    context.close()

    # The other SWV's staff cannot reach it.
    other = browser.new_context(base_url=site_url, locale="nl-NL")
    page_b = other.new_page()
    log_in(page_b, staff_world["b"].username)
    page_b.goto("/beheer/uploads/toelichting/")
    assert marker not in page_b.content() and swv_a.code not in page_b.content()
    page_b.goto(change_url)
    assert "/change/" not in page_b.url, "B is sent away from A's toelichting"
    assert marker not in page_b.content()
    response = page_b.goto(f"/beheer-voorbeeld/swv/{swv_a.code}/")
    assert response.status == 404 and marker not in page_b.content()
    other.close()


def test_documents_overview_is_accessible(page):
    response = page.goto("/documenten/")
    assert response.status == 200
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    page.select_option("#filter-soort", "ondersteuningsplan")
    page.click("text=Filter")
    page.wait_for_url(re.compile(r"soort=ondersteuningsplan"))
    assert axe_violations(page) == []
