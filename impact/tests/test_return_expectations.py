"""Expectations of return: each member says what return means to them (and can change it later); the
community sees the spread, and a warning with the lesson when the pictures differ widely."""

import pytest
from django.core.exceptions import ValidationError

from impact import selectors as returns
from impact import services as return_services
from impact.models import ReturnExpectation
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

URL = "/c/{slug}/return/expectations/"


def _say(m, *kinds, words=""):
    return return_services.return_expectation_save(membership=m, kinds=list(kinds), own_words=words)


def test_member_saves_and_later_changes_their_expectation(participant_client, community, participant):
    response = participant_client.post(URL.format(slug=community.slug) + "save/",
                                       {"kinds": ["concrete", "relations"], "own_words": "Stageplekken"})
    assert response.status_code == 302
    expectation = ReturnExpectation.objects.get(membership=participant)
    assert expectation.kinds == ["concrete", "relations"] and expectation.own_words == "Stageplekken"

    participant_client.post(URL.format(slug=community.slug) + "save/", {"kinds": ["learning"], "own_words": ""})
    expectation.refresh_from_db()
    assert expectation.kinds == ["learning"]
    assert ReturnExpectation.objects.filter(membership=participant).count() == 1
    page = participant_client.get(URL.format(slug=community.slug))
    assert 'value="learning" id="id_kinds_2" checked' in page.text


def test_nothing_chosen_and_no_words_is_refused_with_a_message(participant_client, community, participant):
    response = participant_client.post(URL.format(slug=community.slug) + "save/", {"own_words": "  "})
    assert response.status_code == 400
    assert "Kies minstens één soort rendement" in response.text
    assert not ReturnExpectation.objects.exists()


def test_something_else_needs_words_of_ones_own(participant):
    with pytest.raises(ValidationError, match="eigen woorden"):
        _say(participant, "other")
    assert _say(participant, "other", words="Jongeren zelf aan tafel").kinds == ["other"]


def test_unknown_kind_is_refused(participant_client, community):
    response = participant_client.post(URL.format(slug=community.slug) + "save/", {"kinds": ["money"]})
    assert response.status_code == 400
    assert not ReturnExpectation.objects.exists()


def test_spread_counts_each_kind_among_those_who_answered(community, participant, core_member, coordinator):
    _say(participant, "concrete", "relations")
    _say(core_member, "relations")
    _say(coordinator, "relations", "learning")
    spread = returns.expectation_spread(community=community)
    counts = {kind: n for kind, _label, n in spread["kinds"]}
    assert spread["size"] == 3 and spread["answered"] == 3
    assert counts == {"concrete": 1, "relations": 3, "learning": 1, "visibility": 0, "own_organisation": 0,
                      "other": 0}
    assert spread["warnings"] == []  # 'better relations' is shared by all three


def test_warning_names_the_lesson_when_no_kind_is_shared_by_more_than_half(participant_client, community,
                                                                           participant, core_member, coordinator):
    fourth = MembershipFactory(community=community)
    _say(participant, "concrete")
    _say(core_member, "visibility")
    _say(coordinator, "relations", "concrete")
    _say(fourth, "own_organisation")
    spread = returns.expectation_spread(community=community)
    assert [w["key"] for w in spread["warnings"]] == ["differ"]
    response = participant_client.get(URL.format(slug=community.slug))
    assert "Ideeën over rendement bespreken" in response.text
    assert "De beelden lopen ver uiteen" in response.text
    assert "#lesson-return-discuss-ideas" in response.text


def test_warning_when_fewer_than_half_have_answered(community, participant, core_member, coordinator):
    MembershipFactory(community=community)
    _say(participant, "concrete")
    spread = returns.expectation_spread(community=community)
    assert [w["key"] for w in spread["warnings"]] == ["few"]
    assert "Pas 1 van de 4" in spread["warnings"][0]["text"]


def test_facilitators_answers_are_shown_but_not_counted_in_the_group(community, facilitator, participant):
    _say(facilitator, "visibility")
    _say(participant, "concrete")
    spread = returns.expectation_spread(community=community)
    assert spread["size"] == 1 and spread["answered"] == 1
    assert {m.pk: counted for m, _e, counted in spread["rows"]} == {facilitator.pk: False, participant.pk: True}


def test_home_asks_for_my_expectation_until_given(participant_client, community, participant):
    home = participant_client.get(f"/c/{community.slug}/")
    assert "Mijn verwachting invullen" in home.text
    _say(participant, "learning")
    home = participant_client.get(f"/c/{community.slug}/")
    assert "Mijn verwachting invullen" not in home.text
    assert "Rendement is voor jou" in home.text


def test_expectations_page_costs_the_same_queries_for_few_and_many_members(participant_client, community,
                                                                           participant, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _say(participant, "concrete")
    url = URL.format(slug=community.slug)
    participant_client.get(url)
    with CaptureQueriesContext(connection) as few:
        participant_client.get(url)
    for i in range(12):
        _say(MembershipFactory(community=community), ["concrete", "learning", "relations"][i % 3], words="x")
    with django_assert_num_queries(len(few)):
        assert participant_client.get(url).status_code == 200
