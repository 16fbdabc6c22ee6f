"""The personal feed: what it holds (and the setting that widens it), and how it answers the calendar
apps that poll it every few minutes: ETag and Last-Modified, a 304 from one cheap query, and a new
validator for every change that alters the feed."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from meetings import services
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.models import User
from participants.tests.factories import MembershipFactory
from workgroups import services as workgroup_services
from workgroups.tests.factories import WorkgroupFactory, WorkgroupMemberFactory


@pytest.fixture(autouse=True)
def _one_cache_for_all_web_processes(monkeypatch):
    """The suite is one process, so even its local-memory cache is the one every "web process" shares:
    as with Redis in production, Last-Modified is sent (lg_portal.common.conditional)."""
    from lg_portal.common import conditional

    monkeypatch.setattr(conditional, "shared_cache", lambda: True)


def test_without_a_shared_cache_there_is_no_last_modified_and_the_etag_alone_answers(monkeypatch, anon_client,
                                                                                     participant):
    from lg_portal.common import conditional

    monkeypatch.setattr(conditional, "shared_cache", lambda: False)
    first = feed(anon_client, participant.user)
    assert first.status_code == 200 and "Last-Modified" not in first
    assert feed(anon_client, participant.user, **{"If-None-Match": first["ETag"]}).status_code == 304
    assert feed(anon_client, participant.user, **{"If-Modified-Since": "Wed, 01 Jan 2025 00:00:00 GMT"}).status_code == 200


def feed(client, user, **headers):
    return client.get(f"/calendar/{user.feed_token}.ics", headers=headers)


def titles(response):
    return {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).events}


@pytest.fixture
def groups(community, participant, other_community, outsider):
    """Pia is in 'Eigen'; 'Open' is open and not hers, 'Dicht' closed and not hers; the other
    community has meetings of its own, an open workgroup's too."""
    own = WorkgroupFactory(community=community, name="Eigen")
    WorkgroupMemberFactory(workgroup=own, membership=participant)
    open_ = WorkgroupFactory(community=community, name="Open")
    closed = WorkgroupFactory(community=community, name="Dicht", closed=True)
    elsewhere = WorkgroupFactory(community=other_community, name="Elders open")
    meetings = {
        "plenary": MeetingFactory(community=community, title="Plenair"),
        "visit": MeetingFactory(community=community, kind="work_visit", title="Werkbezoek"),
        "own": MeetingFactory(community=community, kind="workgroup", workgroup=own, title="Werkgroep Eigen"),
        "open": MeetingFactory(community=community, kind="workgroup", workgroup=open_, title="Werkgroep Open"),
        "closed": MeetingFactory(community=community, kind="workgroup", workgroup=closed, title="Werkgroep Dicht"),
        "other_plenary": MeetingFactory(community=other_community, title="Elders plenair"),
        "other_open": MeetingFactory(community=other_community, kind="workgroup", workgroup=elsewhere,
                                     title="Werkgroep Elders open"),
    }
    return {"own": own, "open": open_, "closed": closed, **{f"m_{k}": v for k, v in meetings.items()}}


# What the feed holds ---------------------------------------------------------------------------------

def test_feed_holds_what_concerns_the_person(anon_client, participant, groups):
    assert titles(feed(anon_client, participant.user)) == {"Plenair", "Werkbezoek", "Werkgroep Eigen"}


def test_an_answer_brings_an_open_workgroups_meeting_in(anon_client, participant, groups):
    RsvpFactory(meeting=groups["m_open"], membership=participant, answer="maybe")
    assert "Werkgroep Open" in titles(feed(anon_client, participant.user))


def test_what_they_scheduled_is_in_too(anon_client, participant, groups, community):
    MeetingFactory(community=community, kind="workgroup", workgroup=groups["open"], title="Mijn overleg",
                   created_by=participant)
    assert "Mijn overleg (Open)" in titles(feed(anon_client, participant.user))


def test_the_setting_adds_every_open_workgroup_of_their_communities(anon_client, participant, groups):
    participant.user.feed_all_workgroups = True
    participant.user.save()
    assert titles(feed(anon_client, participant.user)) == {
        "Plenair", "Werkbezoek", "Werkgroep Eigen", "Werkgroep Open"}


