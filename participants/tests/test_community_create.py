from datetime import date

import pytest

from participants.models import Community, Membership

pytestmark = pytest.mark.django_db


def community_data(**overrides):
    data = {
        "name": "LG Rijssen",
        "slug": "",
        "question": "Hoe houden we de dorpskern levendig?",
        "goals": "Samen leren",
        "starts_on": "2026-02-01",
        "ends_on": "2027-08-01",
        "ground_rules": "We zijn gelijkwaardig.",
        "initiator_kind": "residents",
        "time_zone": "Europe/Amsterdam",
    }
    data.update(overrides)
    return data


def test_facilitator_creates_community_and_becomes_its_facilitator_not_participant(client, django_user_model):
    user = django_user_model.objects.create_user(email="fay@example.org", password="x", name="Fay")
    client.force_login(user)
    response = client.post("/new/", community_data())
    community = Community.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/c/{community.slug}/"
    assert community.slug == "lg-rijssen"
    membership = Membership.objects.get(community=community, user=user)
    assert membership.is_facilitator and not membership.is_participant


def test_duration_under_a_year_warns_with_the_lesson(client, django_user_model):
    user = django_user_model.objects.create_user(email="fay@example.org", password="x", name="Fay")
    client.force_login(user)
    response = client.post("/new/", community_data(ends_on="2026-08-01"), follow=True)
    assert Community.objects.get().ends_on == date(2026, 8, 1)
    assert "Minimaal een jaar" in response.text


def test_end_before_start_keeps_input_and_writes_nothing(client, django_user_model):
    user = django_user_model.objects.create_user(email="fay@example.org", password="x", name="Fay")
    client.force_login(user)
    response = client.post("/new/", community_data(ends_on="2025-01-01"))
    assert response.status_code == 200
    assert "De einddatum moet na de startdatum liggen." in response.text
    assert "Hoe houden we de dorpskern levendig?" in response.text
    assert not Community.objects.exists()


def test_oversized_question_is_refused_with_a_message(client, django_user_model):
    user = django_user_model.objects.create_user(email="fay@example.org", password="x", name="Fay")
    client.force_login(user)
    response = client.post("/new/", community_data(question="x" * 2001))
    assert response.status_code == 200
    assert "maximaal 2000" in response.text or "2000" in response.text
    assert not Community.objects.exists()


def test_duplicate_slug_gets_a_message(client, django_user_model, community):
    user = django_user_model.objects.create_user(email="fay@example.org", password="x", name="Fay")
    client.force_login(user)
    response = client.post("/new/", community_data(name="LG Test"))
    assert response.status_code == 200
    assert "al in gebruik" in response.text
    assert Community.objects.count() == 1


def test_anonymous_visitor_is_sent_to_login(anon_client):
    response = anon_client.get("/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_only_facilitators_edit_the_community(participant_client, facilitator_client, community):
    assert participant_client.get(f"/c/{community.slug}/edit/").status_code == 403
    assert facilitator_client.get(f"/c/{community.slug}/edit/").status_code == 200


def test_changing_ground_rules_asks_everyone_to_accept_again(facilitator_client, participant, community):
    data = community_data(name=community.name, slug=community.slug, ground_rules="Nieuwe regels")
    response = facilitator_client.post(f"/c/{community.slug}/edit/", data)
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.ground_rules_accepted_at is None


def test_get_changes_nothing(facilitator_client, community):
    before = Community.objects.values().get(pk=community.pk)
    facilitator_client.get(f"/c/{community.slug}/edit/")
    assert Community.objects.values().get(pk=community.pk) == before
