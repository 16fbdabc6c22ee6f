"""Calendar: per-meeting .ics and the private feed, parsed with the icalendar library."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from meetings.tests.factories import MeetingFactory, RsvpFactory
from workgroups.tests.factories import WorkgroupFactory, WorkgroupMemberFactory


def feed(client, user):
    return client.get(f"/calendar/{user.feed_token}.ics")


@pytest.fixture
def meetings(community, participant):
    start = datetime(2027, 3, 2, 18, 30, tzinfo=UTC)
    a = MeetingFactory(community=community, title="Plenair maart", starts_at=start, ends_at=start + timedelta(hours=4),
                       sequence=3)
    b = MeetingFactory(community=community, title="Plenair april", cancelled_at=timezone.now(), sequence=1)
    RsvpFactory(meeting=a, membership=participant, answer="yes")
    return a, b


def test_feed_needs_no_login_and_parses(anon_client, participant, meetings, settings):
    settings.SITE_URL = "https://lg.example.nl"
    response = feed(anon_client, participant.user)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    assert "METHOD" not in cal  # a calendar to subscribe to, not an iTIP message
    assert "X-WR-CALNAME" in cal
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Amsterdam"]
    events = {str(e["SUMMARY"]): e for e in cal.events}
    a, b = meetings
    march = events["Plenair maart"]
    assert str(march["UID"]) == f"meeting-{a.pk}@lg.example.nl"
    assert march["SEQUENCE"] == 3
    assert "DTSTAMP" in march
    assert march.start == datetime(2027, 3, 2, 18, 30, tzinfo=UTC)
    assert march["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(march["STATUS"]) == "CONFIRMED"
    attendee = march["ATTENDEE"]
    assert str(attendee) == f"mailto:{participant.user.email}"
    assert attendee.params["PARTSTAT"] == "ACCEPTED"
    assert "Jouw antwoord: ja" in str(march["DESCRIPTION"])
    april = events["Plenair april"]
    assert str(april["STATUS"]) == "CANCELLED"
    assert april["ATTENDEE"].params["PARTSTAT"] == "NEEDS-ACTION"


def test_unknown_token_is_404(anon_client, meetings):
    assert anon_client.get("/calendar/not-a-token.ics").status_code == 404


def test_feed_leaves_out_other_communities_and_closed_workgroups(anon_client, participant, community, other_community):
    participant.user.feed_all_workgroups = True  # every open workgroup's meetings, not only their own
    participant.user.save()
    MeetingFactory(community=other_community, title="Elders")
    closed = WorkgroupFactory(community=community, closed=True)
    MeetingFactory(community=community, kind="workgroup", workgroup=closed, title="Gesloten groep")
    open_wg = WorkgroupFactory(community=community)
    MeetingFactory(community=community, kind="workgroup", workgroup=open_wg, title="Open groep")
    titles = {str(e["SUMMARY"]).split(" (")[0] for e in Calendar.from_ical(feed(anon_client, participant.user).content).events}
    assert titles == {"Open groep"}
    WorkgroupMemberFactory(workgroup=closed, membership=participant)
    titles = {str(e["SUMMARY"]).split(" (")[0] for e in Calendar.from_ical(feed(anon_client, participant.user).content).events}
    assert titles == {"Open groep", "Gesloten groep"}


def test_regenerating_the_token_revokes_the_old_one(participant_client, anon_client, participant, meetings):
    old = participant.user.feed_token
    response = participant_client.post("/calendar/regenerate/")
    assert response.status_code == 302
    participant.user.refresh_from_db()
    assert participant.user.feed_token != old
    assert anon_client.get(f"/calendar/{old}.ics").status_code == 404
    assert feed(anon_client, participant.user).status_code == 200


def test_regenerate_is_post_only(participant_client):
    assert participant_client.get("/calendar/regenerate/").status_code == 405


def test_settings_page_shows_the_feed_url(participant_client, participant, settings):
    settings.SITE_URL = "http://testserver"
    html = participant_client.get("/settings/").content.decode()
    assert f"webcal://testserver/calendar/{participant.user.feed_token}.ics" in html
    assert f"http://testserver/calendar/{participant.user.feed_token}.ics" in html
    assert 'action="/calendar/regenerate/"' in html


def test_single_meeting_ics_has_the_fields(participant_client, participant, meetings, settings):
    settings.SITE_URL = "https://lg.example.nl"
    a, _b = meetings
    response = participant_client.get(f"/c/lg-test/meetings/{a.pk}.ics")
    cal = Calendar.from_ical(response.content)
    (event,) = cal.events
    assert str(event["UID"]) == f"meeting-{a.pk}@lg.example.nl"
    assert cal.timezones and "attachment" in response["Content-Disposition"]


def test_single_meeting_ics_of_other_community_is_404(outsider_client, meetings):
    a, _b = meetings
    assert outsider_client.get(f"/c/lg-test/meetings/{a.pk}.ics").status_code == 404


def test_feed_query_count_is_fixed(anon_client, participant, community, django_assert_num_queries):
    """The person, the rows the ETag is made from, the meetings (see test_feed_polling for the 304)."""
    MeetingFactory.create_batch(2, community=community)
    with django_assert_num_queries(3):
        feed(anon_client, participant.user)
    for m in MeetingFactory.create_batch(20, community=community):
        RsvpFactory(meeting=m, membership=participant, answer="maybe")
    with django_assert_num_queries(3):
        feed(anon_client, participant.user)


def test_the_feed_url_shown_is_on_site_url_whatever_host_the_page_was_asked_on(participant_client, participant,
                                                                              settings):
    settings.SITE_URL = "https://lg.example.nl"
    html = participant_client.get("/settings/", HTTP_HOST="localhost").content.decode()
    assert f'value="webcal://lg.example.nl/calendar/{participant.user.feed_token}.ics"' in html
    assert f'value="https://lg.example.nl/calendar/{participant.user.feed_token}.ics"' in html
    assert "localhost/calendar" not in html
