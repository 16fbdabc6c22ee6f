"""The agenda on paper (issue 18): a plenary's page printed from Chromium is one A4 with what, when,
where (the host's address) and the agenda; the RSVP buttons, the dietary list, the menu and the forms
never print."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from browser_tests.conftest import PASSWORD, login, member
from meetings.models import AgendaItem, HostState, Rsvp
from meetings.tests.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A4 less the stylesheet's 15 mm margins, in CSS pixels (96 per inch).
A4_INNER_WIDTH, A4_INNER_HEIGHT = round(180 / 25.4 * 96), round(267 / 25.4 * 96)


@pytest.fixture
def plenary(db):
    facilitator = member(community__slug="lg-print", community__name="LG Op papier", is_facilitator=True,
                         is_participant=False)
    community = facilitator.community
    host = member(community, user__name="Anouk de Vries", user__address="Dorpsstraat 12, Hellendoorn")
    guest = member(community, user__name="Bas Mulder", user__dietary_notes="Geen noten")
    starts = (timezone.now() + timedelta(days=10)).replace(hour=18, minute=30, second=0, microsecond=0)
    meeting = MeetingFactory(community=community, title="Plenair: de buurtbus", starts_at=starts,
                             ends_at=starts + timedelta(hours=3), host=host, host_state=HostState.ACCEPTED,
                             venue="Bij Anouk thuis", address="Dorpsstraat 12, Hellendoorn")
    for position, (title, minutes) in enumerate([
            ("Welkom en terugblik", 15), ("Stand van de werkgroepen", 30), ("De buurtbus: wie rijdt er?", 45),
            ("Pauze met soep", 30), ("Wat nemen we mee naar de gemeente?", 30), ("Afspraken en volgende gastheer", 15)],
            start=1):
        AgendaItem.objects.create(meeting=meeting, title=title, duration_minutes=minutes, position=position,
                                  proposed_by=guest, description="Kort voorbereiden: lees de notitie.")
    Rsvp.objects.create(meeting=meeting, membership=guest, answer="yes")
    return facilitator, meeting


def test_the_agenda_prints_first_on_one_a4_without_the_interactive_parts(browser, live_server, plenary):
    facilitator, meeting = plenary
    context = browser.new_context(viewport={"width": A4_INNER_WIDTH, "height": A4_INNER_HEIGHT})
    page = context.new_page()
    try:
        login(page, live_server, facilitator.user.email, PASSWORD)
        page.goto(f"{live_server.url}/c/{facilitator.community.slug}/meetings/{meeting.pk}/")
        assert page.locator("#rsvp").is_visible() and page.get_by_text("Geen noten").is_visible()  # on screen
        page.emulate_media(media="print")
        for hidden in ("#rsvp", ".site-header", "form", ".actions"):
            assert all(not e.is_visible() for e in page.locator(hidden).all()), f"{hidden} prints"
        assert not page.get_by_text("Geen noten").is_visible(), "the dietary list prints"
        text = page.locator("main").inner_text()
        assert "Dorpsstraat 12, Hellendoorn" in text and meeting.title in text
        assert "18:30" in text or "19:30" in text  # the start, in the community's time zone
        agenda = page.locator("#agenda").bounding_box()
        assert agenda["y"] + agenda["height"] <= A4_INNER_HEIGHT, "the agenda does not fit on the first page"
        pdf = page.pdf(format="A4", print_background=False)
    finally:
        context.close()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))
    assert pages == 1, f"the agenda page prints on {pages} pages"
