"""The main flows as real people click them, in Dutch and in English, with and without JavaScript:
a facilitator schedules a plenary from the proposal and the proposed host accepts; a participant
answers a meeting and joins a workgroup; a coordinator finds an overdue reflection and a participant
who took part writes it; a person finds their calendar feed on the settings page and subscribes.

Every page a flow passes is checked by axe-core (no serious or critical violations) and page_factory
fails the test on any console error or Content-Security-Policy violation. Locators never use visible
text: the same test runs in both languages (names, values, ids and links instead). The first person
in a flow switches with the language button; the second has English in their profile."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from browser_tests.conftest import PASSWORD, check_accessibility, login
from lessons.models import Reflection
from lessons.tests.factories import ActivityFactory
from meetings.models import HostState, Meeting, Rsvp
from meetings.tests.factories import MeetingFactory
from participants.tests.factories import MembershipFactory
from workgroups.models import WorkgroupMember
from workgroups.tests.factories import WorkgroupFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "lg-trust"
CHECKED = []  # (flow, language, url): the pages axe checked, for the report


@pytest.fixture(scope="module", autouse=True)
def _summary():
    yield
    if CHECKED:  # shown with -s
        print(f"\naxe-checked pages: {len(CHECKED)} ({len({(f, u) for f, _l, u in CHECKED})} distinct per flow)")


@pytest.fixture(params=["nl", "en"])
def lang(request):
    return request.param


def person(community=None, *, lang="nl", **kwargs):
    if community is None:
        kwargs.update(community__slug=SLUG, community__name="LG Vertrouwen")
    else:
        kwargs["community"] = community
    m = MembershipFactory(**kwargs)
    m.user.set_password(PASSWORD)
    m.user.language = lang
    m.user.save()
    return m


def sign_in(page_factory, live_server, membership, lang, *, switch=True):
    """Log in; with `switch`, choose the language with the button in the top bar (it sticks to the
    person); without, the person's profile language must already be in force."""
    page = page_factory(locale="nl-NL" if lang == "nl" else "en-GB")
    login(page, live_server, membership.user.email, PASSWORD)
    if switch and lang == "en":
        page.click("header button[name=language][value=en]")
        page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == lang
    return page


def axe(page, flow, lang):
    assert page.locator("html").get_attribute("lang") == lang
    check_accessibility(page)
    if page.javascript:
        CHECKED.append((flow, lang, re.sub(r"^https?://[^/]+", "", page.url)))


def url(live_server, path):
    return f"{live_server.url}{path}"


# --- (a) a plenary from the proposal, and the host accepts ------------------------------------------

def test_facilitator_schedules_a_plenary_from_the_proposal_and_the_host_accepts(page_factory, live_server, lang):
    fac = person(is_facilitator=True, is_participant=False, user__name="Fien Facilitator")
    host = person(fac.community, lang=lang, user__name="Harm Host", willing_to_host=True,
                  user__address="Molenweg 3, Hellendoorn")
    person(fac.community, user__name="Pia Deelnemer")

    page = sign_in(page_factory, live_server, fac, lang)
    page.click(f"nav a[href='/c/{SLUG}/meetings/']")
    page.wait_for_load_state()
    axe(page, "plenary", lang)
    page.goto(url(live_server, f"/c/{SLUG}/meetings/new/?kind=plenary"))
    assert page.locator("#proposal-title").count() == 1
    assert page.locator("select[name=host]").input_value() == str(host.pk)  # the proposal is preselected
    axe(page, "plenary", lang)
    page.fill("input[name=meal_note]", "Stamppot")
    page.click("#main form:has(input[name=kind][value=plenary]) button[type=submit]")
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    meeting = Meeting.objects.get()
    assert meeting.host == host and meeting.host_state == HostState.PROPOSED
    # The host's home address is used only once they say yes "at my place" (issue 16).
    assert meeting.at_host_home and meeting.address == "" and meeting.meal_note == "Stamppot"
    axe(page, "plenary", lang)

    other = sign_in(page_factory, live_server, host, lang, switch=False)  # English from the profile
    other.click(f".callout a[href='/c/{SLUG}/meetings/{meeting.pk}/#host']")  # "you are asked to host", first
    other.wait_for_load_state()
    assert other.locator("section[aria-labelledby=host-title]").count() == 1
    axe(other, "plenary", lang)
    other.click("button[name=answer][value=accept]")
    other.wait_for_selector("section[aria-labelledby=host-title]", state="detached")
    meeting.refresh_from_db()
    assert meeting.host_state == HostState.ACCEPTED and meeting.address == "Molenweg 3, Hellendoorn"
    axe(other, "plenary", lang)


# --- (b) answer a meeting, join a workgroup ---------------------------------------------------------