def test_a_closed_workgroup_stays_out_even_after_an_answer(anon_client, participant, groups):
    """An answer given while in the group does not keep its meetings in the feed after leaving."""
    participant.user.feed_all_workgroups = True
    participant.user.save()
    RsvpFactory(meeting=groups["m_closed"], membership=participant, answer="yes")
    assert "Werkgroep Dicht" not in titles(feed(anon_client, participant.user))
    WorkgroupMemberFactory(workgroup=groups["closed"], membership=participant)
    assert "Werkgroep Dicht" in titles(feed(anon_client, participant.user))


def test_another_communitys_meetings_never_appear(anon_client, participant, outsider, groups):
    for all_workgroups in (False, True):
        participant.user.feed_all_workgroups = all_workgroups
        participant.user.save()
        assert not {"Elders plenair", "Werkgroep Elders open"} & titles(feed(anon_client, participant.user))
    assert titles(feed(anon_client, outsider.user)) == {"Elders plenair"}


def test_stepping_out_empties_that_communitys_part(anon_client, participant, groups):
    participant.status = "stepped_out"
    participant.save()
    assert titles(feed(anon_client, participant.user)) == set()


# The setting, on the settings page ----------------------------------------------------------------------

def test_settings_page_offers_the_setting_as_a_plain_form(participant_client, participant):
    html = participant_client.get("/settings/").content.decode()
    section = html[html.index('id="calendar"'):]
    form = section[section.index('<form method="post" action="/calendar/settings/">'):]
    form = form[:form.index("</form>")]
    assert 'name="csrfmiddlewaretoken"' in form
    assert 'type="checkbox" name="all_workgroups" id="calendar-all-workgroups"' in form
    assert '<label for="calendar-all-workgroups">' in form
    assert " checked" not in form
    participant.user.feed_all_workgroups = True
    participant.user.save()
    html = participant_client.get("/settings/").content.decode()
    assert 'id="calendar-all-workgroups" aria-describedby="calendar-all-workgroups-help" checked' in html


def test_the_setting_is_saved_by_post_with_a_message(participant_client, participant):
    response = participant_client.post("/calendar/settings/", {"all_workgroups": "on"})
    assert response.status_code == 302 and response["Location"] == "/settings/#calendar"
    assert User.objects.get(pk=participant.user.pk).feed_all_workgroups is True
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Je agenda-link toont nu ook de bijeenkomsten van alle open werkgroepen."]
    response = participant_client.post("/calendar/settings/", {})  # an unticked box is not sent
    assert User.objects.get(pk=participant.user.pk).feed_all_workgroups is False
    assert "alleen de bijeenkomsten die jou aangaan" in participant_client.get("/settings/").content.decode()


