import pytest

from browser_tests.conftest import PASSWORD, check_accessibility, login
from participants.tests.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



@pytest.fixture
def member(db):
    membership = MembershipFactory(community__slug="lg-browser", community__name="LG Browser",
                                   community__ground_rules="Wees eerlijk.", ground_rules_accepted_at=None)
    membership.user.set_password(PASSWORD)
    membership.user.save()
    return membership


def test_participant_logs_in_accepts_ground_rules_and_switches_to_english(page_factory, live_server, member):
    page = page_factory()
    page.goto(live_server.url + "/")
    check_accessibility(page)
    login(page, live_server, member.user.email, PASSWORD)
    assert page.url.endswith("/c/lg-browser/")
    check_accessibility(page)
    page.click("text=Spelregels lezen")
    check_accessibility(page)
    page.click("button:has-text('Ik accepteer de spelregels')")
    page.wait_for_selector("text=Je hebt de spelregels geaccepteerd")
    member.refresh_from_db()
    assert member.ground_rules_accepted_at is not None
    page.click("button:has-text('English')")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
