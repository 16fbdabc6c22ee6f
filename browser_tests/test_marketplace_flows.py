"""The marketplace in a real browser, with and without JavaScript: an organisation enters a need without an
account and confirms it; an organiser records a match from a suggestion (a negative value first); a party
answers the follow-up. No console or CSP errors; axe clean."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from browser_tests.conftest import PASSWORD, check_accessibility, login
from marketplace import links
from marketplace.models import Entry, FollowUp, Match
from marketplace.tests.factories import EntryFactory, MarketplaceFactory, MatchFactory, add_to_workgroup
from participants.tests.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



@pytest.fixture(autouse=True)
def _fresh_limits():
    # The rate limit counts in a database table that a transactional test does not empty.
    from django.db import connection
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM lg_cache_limits")
    cache.clear()


@pytest.fixture
def marketplace(db):
    me = MembershipFactory(community__slug="lg-mp", community__name="LG Beursvloer", user__name="Olga Organiser")
    me.user.set_password(PASSWORD)
    me.user.save()
    marketplace = MarketplaceFactory(community=me.community, workgroup__community=me.community,
                                     title="Beursvloer Hellendoorn")
    add_to_workgroup(marketplace.workgroup, me)
    marketplace.organiser = me
    return marketplace


def test_an_organisation_enters_a_need_and_confirms_it(page_factory, live_server, marketplace):
    page = page_factory()
    page.goto(f"{live_server.url}/beursvloer/{marketplace.public_token}/")
    check_accessibility(page)
    box = page.locator("#id_website").bounding_box()
    assert box["x"] + box["width"] <= 0  # the honeypot is out of sight
    page.check("#id_side_0")
    page.fill("#id_organisation", "Stichting Taalcafé")
    page.fill("#id_contact_name", "Ria Hulst")
    page.fill("#id_email", "ria@taalcafe.example")
    page.select_option("#id_org_kind", "non_profit")
    page.select_option("#id_category", "materials")
    page.fill("#id_description", "Tien laptops voor onze taallessen.")
    page.click("button:has-text('Inschrijving versturen')")
    page.wait_for_selector("text=Bijna klaar")
    check_accessibility(page)
    entry = Entry.objects.get()
    assert entry.confirmed_at is None
    page.goto(f"{live_server.url}/beursvloer-bevestigen/{links.entry_confirm_token(entry)}/")
    page.click("button:has-text('Ja, bevestig mijn inschrijving')")
    page.wait_for_selector("text=is bevestigd")
    check_accessibility(page)
    entry.refresh_from_db()
    assert entry.confirmed_at is not None


def test_organiser_records_a_match_from_a_suggestion(page_factory, live_server, marketplace):
    need = EntryFactory(marketplace=marketplace, side="need", organisation="Taalcafé",
                        description="Laptops voor taallessen")
    offer = EntryFactory(marketplace=marketplace, side="offer", organisation="ICT Hulst",
                         description="Afgeschreven laptops")
    page = page_factory()
    login(page, live_server, marketplace.organiser.user.email, PASSWORD)
    page.goto(f"{live_server.url}/c/lg-mp/marketplace/{marketplace.pk}/matching/")
    check_accessibility(page)
    page.click("a:has-text('Vastleggen')")
    page.wait_for_load_state()
    assert page.locator("#id_need").input_value() == str(need.pk)
    assert page.locator("#id_offer").input_value() == str(offer.pk)
    page.fill("#id_what", "ICT Hulst brengt tien laptops.")
    page.fill("#id_value_eur", "-5")
    page.click("button:has-text('Match vastleggen')")
    page.wait_for_selector("text=De waarde kan niet negatief zijn")
    assert page.locator("#id_what").input_value() == "ICT Hulst brengt tien laptops."
    page.fill("#id_value_eur", "2500")
    page.click("button:has-text('Match vastleggen')")
    page.wait_for_selector("text=Match vastgelegd")
    check_accessibility(page)
    match = Match.objects.get()
    assert (match.need, match.offer, match.value_eur) == (need, offer, 2500)
    page.goto(f"{live_server.url}/c/lg-mp/marketplace/{marketplace.pk}/")
    check_accessibility(page)
    page.goto(f"{live_server.url}/c/lg-mp/marketplace/{marketplace.pk}/matches/print/")
    assert page.locator("text=ICT Hulst").count() >= 1


def test_a_party_answers_the_follow_up(page_factory, live_server, marketplace):
    match = MatchFactory(marketplace=marketplace, due_on=marketplace.held_on + timedelta(weeks=2))
    follow_up = FollowUp.objects.create(match=match, party="need")
    page = page_factory()
    page.goto(links.follow_up_url(follow_up, "delivered").replace("http://127.0.0.1:8000", live_server.url))
    check_accessibility(page)
    page.click("button:has-text('Ja, het is gebeurd')")
    page.wait_for_selector("text=genoteerd")
    check_accessibility(page)
    match.refresh_from_db()
    assert match.status == "delivered"
