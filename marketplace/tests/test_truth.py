"""What the marketplace tells people is true (issue 16): a match is a result, not an activity (the
marketplace is the one activity); follow-up on the agreed day; contradicting answers are shown as such
and count as neither; every constraint speaks the user's language. Each test failed on the old code."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from marketplace import jobs, links, services
from marketplace.models import Entry, FollowUp, Marketplace, Match, Side
from marketplace.selectors import match_totals_for_community
from workgroups.models import Activity

from .factories import AMS, EntryFactory, MatchFactory

pytestmark = pytest.mark.django_db


def at(day, hour=9):
    return datetime.combine(day, time(hour), tzinfo=AMS)


def _marketplace_form(marketplace, **overrides):
    data = {"title": marketplace.title, "workgroup": marketplace.workgroup.pk,
            "held_on": marketplace.held_on.isoformat(), "place": "Sporthal", "audience": "Iedereen",
            "allowed_kinds": ["business", "non_profit"],
            "entry_deadline": f"{marketplace.held_on.isoformat()}T09:00", "follow_up_weeks": 6}
    data.update(overrides)
    return data


# --- bug 1: matches flood the reflections ---------------------------------------------------------------

def test_matches_make_no_activities_and_the_marketplace_is_one_activity_kept_in_step(
        core_client, organiser, community, marketplace):
    by = organiser.user
    made = services.marketplace_create(
        community=community, workgroup=marketplace.workgroup, by=by, title="Beursvloer 2027",
        held_on=marketplace.held_on, place="Theater", audience="Iedereen", allowed_kinds=["non_profit", "business"],
        entry_deadline=marketplace.entry_deadline, follow_up_weeks=6)
    activity = Activity.objects.get()
    assert made.activity == activity and activity.happened_on == made.held_on
    assert activity.workgroup == made.workgroup and activity.title == "Beursvloer 2027"
    for i in range(3):
        services.match_record(marketplace=made, need=EntryFactory(marketplace=made, side=Side.NEED),
                              offer=EntryFactory(marketplace=made, side=Side.OFFER), what=f"Klus {i}",
                              value_eur=Decimal("10"), due_on=None, by=by)
    assert Activity.objects.count() == 1  # the old code added one activity per match
    later = made.held_on + timedelta(days=7)
    response = core_client.post(f"/c/{community.slug}/marketplace/{made.pk}/edit/", _marketplace_form(
        made, title="Beursvloer, verzet", held_on=later.isoformat(), entry_deadline=f"{later.isoformat()}T09:00"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.happened_on) == ("Beursvloer, verzet", later)
    assert Activity.objects.count() == 1


# --- bug 5: follow-up on the agreed day; contradicting answers ------------------------------------------

def test_the_follow_up_goes_out_on_the_agreed_day_not_before(marketplace, mailoutbox):
    agreed = marketplace.held_on + timedelta(weeks=10)  # later than follow_up_weeks (6)
    MatchFactory(marketplace=marketplace, due_on=agreed)
    open_ended = MatchFactory(marketplace=marketplace, due_on=None)
    with time_machine.travel(at(marketplace.held_on + timedelta(weeks=6)), tick=False):
        jobs.follow_ups_run()
    # The old code asked both at six weeks, a month before the agreed day.
    assert set(FollowUp.objects.values_list("match_id", flat=True)) == {open_ended.pk}
    with time_machine.travel(at(agreed - timedelta(days=1)), tick=False):
        assert jobs.follow_ups_create_due() == 0
    with time_machine.travel(at(agreed), tick=False):
        assert jobs.follow_ups_create_due() == 2


def test_a_match_may_be_recorded_without_a_due_date(core_client, organiser, marketplace):
    need = EntryFactory(marketplace=marketplace, side=Side.NEED)
    offer = EntryFactory(marketplace=marketplace, side=Side.OFFER)
    response = core_client.post(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches/new/", {
        "need": need.pk, "offer": offer.pk, "what": "Laptops", "value_eur": "100", "due_on": ""})
    assert response.status_code == 302
    match = Match.objects.select_related("marketplace").get()
    assert match.due_on is None
    assert match.follow_up_on == marketplace.held_on + timedelta(weeks=marketplace.follow_up_weeks)


def test_contradicting_answers_count_as_neither_and_are_shown_to_the_organiser(
        core_client, organiser, community, marketplace):
    match = MatchFactory(marketplace=marketplace, what="Schilderwerk")
    need = FollowUp.objects.create(match=match, party=Side.NEED, sent_at=timezone.now())
    offer = FollowUp.objects.create(match=match, party=Side.OFFER, sent_at=timezone.now())
    services.follow_up_answer(token=links.follow_up_token(need), answer="delivered")
    services.follow_up_answer(token=links.follow_up_token(offer), answer="dropped")
    match.refresh_from_db()
    assert match.status == "pending" and match.delivered_on is None  # the old code made it delivered
    totals = match_totals_for_community(community=community)
    assert (totals["delivered"], totals["dropped"], totals["open"]) == (0, 0, 1)
    response = core_client.get(f"/c/{community.slug}/marketplace/{marketplace.pk}/")
    groups = {key: [m.what for m in ms] for key, _title, ms in response.context["status_groups"]}
    assert groups["contradicting"] == ["Schilderwerk"] and groups["pending"] == []
    assert "De antwoorden spreken elkaar tegen" in response.text
    # The organiser decides: delivered, from today.
    core_client.post(f"/c/{community.slug}/marketplace/{marketplace.pk}/matches/{match.pk}/status/",
                     {"status": "delivered"})
    match.refresh_from_db()
    assert match.status == "delivered" and match.delivered_on == timezone.localdate()


def test_delivered_on_is_set_whenever_a_match_becomes_delivered_and_cleared_after(marketplace):
    match = MatchFactory(marketplace=marketplace)
    day = timezone.now() + timedelta(days=3)
    services.match_set_status(match=match, status="delivered", now=day)
    match.refresh_from_db()
    assert match.delivered_on == timezone.localdate(day)
    services.match_set_status(match=match, status="dropped")
    match.refresh_from_db()
    assert match.delivered_on is None
    follow_up = FollowUp.objects.create(match=match, party=Side.NEED, sent_at=timezone.now())
    services.follow_up_answer(token=links.follow_up_token(follow_up), answer="delivered", now=day)
    match.refresh_from_db()
    assert (match.status, match.delivered_on) == ("delivered", timezone.localdate(day))


# --- bug 6: constraints speak the user's language ----------------------------------------------------

@pytest.mark.parametrize("weeks", ["0", "53"])
def test_follow_up_weeks_out_of_range_gets_a_clear_message(core_client, organiser, marketplace, weeks):
    response = core_client.post(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/edit/",
                                _marketplace_form(marketplace, follow_up_weeks=weeks))
    assert response.status_code == 200
    assert "Navragen kan van 1 tot en met 52 weken" in response.text
    assert "Beperking" not in response.text and "geschonden" not in response.text


def test_every_marketplace_constraint_has_its_own_message():
    for model in (Marketplace, Entry, Match, FollowUp):
        for constraint in model._meta.constraints:
            assert constraint.violation_error_message, constraint.name
            assert "%(name)s" not in str(constraint.violation_error_message), constraint.name


def test_a_zero_week_follow_up_through_the_service_is_refused_with_the_message(community, marketplace):
    with pytest.raises(ValidationError) as error:
        services.marketplace_update(marketplace=marketplace, follow_up_weeks=0)
    assert "Navragen kan van 1 tot en met 52 weken" in str(error.value)
