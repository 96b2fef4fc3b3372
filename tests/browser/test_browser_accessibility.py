"""Every kind of page, public and admin, on a phone (390 px) and a desktop (1440 px): axe finds no WCAG 2.0,
2.1 or 2.2 A/AA violation. The accessibility statement (/toegankelijkheid) describes exactly this run."""

import re
import uuid

import pytest

from tests.browser.conftest import in_thread
from tests.conftest import axe_violations
from tests.staff_fixtures import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.realdata]  # pages with the real figures

WIDTHS = {"telefoon": (390, 844), "desktop": (1440, 900)}

PUBLIC = [
    "/",
    "/landelijk/",
    "/landelijk/?sector=vo",
    "swv:PO",
    "swv:VO",
    "/cijfers/leerlingen_totaal/",
    "/kaart/",
    "/zoeken/?q=Veldhoven",
    "/documenten/",
    "/vergelijk/?swv=PO3009&swv=VO3001",
    "/klopt-dit-niet/?swv=PO3009&indicator=leerlingen_totaal&periode=2024-10-01",
    "/api/",
    "/api/v1/samenwerkingsverbanden?format=api",
    "/catalogus",
    "/toegankelijkheid",
    "/privacy",
    "/bronnen/",
    "/bestaat-niet/",
]


def _swv_url(sector: str) -> str:
    from swv.models import Samenwerkingsverband

    swv = Samenwerkingsverband.objects.filter(sector=sector).order_by("code").first()
    return swv.get_absolute_url()


@pytest.fixture
def sized_page(browser, site_url, request):
    width, height = WIDTHS[request.param]
    context = browser.new_context(base_url=site_url, locale="nl-NL", viewport={"width": width, "height": height})
    yield context.new_page()
    context.close()


@pytest.mark.django_db
@pytest.mark.parametrize("sized_page", list(WIDTHS), indirect=True)
@pytest.mark.parametrize("path", PUBLIC)
def test_public_page_has_no_wcag_violations(sized_page, path):
    url = _swv_url(path.split(":")[1]) if path.startswith("swv:") else path
    response = sized_page.goto(url)
    assert response.status in (200, 404)
    sized_page.wait_for_load_state("networkidle")
    for details in sized_page.locator("main details").all()[:20]:
        details.evaluate("d => d.open = true")  # the tables behind "Tabel: …" count too
    assert axe_violations(sized_page) == []
    footer = sized_page.locator("footer")
    for link in ("Toegankelijkheid", "Privacy", "Datacatalogus", "Open data: downloads en API", "alle bronnen"):
        assert footer.get_by_role("link", name=link, exact=True).count() == 1


@pytest.fixture(scope="module")
def accounts(site_url, django_db_blocker):
    """A beheerder and an SWV-medewerker, committed so the test server sees them; removed afterwards."""

    def create():
        from swv.models import Samenwerkingsverband
        from tests.staff_fixtures import make_user
        from uploads.staff.roles import BEHEERDER, SWV_MEDEWERKER

        suffix = uuid.uuid4().hex[:8]
        swv = Samenwerkingsverband.objects.order_by("-code").first()
        return {
            "beheerder": make_user(f"axe-b-{suffix}", role=BEHEERDER),
            "medewerker": make_user(f"axe-m-{suffix}", role=SWV_MEDEWERKER, swvs=[swv]),
        }

    with django_db_blocker.unblock():
        users = in_thread(create)
    yield users
    with django_db_blocker.unblock():
        in_thread(lambda: [user.delete() for user in users.values()])


ADMIN = {
    "medewerker": [
        "/beheer/",
        "/beheer/uploads/toelichting/add/",
        "/beheer/uploads/document/add/",
        "/beheer/uploads/zelfgerapporteerdcijfer/add/",
        "/beheer/uploads/toelichting/",
    ],
    "beheerder": ["/beheer/", "/beheer/swv/melding/", "/beheer/auth/user/", "/beheer/bronnen/"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("sized_page", list(WIDTHS), indirect=True)
@pytest.mark.parametrize("role", list(ADMIN))
def test_admin_forms_have_no_wcag_violations(sized_page, accounts, role):
    sized_page.goto("/beheer/login/")
    assert axe_violations(sized_page) == []
    sized_page.fill("#id_username", accounts[role].username)
    sized_page.fill("#id_password", PASSWORD)
    sized_page.click("input[type=submit]")
    sized_page.wait_for_url(re.compile(r"/beheer/$"))
    found = {}
    for path in ADMIN[role]:
        response = sized_page.goto(path)
        assert response.status == 200, path
        found[path] = [(v["id"], [n["target"] for n in v["nodes"]]) for v in axe_violations(sized_page)]
    assert found == {path: [] for path in ADMIN[role]}