def test_participant_answers_a_meeting_and_joins_a_workgroup(page_factory, live_server, lang):
    pia = person(user__name="Pia Deelnemer", sector="resident")
    community = pia.community
    start = (timezone.now() + timedelta(days=12)).replace(hour=17, minute=30, second=0, microsecond=0)
    meeting = MeetingFactory(community=community, title="Plenair najaar", starts_at=start,
                             ends_at=start + timedelta(hours=3))
    workgroup = WorkgroupFactory(community=community, name="Stages")
    member_of(workgroup, user__name="Dirk Doener", sector="entrepreneur")

    page = sign_in(page_factory, live_server, pia, lang)
    assert page.url.endswith(f"/c/{SLUG}/")
    axe(page, "rsvp+join", lang)
    page.locator(f"a[href='/c/{SLUG}/meetings/{meeting.pk}/']").first.click()
    page.wait_for_load_state()
    axe(page, "rsvp+join", lang)
    page.click("#rsvp button[name=answer][value=yes]")
    page.wait_for_selector("#rsvp button[value=yes][aria-pressed=true]")
    assert Rsvp.objects.get(membership=pia, meeting=meeting).answer == "yes"
    axe(page, "rsvp+join", lang)

    page.click(f"nav a[href='/c/{SLUG}/workgroups/']")
    page.wait_for_load_state()
    axe(page, "rsvp+join", lang)
    page.click(f"#wg-{workgroup.pk} form[action$='/join/'] button[type=submit]")
    page.wait_for_selector(f"#wg-{workgroup.pk} form[action$='/leave/']")
    assert WorkgroupMember.objects.filter(workgroup=workgroup, membership=pia).exists()
    axe(page, "rsvp+join", lang)


# --- (c) an overdue reflection: the coordinator sees it, a participant writes it ---------------------

def test_coordinator_finds_an_overdue_reflection_and_a_participant_writes_it(page_factory, live_server, lang):
    cor = person(is_coordinator=True, user__name="Cor Coördinator")
    community = cor.community
    pia = person(community, lang=lang, user__name="Pia Deelnemer")
    workgroup = WorkgroupFactory(community=community, name="Stagebank")
    activity = ActivityFactory(workgroup=workgroup, community=community, title="Bezoek aan de bakkerij",
                               participants=[pia], happened_on=timezone.localdate() - timedelta(days=10))
    link = f"a[href='/c/{SLUG}/reflections/activity/{activity.pk}/']"

    page = sign_in(page_factory, live_server, cor, lang)
    page.click(f"nav a[href='/c/{SLUG}/reflections/']")
    page.wait_for_load_state()
    assert page.locator(f"section[aria-labelledby=overdue-title] {link}").count() == 1
    axe(page, "reflection", lang)

    other = sign_in(page_factory, live_server, pia, lang, switch=False)
    other.goto(url(live_server, f"/c/{SLUG}/reflections/"))
    axe(other, "reflection", lang)
    other.click(f"section[aria-labelledby=due-title] {link}")
    other.wait_for_load_state()
    axe(other, "reflection", lang)
    other.fill("textarea[name=what_we_did]", "We keken in de keuken van de bakkerij.")
    other.fill("textarea[name=next_time]", "Meer jongeren meenemen.")
    other.fill("textarea[name=insight]", "Vragen stellen helpt.")
    other.check("input[name=insight_shared]")
    other.click("form[action$='/submit/'] button[type=submit]")
    other.wait_for_url(re.compile(rf"/reflections/activity/{activity.pk}/$"))
    reflection = Reflection.objects.get(activity=activity, membership=pia)
    assert reflection.insight_shared and reflection.what_we_did.startswith("We keken")
    axe(other, "reflection", lang)

    page.reload()
    assert page.locator(f"section[aria-labelledby=overdue-title] {link}").count() == 0
    axe(page, "reflection", lang)


# --- (d) the calendar feed --------------------------------------------------------------------------

def test_person_finds_their_calendar_feed_and_it_is_a_valid_calendar(page_factory, live_server, lang, settings):
    settings.SITE_URL = live_server.url  # the feed link is on the portal's public address
    pia = person(user__name="Pia Deelnemer")
    start = (timezone.now() + timedelta(days=9)).replace(hour=18, minute=0, second=0, microsecond=0)
    meeting = MeetingFactory(community=pia.community, title="Plenair met soep", starts_at=start,
                             ends_at=start + timedelta(hours=3))

    page = sign_in(page_factory, live_server, pia, lang)
    page.click("header a[href='/settings/']")
    page.wait_for_load_state()
    axe(page, "calendar feed", lang)
    feed = page.locator("#calendar-https").input_value()
    assert page.locator("#calendar-webcal").input_value() == "webcal://" + feed.split("://", 1)[1]
    pia.user.refresh_from_db()
    assert feed.endswith(f"/calendar/{pia.user.feed_token}.ics")

    response = page.request.get(feed)  # what a calendar program does: no session needed
    assert response.status == 200 and response.headers["content-type"].startswith("text/calendar")
    again = Client().get(urlsplit(feed).path)  # and without any cookie at all
    assert again.status_code == 200
    for body in (response.body(), again.content):
        calendar = Calendar.from_ical(body)
        events = calendar.walk("VEVENT")
        assert [str(e["SUMMARY"]) for e in events] == ["Plenair met soep"]
        assert events[0].decoded("DTSTART") == meeting.starts_at
        assert str(events[0]["UID"])
