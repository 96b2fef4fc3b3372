"""A non-technical SWV staff member: logs in, the start page lists what is missing, writes a toelichting
with the toolbar, sees the live preview, publishes and finds it on the public page; axe finds nothing
on any of these screens."""

import re
import uuid

import pytest

from tests.browser.conftest import log_in
from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures


@pytest.mark.django_db
def test_session_database_is_there():
    from swv.models import Samenwerkingsverband

    assert Samenwerkingsverband.objects.exists()


def _axe(page, problems: list) -> list:
    """axe's violations; the styles axe itself injects (refused by the CSP) are not the page's problems."""
    before = len(problems)
    violations = [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in axe_violations(page)]
    del problems[before:]
    return violations


def test_staff_start_page_toolbar_live_preview_and_publish(site_url, staff_world, browser):
    swv = staff_world["swv_a"]
    marker = uuid.uuid4().hex[:8]
    context = browser.new_context(base_url=site_url, locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append((page.url, m.text)) if m.type == "error" else None)
    page.on("dialog", lambda dialog: dialog.accept("https://www.voorbeeld.nl/"))

    log_in(page, staff_world["a"].username)
    assert page.get_by_role("link", name="Mijn samenwerkingsverband").count() >= 1
    assert _axe(page, problems) == []

    # The start page: this SWV by name and code, every theme without toelichting and every missing document.
    page.get_by_role("link", name="Mijn samenwerkingsverband").first.click()
    page.wait_for_url(re.compile(r"/beheer/mijn-samenwerkingsverband/$"))
    section = page.locator(f"section#swv-{swv.code}, section[aria-labelledby='swv-{swv.code}']")
    assert swv.code_leesbaar in section.locator("h2").inner_text()
    rows = section.locator("table").first.locator("tbody tr")
    assert rows.count() == 4 and all("ontbreekt" in rows.nth(i).inner_text() for i in range(4))
    assert "Ondersteuningsplan" in section.inner_text() and "ontbreekt" in section.locator("table").nth(1).inner_text()
    assert _axe(page, problems) == []

    # Write the toelichting for Ondersteuning with the toolbar; the preview follows as one types.
    section.get_by_role("link", name="Schrijven (ondersteuning)").click()
    page.wait_for_url(re.compile(r"/beheer/uploads/toelichting/add/"))
    field = page.locator("#id_concept")
    field.fill(f"Wij werken samen {marker}")
    field.evaluate("(f) => f.setSelectionRange(4, 10)")  # 'werken'
    page.get_by_role("button", name="Vet").click()
    field.press("End")
    field.press("Enter")
    field.press("Enter")
    field.type("een loket")
    page.get_by_role("button", name="Opsomming").click()
    preview = page.locator("#toelichting-voorbeeld")
    preview.locator("li", has_text="een loket").wait_for()
    assert preview.locator("strong", has_text="werken").count() == 1
    assert marker in preview.inner_text()
    assert _axe(page, problems) == []

    # Publish: two clear actions only.
    buttons = page.locator(".submit-row input[type=submit]").all()
    assert [b.get_attribute("value") for b in buttons] == ["Opslaan als concept", "Publiceren"]
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_url(re.compile(r"/beheer/uploads/toelichting/\d+/change/"))
    assert "gepubliceerd" in page.locator(".messagelist").inner_text()
    assert _axe(page, problems) == []

    # Back on the start page it is published; on the public page it opens its theme.
    page.goto("/beheer/mijn-samenwerkingsverband/")
    assert "gepubliceerd" in section.locator("table").first.locator("tr", has_text="Ondersteuning").inner_text()
    public = context.new_page()
    public.goto(swv.get_absolute_url())
    box = public.locator("#ondersteuning > .toelichting")
    assert marker in box.inner_text() and box.locator("strong", has_text="werken").count() == 1
    assert box.locator("li", has_text="een loket").count() == 1
    assert axe_violations(public) == []
    assert problems == [], problems
    context.close()
