"""One question, one answer, on every page that asks it: who drifts away (the home panel, the compass,
the catch-up list), how many take part (the home, the compass, the dashboard), and what changes when a
facilitator catches someone up. The pages read the same selectors, so they cannot disagree."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import Attendance, Rsvp
from meetings.tests.factories import MeetingFactory
from participants.tests.factories import CommunityFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _plenary(community, days_ago, came, regrets=()):
    now = timezone.now()
    meeting = MeetingFactory(community=community, starts_at=now - timedelta(days=days_ago),
                             attendance_recorded_at=now - timedelta(days=days_ago - 1))
    Attendance.objects.bulk_create([Attendance(meeting=meeting, membership=m) for m in came])
    answered = meeting.starts_at - timedelta(days=2)
    Rsvp.objects.bulk_create([Rsvp(meeting=meeting, membership=m, answer="yes", answered_at=answered) for m in came]
                             + [Rsvp(meeting=meeting, membership=m, answer="no", answered_at=answered)
                                for m in regrets])


@pytest.fixture
def world(client):
    today = timezone.localdate()
    community = CommunityFactory(slug="een-antwoord", starts_on=today - timedelta(days=300),
                                 ends_on=today + timedelta(days=300), ground_rules="")
    joined = timezone.now() - timedelta(days=200)
    facilitator = MembershipFactory(community=community, is_facilitator=True, is_participant=False,
                                    user__name="Femke Facilitator", joined_at=joined)
    MembershipFactory(community=community, is_moderator=True, is_participant=False, user__name="Hendrik Host",
                      joined_at=joined)
    regulars = [MembershipFactory(community=community, user__name=f"Vaste {i}", joined_at=joined)
                for i in range(9)]
    dirk, peter, thijs = (MembershipFactory(community=community, user__name=name, joined_at=joined)
                          for name in ("Dirk Haverkamp", "Peter Lammers", "Thijs Dekker"))
    _plenary(community, 100, [*regulars, dirk, peter, thijs])
    _plenary(community, 50, regulars)
    _plenary(community, 10, regulars)
    client.force_login(facilitator.user)
    return {"community": community, "client": client, "dirk": dirk, "peter": peter, "thijs": thijs}


def _pages(world):
    client, slug = world["client"], world["community"].slug
    home = client.get(f"/c/{slug}/")
    compass = client.get(f"/c/{slug}/compass/")
    catch_up = client.get(f"/c/{slug}/catch-up/")
    dashboard = client.get(f"/c/{slug}/dashboard/")
    assert {r.status_code for r in (home, compass, catch_up, dashboard)} == {200}
    return home, compass, catch_up, dashboard


def _home_panel(home, key):
    return next(p[key] for p in home.context["panels"] if key in p)


def _drift_answers(world):
    home, compass, catch_up, _dashboard = _pages(world)
    home_drift = next((c for c in _home_panel(home, "lessons_checks_attention") if c.key == "drift"), None)
    compass_drift = next(c for c in compass.context["checks"] if c.key == "drift")
    listed = [p["membership"].user.name for p in catch_up.context["people"]]
    return {
        "home panel": _home_panel(home, "catch_up_count"),
        "home compass": home_drift.details if home_drift else [],
        "compass": compass_drift.details,
        "catch-up list": listed,
    }


def test_home_compass_and_catch_up_list_name_the_same_people(world):
    answers = _drift_answers(world)
    assert answers == {"home panel": 3, "home compass": ["Dirk Haverkamp", "Peter Lammers", "Thijs Dekker"],
                       "compass": ["Dirk Haverkamp", "Peter Lammers", "Thijs Dekker"],
                       "catch-up list": ["Dirk Haverkamp", "Peter Lammers", "Thijs Dekker"]}


def test_catching_someone_up_takes_them_off_every_page_at_once(world, django_capture_on_commit_callbacks):
    _pages(world)  # the home's compass summary is now cached
    slug = world["community"].slug
    for person in (world["dirk"], world["peter"]):
        with django_capture_on_commit_callbacks(execute=True):
            response = world["client"].post(f"/c/{slug}/catch-up/{person.pk}/contact/", {"note": "gebeld"})
        assert response.status_code == 302
    answers = _drift_answers(world)
    assert answers == {"home panel": 1, "home compass": ["Thijs Dekker"], "compass": ["Thijs Dekker"],
                       "catch-up list": ["Thijs Dekker"]}
    with django_capture_on_commit_callbacks(execute=True):
        world["client"].post(f"/c/{slug}/catch-up/{world['thijs'].pk}/contact/", {"note": "bijgepraat"})
    home, compass, catch_up, _dashboard = _pages(world)
    assert "Niemand lijkt weg te zakken." in home.text
    assert next(c for c in compass.context["checks"] if c.key == "drift").evidence == "Niemand lijkt weg te zakken."
    assert catch_up.context["people"] == []


def test_only_facilitators_see_who_drifts_away_everyone_sees_how_many(world):
    """The catch-up list is the facilitators'; the compass tells every member how many drift away,
    and names them only to the facilitators."""
    slug = world["community"].slug
    facilitator_home = world["client"].get(f"/c/{slug}/").text
    facilitator_compass = world["client"].get(f"/c/{slug}/compass/").text
    assert "3 mensen zakken mogelijk weg" in facilitator_home and "Peter Lammers" in facilitator_home
    assert "Wie: Dirk Haverkamp, Peter Lammers, Thijs Dekker." in facilitator_compass
    member = MembershipFactory(community=world["community"], user__name="Gewoon Lid")
    world["client"].force_login(member.user)
    for page in (f"/c/{slug}/", f"/c/{slug}/compass/", f"/c/{slug}/compass/print/"):
        text = world["client"].get(page).text
        assert "Peter Lammers" not in text and "Thijs Dekker" not in text, page
    assert "3 mensen zakken mogelijk weg" in world["client"].get(f"/c/{slug}/compass/").text


def test_home_compass_and_dashboard_count_the_same_participants_and_members(world):
    home, compass, _catch_up, dashboard = _pages(world)
    participants = home.context["composition"]["size"]
    assert participants == 12 == dashboard.context["composition"]["size"]
    size = next(c for c in compass.context["checks"] if c.key == "group_size")
    assert size.evidence.startswith("12 actieve deelnemers;")
    assert "Met 2 leden in een ondersteunende rol erbij zijn er 14 actieve leden." in size.evidence


def test_compass_balance_and_dashboard_count_the_same_moments_to_look_back_on(world):
    """What counts as an activity has one definition (lessons.selectors.moments_to_look_back_on):
    the three held plenaries count on the compass, in the coordinator's balance and on the dashboard."""
    _home, compass, _catch_up, dashboard = _pages(world)
    reflection = next(c for c in compass.context["checks"] if c.key == "reflection")
    assert reflection.evidence.startswith("3 van 3 activiteiten sinds")
    chart = dashboard.context["reflection_chart"]
    activities = dict(chart.extra)["Activiteiten"]
    assert sum(activities) == 3
    coordinator = MembershipFactory(community=world["community"], is_coordinator=True)
    world["client"].force_login(coordinator.user)
    balance = world["client"].get(f"/c/{world['community'].slug}/reflections/").context["balance"]
    assert [(row["name"], sum(c["total"] for c in row["cells"])) for row in balance["rows"]] == [
        ("Plenaire bijeenkomsten", 3)]


def test_someone_who_joins_counts_at_once_on_the_home_too(world, django_capture_on_commit_callbacks):
    """The home's compass summary is cached; accepting an invitation (not a community page) makes it
    stale like any change in the community."""
    from participants import services
    from participants.models import Invitation
    from participants.tests.factories import UserFactory

    for i in range(3):
        MembershipFactory(community=world["community"], user__name=f"Extra {i}")
    home, *_rest = _pages(world)
    assert "actieve deelnemers" not in home.text  # 15: within the advice, so not on the home's list
    newcomer = UserFactory(email="nieuw@example.org")
    invitation = Invitation.objects.create(community=world["community"], email=newcomer.email, message="Welkom")
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_accept(token=invitation.token, user=newcomer)
    home, compass, _catch_up, _dashboard = _pages(world)
    assert "16 actieve deelnemers" in home.text  # one too many now, and the home says so at once
    assert next(c for c in compass.context["checks"] if c.key == "group_size").evidence.startswith("16 actieve")
