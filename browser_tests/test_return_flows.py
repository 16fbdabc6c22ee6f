"""Return (rendement) flows in a real browser, with and without JavaScript: a participant says what return
means to them and records a relationship return, answers a 'dare to ask' request, reads the dashboard;
a facilitator ends the period with 'stop' and reads the harvest. No console or CSP errors; axe clean."""

from datetime import timedelta

import pytest
from django.utils import timezone

from browser_tests.conftest import PASSWORD, check_accessibility, login, member
from impact.models import AskAnswer, Harvest, ReturnEntry, ReturnExpectation
from impact.tests.factories import AskRequestFactory, ContributionFactory
from lessons.tests.factories import ensure_compass
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]





@pytest.fixture
def setup(db):
    ensure_compass()
    facilitator = member(community__slug="lg-rd", community__name="LG Rendement", is_facilitator=True,
                         is_participant=False, user__name="Femke Begeleider")
    community = facilitator.community
    pia = member(community, user__name="Pia Deelnemer")
    kees = member(community, user__name="Kees Kern", is_core_group=True, sector="entrepreneur")
    starts = timezone.now() - timedelta(days=20)
    meeting = MeetingFactory(community=community, starts_at=starts, ends_at=starts + timedelta(hours=2),
                             attendance_recorded_at=starts + timedelta(days=1))
    Attendance.objects.create(meeting=meeting, membership=pia)
    Attendance.objects.create(meeting=meeting, membership=kees)
    ContributionFactory(community=community, contributor=kees, description="Soep bij Kees")
    ask = AskRequestFactory(community=community, asked_by=kees, title="Een groot scherm")
    return facilitator, pia, kees, ask


def test_participant_records_expectation_and_a_relationship_return(page_factory, live_server, setup):
    _facilitator, pia, kees, _ask = setup
    page = page_factory()
    login(page, live_server, pia.user.email, PASSWORD)
    page.goto(f"{live_server.url}/c/lg-rd/")
    page.click("text=Mijn verwachting invullen")
    page.get_by_role("checkbox", name="Betere relaties").check()
    page.get_by_label("In je eigen woorden").fill("Korte lijnen met ondernemers")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector("text=Je verwachting van rendement is opgeslagen")
    assert ReturnExpectation.objects.get(membership=pia).kinds == ["relations"]
    check_accessibility(page)

    page.goto(f"{live_server.url}/c/lg-rd/return/new/")
    check_accessibility(page)
    page.get_by_role("radio", name="Relatierendement").check()
    page.get_by_label("Wat leverde het op?").fill("Pia en Kees bellen elkaar nu")
    page.get_by_role("checkbox", name="Kees Kern").check()
    page.get_by_role("checkbox", name="Pia Deelnemer").check()
    page.get_by_role("button", name="Vastleggen").click()
    page.wait_for_selector("text=Het rendement staat in het logboek.")
    entry = ReturnEntry.objects.get()
    assert set(entry.people.all()) == {pia, kees}
    check_accessibility(page)

    page.goto(f"{live_server.url}/c/lg-rd/return/who-found-whom/")
    assert "Kees Kern – Pia Deelnemer" in page.content()
    check_accessibility(page)
    page.goto(f"{live_server.url}/c/lg-rd/dashboard/")
    assert page.locator('svg[role="img"]').count() >= 5
    check_accessibility(page)


def test_participant_answers_a_dare_to_ask_request(page_factory, live_server, setup):
    _facilitator, pia, _kees, ask = setup
    page = page_factory()
    login(page, live_server, pia.user.email, PASSWORD)
    page.goto(f"{live_server.url}/c/lg-rd/costs/ask/")
    check_accessibility(page)
    block = page.locator(f"#ask-{ask.pk}")
    block.locator("textarea").fill("Mijn zwager verhuurt er een.")
    block.get_by_role("button", name="Antwoorden").click()
    page.wait_for_selector(f"#ask-{ask.pk} >> text=Dank je wel voor je antwoord." if page.javascript
                           else "text=Dank je wel voor je antwoord.")
    assert AskAnswer.objects.get().body == "Mijn zwager verhuurt er een."
    assert "Mijn zwager verhuurt er een." in page.locator(f"#ask-{ask.pk}").inner_text()
    check_accessibility(page)


def test_facilitator_stops_and_the_harvest_stays_readable(page_factory, live_server, setup):
    facilitator, pia, _kees, _ask = setup
    page = page_factory()
    login(page, live_server, facilitator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/c/lg-rd/harvest/")
    check_accessibility(page)
    page.get_by_role("radio", name="Bewust stoppen").check()
    page.get_by_label("Toelichting bij het besluit").fill("Ons werk is gedaan.")
    page.get_by_role("button", name="Periode afsluiten en oogst maken").click()
    page.wait_for_selector("text=De gemeenschap is bewust gestopt. De oogst blijft beschikbaar.")
    harvest = Harvest.objects.get()
    assert harvest.decision == "stop"
    assert "Ons werk is gedaan." in page.content()
    check_accessibility(page)

    other = page_factory()
    login(other, live_server, pia.user.email, PASSWORD)
    other.goto(f"{live_server.url}/c/lg-rd/harvest/{harvest.pk}/")
    assert "Oogst van LG Rendement" in other.content()
    other.goto(f"{live_server.url}/c/lg-rd/return/")
    assert "Rendement vastleggen" not in other.content()
