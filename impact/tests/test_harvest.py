"""Ending consciously: a facilitator ends a period with a decision (continue, hand over to the core group,
or stop), which stores the community's harvest with the decision. After 'stop' the community is
read-only and its harvest stays available."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from impact import harvest
from impact import services as return_services
from impact.models import Contribution, Harvest, ReturnEntry, ReturnExpectation
from impact.tests.factories import ReturnEntryFactory
from lessons import services
from lessons.tests.factories import ActivityFactory, EvaluationFactory, ReflectionFactory, WorkgroupFactory
from participants.models import Membership
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _end(client, community, **data):
    base = {"decision": "continue", "period_ends_on": community.ends_on.isoformat(), "new_ends_on": "", "note": ""}
    return client.post(f"/c/{community.slug}/harvest/end/", {**base, **data})


def test_continue_for_a_new_period(facilitator_client, community, facilitator, participant):
    ReturnEntryFactory(community=community, kind="concrete", title="Twee stageplekken",
                       happened_on=date(2026, 3, 1))
    old_end = community.ends_on
    response = _end(facilitator_client, community, decision="continue", new_ends_on="2028-12-31",
                    note="We gaan door, breder.")
    done = Harvest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/c/{community.slug}/harvest/{done.pk}/"
    community.refresh_from_db()
    assert community.ends_on == date(2028, 12, 31) and community.stopped_at is None
    assert (done.decision, done.period_starts_on, done.period_ends_on, done.new_ends_on) == (
        "continue", community.starts_on, old_end, date(2028, 12, 31))
    assert done.snapshot["decision"]["note"] == "We gaan door, breder."
    assert done.snapshot["returns"]["entries"][0]["title"] == "Twee stageplekken"
    page = facilitator_client.get(response["Location"])
    assert "Doorgaan voor een nieuwe periode" in page.text and "Twee stageplekken" in page.text

    # The next period starts where this one ended, and can be ended in its turn.
    later = harvest.period_close(community=community, by=facilitator, decision="stop",
                               period_ends_on=community.ends_on)
    assert later.period_starts_on == old_end


def test_hand_over_to_the_core_group(facilitator_client, core_client, community, facilitator, core_member,
                                     participant):
    response = _end(facilitator_client, community, decision="handover", new_ends_on="2028-06-30",
                    successors=[core_member.pk])
    assert response.status_code == 302
    core_member.refresh_from_db()
    facilitator.refresh_from_db()
    assert core_member.is_facilitator and core_member.is_core_group
    assert not facilitator.is_facilitator and facilitator.is_sounding_board
    assert Membership.objects.filter(community=community, is_facilitator=True).count() == 1
    decision = Harvest.objects.get().snapshot["decision"]
    assert decision["successors"] == ["Kees Kern"] and decision["stepped_back"] == ["Fay Facilitator"]
    # The core group now runs it: the new facilitator can end the next period.
    assert "Deze periode afsluiten" in core_client.get(f"/c/{community.slug}/harvest/").text
    assert facilitator_client.get(f"/c/{community.slug}/export/members.csv").status_code == 403


def test_hand_over_needs_an_active_core_group_member(facilitator_client, community, facilitator, participant,
                                                     core_member):
    response = _end(facilitator_client, community, decision="handover", new_ends_on="2028-06-30")
    assert response.status_code == 400 and "Kies wie uit de kerngroep het stokje overneemt." in response.text
    response = _end(facilitator_client, community, decision="handover", new_ends_on="2028-06-30",
                    successors=[participant.pk])
    assert response.status_code == 400 and "Alleen actieve leden van de kerngroep" in response.text
    with pytest.raises(ValidationError, match="kerngroep"):
        harvest.period_close(community=community, by=facilitator, decision="handover", period_ends_on=community.ends_on,
                           new_ends_on=date(2028, 6, 30), successors=[participant])
    assert not Harvest.objects.exists()
    facilitator.refresh_from_db()
    assert facilitator.is_facilitator


def test_stop_makes_the_community_read_only_and_keeps_the_harvest(facilitator_client, participant_client, community,
                                                                  participant):
    response = _end(facilitator_client, community, decision="stop", note="Ons werk is gedaan.")
    assert response.status_code == 302
    community.refresh_from_db()
    assert community.is_read_only and community.stopped_at is not None
    done = Harvest.objects.get()
    assert done.new_ends_on is None

    # Every change is refused with a message, nothing is written.
    slug = community.slug
    posts = {
        f"/c/{slug}/return/add/": {"kind": "concrete", "title": "x", "happened_on": "2026-03-01"},
        f"/c/{slug}/return/expectations/save/": {"kinds": ["concrete"]},
        f"/c/{slug}/costs/add/": {"source": "sponsor", "category": "materials", "description": "x",
                                  "contributor_name": "Bank", "amount_eur": "5", "contributed_on": "2026-03-01"},
        f"/c/{slug}/costs/ask/add/": {"title": "Een zaal"},
    }
    for url, data in posts.items():
        response = participant_client.post(url, data, follow=True)
        assert "Deze lerende gemeenschap is gestopt; je kunt alleen nog lezen." in response.text, url
    assert not ReturnEntry.objects.exists() and not ReturnExpectation.objects.exists()
    assert not Contribution.objects.exists()

    # Reading still works, the harvest above all.
    for path in ["", "return/", "return/expectations/", "return/who-found-whom/", "costs/", "costs/ask/",
                 "dashboard/", "harvest/", f"harvest/{done.pk}/", f"harvest/{done.pk}/download/"]:
        assert participant_client.get(f"/c/{slug}/{path}").status_code == 200, path
    home = participant_client.get(f"/c/{slug}/")
    assert "bewust gestopt" in home.text and f"/c/{slug}/harvest/{done.pk}/" in home.text
    ledger = participant_client.get(f"/c/{slug}/return/")
    assert "Rendement vastleggen" not in ledger.text and "Je kunt alles nog lezen" in ledger.text
    assert "Deze periode afsluiten" not in facilitator_client.get(f"/c/{slug}/harvest/").text


def test_ending_the_same_period_twice_is_refused(facilitator_client, community, facilitator):
    first = _end(facilitator_client, community, decision="continue", new_ends_on="2028-12-31")
    assert first.status_code == 302
    community.refresh_from_db()
    # The same form sent again (the old end date): refused, the new period is not ended by accident.
    again = _end(facilitator_client, community, decision="continue", new_ends_on="2029-12-31",
                 period_ends_on="2027-12-31")
    assert again.status_code == 400
    assert "Deze periode is al afgesloten" in again.text
    assert Harvest.objects.count() == 1
    community.refresh_from_db()
    assert community.ends_on == date(2028, 12, 31)


def test_ending_a_stopped_community_again_is_refused(facilitator, community):
    harvest.period_close(community=community, by=facilitator, decision="stop", period_ends_on=community.ends_on)
    community.refresh_from_db()
    with pytest.raises(ValidationError, match="al gestopt"):
        harvest.period_close(community=community, by=facilitator, decision="stop", period_ends_on=community.ends_on)
    assert Harvest.objects.count() == 1


def test_continue_needs_a_later_end_date(facilitator_client, community):
    response = _end(facilitator_client, community, decision="continue")
    assert response.status_code == 400 and "Kies tot wanneer de nieuwe periode loopt." in response.text
    response = _end(facilitator_client, community, decision="continue", new_ends_on="2027-06-30")
    assert response.status_code == 400 and "De nieuwe einddatum moet na de huidige einddatum" in response.text
    assert not Harvest.objects.exists()


@pytest.mark.parametrize("persona", ["participant_client", "coordinator_client", "core_client"])
def test_only_a_facilitator_ends_a_period(request, community, persona):
    client = request.getfixturevalue(persona)
    assert _end(client, community, decision="stop").status_code == 403
    assert not Harvest.objects.exists()
    community.refresh_from_db()
    assert community.stopped_at is None


def test_the_harvest_collects_goals_learning_returns_compass_and_facts(community, facilitator, coordinator,
                                                                       participant, core_member):
    community.goals = "Stages voor het mbo"
    community.save()
    evaluation = EvaluationFactory(community=community, planned_on=date(2026, 7, 1))
    services.evaluation_respond(evaluation=evaluation, membership=participant,
                                answers={"learned": "Kleine groepen werken beter."})
    services.evaluation_conclude(evaluation=evaluation, by=coordinator, conclusion="We verbreden het doel.",
                                 goals="De hele samenleving betrokken")
    open_group = WorkgroupFactory(community=community, name="Open")
    closed_group = WorkgroupFactory(community=community, name="Dicht", closed=True)
    ReflectionFactory(activity=ActivityFactory(workgroup=open_group), community=community, membership=participant,
                      learned_content="Begeleiding is het knelpunt.", insight="Gedeeld inzicht", insight_shared=True)
    ReflectionFactory(activity=ActivityFactory(workgroup=open_group), community=community, membership=core_member,
                      learned_content="Iets anders", insight="Niet gedeeld", insight_shared=False)
    ReflectionFactory(activity=ActivityFactory(workgroup=closed_group), community=community, membership=participant,
                      learned_content="Vertrouwelijk geleerd")
    ReturnEntryFactory(community=community, kind="relationship", title="Kerk en bakker", people=[participant,
                       core_member])
    return_services.return_expectation_save(membership=participant, kinds=["concrete"])

    community.refresh_from_db()
    done = harvest.period_close(community=community, by=facilitator, decision="stop", period_ends_on=community.ends_on)
    s = done.snapshot
    assert s["community"]["goals"] == "De hele samenleving betrokken"
    assert [(c["old_text"], c["new_text"]) for c in s["goal_changes"]] == [
        ("Stages voor het mbo", "De hele samenleving betrokken")]
    assert s["evaluations"][0]["conclusion"] == "We verbreden het doel."
    assert s["evaluations"][0]["learned"] == ["Kleine groepen werken beter."]
    assert s["reflections"]["count"] == 3
    assert "Begeleiding is het knelpunt." in s["reflections"]["content"]
    assert "Vertrouwelijk geleerd" not in s["reflections"]["content"]  # a closed workgroup's stays inside
    assert s["reflections"]["insights"] == ["Gedeeld inzicht"]
    assert s["returns"]["entries"][0]["people"] == ["Kees Kern", "Pia Participant"]
    assert s["relations"]["from_returns"] == 1
    assert {c["key"] for c in s["compass"]["checks"]} == {"group_size", "duration", "evaluation", "reflection",
                                                           "mixed_workgroups", "ground_rules", "drift"}
    assert s["expectations"]["answered"] == 1
    assert s["facts"]["members"] == 3 and s["facts"]["workgroups"] == 2


def test_the_harvest_stays_the_same_later(participant_client, community, facilitator):
    ReturnEntryFactory(community=community, title="Eerste opbrengst")
    done = harvest.period_close(community=community, by=facilitator, decision="continue",
                              period_ends_on=community.ends_on, new_ends_on=date(2028, 12, 31))
    before = participant_client.get(f"/c/{community.slug}/harvest/{done.pk}/").text
    ReturnEntryFactory(community=community, title="Latere opbrengst")
    community.refresh_from_db()
    community.question = "Een nieuwe vraag"
    community.save()
    after = participant_client.get(f"/c/{community.slug}/harvest/{done.pk}/").text
    assert "Eerste opbrengst" in after and "Latere opbrengst" not in after
    assert "Een nieuwe vraag" not in after
    assert before.count("Eerste opbrengst") == after.count("Eerste opbrengst")


def test_download_is_one_html_file_with_its_styles(participant_client, community, facilitator):
    done = harvest.period_close(community=community, by=facilitator, decision="stop", period_ends_on=community.ends_on)
    response = participant_client.get(f"/c/{community.slug}/harvest/{done.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="oogst-{community.slug}-{done.period_ends_on:%Y-%m-%d}.html"')
    assert "<style>" in response.text and "@media print" in response.text
    assert community.question in response.text and "Bewust stoppen" in response.text
    assert 'href="/static/' not in response.text  # nothing to fetch: it reads the same offline


def test_every_active_member_gets_one_email_about_the_harvest(facilitator_client, community, facilitator,
                                                              participant, core_member, mailoutbox,
                                                              django_capture_on_commit_callbacks):
    MembershipFactory(community=community, status="stepped_out")
    with django_capture_on_commit_callbacks(execute=True):
        _end(facilitator_client, community, decision="stop")
    from lg_portal import outbox

    outbox.flush()
    done = Harvest.objects.get()
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([facilitator.user.email, participant.user.email, core_member.user.email])
    mail = next(m for m in mailoutbox if m.to == [participant.user.email])
    assert "de oogst van deze periode" in mail.subject
    assert f"/c/{community.slug}/harvest/{done.pk}/" in mail.body
    html = mail.alternatives[0][0]
    assert "Naar de oogst" in html and "Bewust stoppen" in html


def test_harvest_pages_cost_the_same_queries_for_few_and_many(participant_client, community, facilitator,
                                                              django_assert_num_queries):
    harvest.period_close(community=community, by=facilitator, decision="continue", period_ends_on=community.ends_on,
                       new_ends_on=date(2028, 12, 31), now=timezone.now() - timedelta(days=1))
    community.refresh_from_db()
    first = Harvest.objects.get()
    urls = [f"/c/{community.slug}/harvest/", f"/c/{community.slug}/harvest/{first.pk}/"]
    counts = {}
    for url in urls:
        participant_client.get(url)
        with CaptureQueriesContext(connection) as few:
            participant_client.get(url)
        counts[url] = len(few)
    for _ in range(3):
        community.refresh_from_db()
        harvest.period_close(community=community, by=facilitator, decision="continue", period_ends_on=community.ends_on,
                           new_ends_on=community.ends_on + timedelta(days=365), now=timezone.now())
    for url in urls:
        with django_assert_num_queries(counts[url]):
            assert participant_client.get(url).status_code == 200
