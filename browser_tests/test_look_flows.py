"""A community's look in a real browser (issue 18): the facilitator sets the initiator's colours and
logo on the look page; every page then carries them, axe-core finds no serious or critical problem
(colour contrast included) with the custom look, and a colour text cannot be read on is refused."""

from urllib.parse import urlsplit

import pytest
from django.db import connection  # noqa: F401 - read by the skipif

from browser_tests.conftest import PASSWORD, check_accessibility, login, member
from participants.tests.test_look import tiny_png

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              # The page asks for look.css and the logo at once, and both read the database: the live
              # server's threads cannot share SQLite's in-memory test database ("bad parameter or other
              # API misuse"). CI runs it on PostgreSQL.
              pytest.mark.skipif("connection.vendor == 'sqlite'", reason="concurrent requests: PostgreSQL")]


@pytest.fixture
def people(db):
    facilitator = member(community__slug="lg-look", community__name="LG Met eigen gezicht", is_facilitator=True,
                         is_participant=False)
    return facilitator, member(facilitator.community)


def test_a_facilitator_gives_the_community_its_initiators_look(page_factory, live_server, people):
    facilitator, participant = people
    slug = facilitator.community.slug
    page = page_factory()
    login(page, live_server, facilitator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/c/{slug}/look/")
    check_accessibility(page)
    page.fill("#id_organisation", "Gemeente Hellendoorn")
    page.fill("#id_primary", "#9fc5e8")  # too light for text on white
    page.click("main form button[type=submit]:not(.secondary)")
    assert page.locator("#id_primary_error").is_visible()
    page.fill("#id_primary", "#004c8c")
    page.fill("#id_header", "#ffdd00")
    page.set_input_files("#id_logo", files=[{"name": "logo.png", "mimeType": "image/png", "buffer": tiny_png()}])
    page.click("main form button[type=submit]:not(.secondary)")
    page.wait_for_load_state("networkidle")  # the new look and logo loaded: no request after the test
    assert urlsplit(page.url).path == f"/c/{slug}/look/"

    other = page_factory()
    login(other, live_server, participant.user.email, PASSWORD)
    for path in (f"/c/{slug}/", f"/c/{slug}/meetings/", f"/c/{slug}/members/"):
        other.goto(live_server.url + path, wait_until="networkidle")
        header = other.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        assert header == "rgb(255, 221, 0)", path
        button = other.locator("main .button, main button").first
        if button.count():
            assert other.evaluate("e => getComputedStyle(e).backgroundColor", button.element_handle()) in (
                "rgb(0, 76, 140)", "rgb(255, 255, 255)")
        logo = other.locator("img.community-logo")
        assert logo.get_attribute("alt") == "Gemeente Hellendoorn"
        assert other.evaluate("img => img.complete && img.naturalWidth", logo.element_handle()) == 2
        check_accessibility(other)