def test_the_setting_needs_post_a_login_and_the_csrf_token(participant, anon_client):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(participant.user)
    assert strict.get("/calendar/settings/").status_code == 405
    assert strict.post("/calendar/settings/", {"all_workgroups": "on"}).status_code == 403
    response = anon_client.post("/calendar/settings/", {"all_workgroups": "on"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert User.objects.get(pk=participant.user.pk).feed_all_workgroups is False


def test_the_setting_is_off_for_everyone_at_first(participant):
    assert User.objects.get(pk=participant.user.pk).feed_all_workgroups is False


# ETag, Last-Modified and 304 -----------------------------------------------------------------------------

def test_feed_carries_validators_and_answers_a_conditional_request_with_304(anon_client, participant, groups):
    first = feed(anon_client, participant.user)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('W/"') and modified.endswith("GMT")
    for headers in ({"If-None-Match": etag}, {"If-Modified-Since": modified},
                    {"If-None-Match": etag, "If-Modified-Since": modified}):
        again = feed(anon_client, participant.user, **headers)
        assert again.status_code == 304, headers
        assert again.content == b""
        assert again["ETag"] == etag and again["Last-Modified"] == modified
        assert again["Cache-Control"] == "private, max-age=0, no-cache"
        assert again["X-Robots-Tag"] == "noindex"
    assert feed(anon_client, participant.user, **{"If-None-Match": 'W/"something else"'}).status_code == 200


def test_a_wrong_token_is_404_also_when_conditional(db, anon_client):
    assert anon_client.get("/calendar/nope.ics", headers={"If-None-Match": "*"}).status_code == 404


def _leave(ctx):
    workgroup_services.workgroup_leave(workgroup=ctx["groups"]["own"], membership=ctx["participant"])


def _join(ctx):
    workgroup_services.workgroup_join(workgroup=ctx["groups"]["open"], membership=ctx["participant"])


def _edit(ctx):
    services.meeting_update(meeting=ctx["groups"]["m_plenary"], by=ctx["facilitator"], title="Plenair, nieuw")


def _cancel(ctx):
    services.meeting_cancel(meeting=ctx["groups"]["m_plenary"], by=ctx["facilitator"], reason="Ziek")


def _answer(ctx):
    services.rsvp_set(meeting=ctx["groups"]["m_plenary"], membership=ctx["participant"], answer="yes")


def _answer_again(ctx):
    _answer(ctx)
    ctx["refresh"]()
    services.rsvp_set(meeting=ctx["groups"]["m_plenary"], membership=ctx["participant"], answer="no")


def _toggle(ctx):
    ctx["client"].post("/calendar/settings/", {"all_workgroups": "on"})


def _language(ctx):
    ctx["client"].post("/language/", {"language": "en", "next": "/"})


def _new_meeting(ctx):
    MeetingFactory(community=ctx["participant"].community, title="Nog een plenair")


CHANGES = {"meeting edited": _edit, "meeting cancelled": _cancel, "answer given": _answer,
           "answer changed": _answer_again, "workgroup joined": _join, "workgroup left": _leave,
           "include-all switched on": _toggle, "language changed": _language, "meeting added": _new_meeting}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_every_change_that_alters_the_feed_changes_its_validators(change, anon_client, participant_client,
                                                                   participant, facilitator, groups):
    state = {}

    def refresh():
        response = feed(anon_client, User.objects.get(pk=participant.user.pk))
        state.update(etag=response["ETag"], modified=response["Last-Modified"], body=response.content)

    refresh()
    before = dict(state)
    change({"groups": groups, "participant": participant, "facilitator": facilitator, "client": participant_client,
            "refresh": refresh})
    user = User.objects.get(pk=participant.user.pk)
    by_etag = feed(anon_client, user, **{"If-None-Match": state["etag"]})
    assert by_etag.status_code == 200
    assert by_etag["ETag"] != state["etag"] and by_etag.content != state["body"]
    # A client that only sends If-Modified-Since gets the new feed too, also within the same second.
    assert feed(anon_client, user, **{"If-Modified-Since": state["modified"]}).status_code == 200
    assert feed(anon_client, user, **{"If-Modified-Since": before["modified"]}).status_code == 200
    assert feed(anon_client, user, **{"If-None-Match": by_etag["ETag"]}).status_code == 304


def test_changes_that_do_not_touch_the_feed_keep_its_etag(anon_client, participant, groups, other_community):
    etag = feed(anon_client, participant.user)["ETag"]
    MeetingFactory(community=other_community, title="Elders, later")
    MeetingFactory(community=groups["open"].community, kind="workgroup", workgroup=groups["open"], title="Niet van mij")
    RsvpFactory(meeting=groups["m_plenary"], membership=MembershipFactory(community=groups["open"].community))
    assert feed(anon_client, participant.user, **{"If-None-Match": etag}).status_code == 304


def test_the_etag_turns_over_once_a_day(anon_client, participant, groups, time_machine):
    """Names in other rows (a renamed workgroup, a host's name) are not in the ETag: the date is, so
    they reach every calendar within a day."""
    time_machine.move_to(timezone.now(), tick=False)
    etag = feed(anon_client, participant.user)["ETag"]
    time_machine.shift(timedelta(days=1))
    assert feed(anon_client, participant.user, **{"If-None-Match": etag}).status_code == 200


def test_a_forgotten_cache_costs_one_download_never_a_stale_304(anon_client, participant, groups, time_machine):
    from django.core.cache import cache

    time_machine.move_to(timezone.now(), tick=False)
    modified = feed(anon_client, participant.user)["Last-Modified"]
    time_machine.shift(timedelta(minutes=5))
    workgroup_services.workgroup_leave(workgroup=groups["own"], membership=participant)
    cache.clear()
    response = feed(anon_client, participant.user, **{"If-Modified-Since": modified})
    assert response.status_code == 200
    assert feed(anon_client, participant.user, **{"If-Modified-Since": response["Last-Modified"]}).status_code == 304


# Queries: fixed, and fewer for a 304 ----------------------------------------------------------------------

def _fill(community, participant, workgroup, n):
    for meeting in MeetingFactory.create_batch(n, community=community):
        RsvpFactory(meeting=meeting, membership=participant, answer="maybe")
    MeetingFactory.create_batch(n, community=community, kind="workgroup", workgroup=workgroup)


def test_feed_costs_three_queries_and_a_304_two_whatever_the_size(anon_client, participant, community, groups,
                                                                   django_assert_num_queries):
    for n in (2, 20):
        _fill(community, participant, groups["own"], n)
        with django_assert_num_queries(3):
            etag = feed(anon_client, participant.user)["ETag"]
        with django_assert_num_queries(2):
            assert feed(anon_client, participant.user, **{"If-None-Match": etag}).status_code == 304


def test_the_304_path_renders_nothing(anon_client, participant, groups, monkeypatch):
    from meetings import ics

    etag = feed(anon_client, participant.user)["ETag"]

    def fail(*args, **kwargs):
        raise AssertionError("rendered for a 304")

    monkeypatch.setattr(ics, "feed_calendar", fail)
    monkeypatch.setattr("meetings.selectors.feed_meetings_for_user", fail)
    assert feed(anon_client, participant.user, **{"If-None-Match": etag}).status_code == 304


# The single meeting's .ics -----------------------------------------------------------------------------

def ics_path(meeting):
    return f"/c/{meeting.community.slug}/meetings/{meeting.pk}.ics"


def test_single_ics_answers_a_conditional_request_with_304(participant_client, participant, facilitator, groups):
    meeting = groups["m_plenary"]
    first = participant_client.get(ics_path(meeting))
    etag, modified = first["ETag"], first["Last-Modified"]
    assert participant_client.get(ics_path(meeting), headers={"If-None-Match": etag}).status_code == 304
    assert participant_client.get(ics_path(meeting), headers={"If-Modified-Since": modified}).status_code == 304
    services.rsvp_set(meeting=meeting, membership=participant, answer="yes")
    changed = participant_client.get(ics_path(meeting), headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Jouw antwoord: ja" in changed.content.decode()
    etag = changed["ETag"]
    services.meeting_update(meeting=meeting, by=facilitator, title="Plenair, verzet")
    assert participant_client.get(ics_path(meeting), headers={"If-None-Match": etag}).status_code == 200


def test_single_ics_of_another_community_is_404_also_when_conditional(outsider_client, groups):
    meeting = groups["m_plenary"]
    assert outsider_client.get(ics_path(meeting), headers={"If-None-Match": "*"}).status_code == 404
    closed = groups["m_closed"]
    assert outsider_client.get(ics_path(closed)).status_code == 404


def test_single_ics_of_a_closed_workgroup_is_404_for_others(participant_client, groups):
    assert participant_client.get(ics_path(groups["m_closed"])).status_code == 404


def test_single_ics_costs_the_same_for_few_and_many_answers(participant_client, participant, community, groups):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = groups["m_plenary"]
    counts = []
    for n in (2, 20):
        RsvpFactory.create_batch(n, meeting=meeting)
        with CaptureQueriesContext(connection) as full:
            etag = participant_client.get(ics_path(meeting))["ETag"]
        with CaptureQueriesContext(connection) as cheap:
            assert participant_client.get(ics_path(meeting), headers={"If-None-Match": etag}).status_code == 304
        counts.append((len(full), len(cheap)))
    assert counts[0] == counts[1]
    assert counts[0][1] == counts[0][0] - 1
