"""The lessons flows in a real browser, with and without JavaScript: a member marks a compass item in
an open self-assessment round, a participant looks back on an activity, the coordinator reads the
overview. No console or CSP errors; axe clean."""

from datetime import timedelta

import pytest
from django.utils import timezone

from browser_tests.conftest import PASSWORD, check_accessibility, login, member
from lessons import services
from lessons.models import AssessmentAnswer, Item, Reflection
from lessons.tests.factories import ActivityFactory, WorkgroupFactory, ensure_compass

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]





@pytest.fixture
def setup(db):
    ensure_compass()  # other transactional tests flush the tables the data migration filled
    coordinator = member(community__slug="lg-ls", community__name="LG Lessen", is_coordinator=True,
                         user__name="Cor Coördinator")
    community = coordinator.community
    pia = member(community, user__name="Pia Deelnemer")
    workgroup = WorkgroupFactory(community=community, name="Stagebank")
    activity = ActivityFactory(workgroup=workgroup, title="Bezoek aan de bakkerij", participants=[pia],
                               happened_on=timezone.localdate() - timedelta(days=2))
    round = services.assessment_round_open(community=community, by=coordinator)
    return coordinator, pia, activity, round


def test_member_marks_a_compass_item_in_an_open_round(page_factory, live_server, setup):
    _coordinator, pia, _activity, round = setup
    page = page_factory()
    login(page, live_server, pia.user.email, PASSWORD)
    page.goto(f"{live_server.url}/c/lg-ls/compass/")
    check_accessibility(page)
    page.click("text=Beoordeel het kompas voor jullie gemeenschap")
    page.wait_for_load_state()
    item = Item.objects.get(key="start-always-1")
    block = page.locator(f"#item-{item.pk}")
    block.get_by_label("Verdient aandacht").check()
    block.locator("textarea").fill("Nog niet iedereen wil veranderen.")
    block.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector(f"#item-{item.pk} >> text=Opgeslagen." if page.javascript else "text=Je antwoord is opgeslagen.")
    answer = AssessmentAnswer.objects.get(round=round, item=item, membership=pia)
    assert answer.state == "attention" and answer.note == "Nog niet iedereen wil veranderen."
    assert "Je hebt 1 van de 63 punten beantwoord." in page.content()
    check_accessibility(page)
    page.goto(f"{live_server.url}/c/lg-ls/compass/rounds/")
    check_accessibility(page)


def test_participant_looks_back_and_coordinator_sees_the_overview(page_factory, live_server, setup):
    coordinator, pia, activity, _round = setup
    page = page_factory()
    login(page, live_server, pia.user.email, PASSWORD)
    page.goto(f"{live_server.url}/c/lg-ls/reflections/")
    check_accessibility(page)
    page.click("text=Bezoek aan de bakkerij")
    page.wait_for_load_state()
    page.get_by_label("Wat hebben we gedaan?").fill("We keken in de keuken van de bakkerij.")
    page.get_by_label("Wat doen we de volgende keer anders?").fill("Meer jongeren meenemen.")
    page.get_by_label("Mijn persoonlijke inzicht").fill("Vragen stellen helpt.")
    page.get_by_label("Deel mijn inzicht met de groep").check()
    page.get_by_role("button", name="Reflectie opslaan").click()
    page.wait_for_selector("text=Dank je wel, je reflectie is opgeslagen.")
    assert Reflection.objects.get(activity=activity, membership=pia).insight_shared
    check_accessibility(page)

    other = page_factory()
    login(other, live_server, coordinator.user.email, PASSWORD)
    other.goto(f"{live_server.url}/c/lg-ls/reflections/")
    assert "Vragen stellen helpt." in other.content()
    check_accessibility(other)
    other.goto(f"{live_server.url}/c/lg-ls/compass/print/")
    check_accessibility(other)
