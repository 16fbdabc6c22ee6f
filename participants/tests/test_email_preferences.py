"""Email preferences per kind, the settings section, and signed unsubscribe links (no login)."""

import pytest
from django.test import Client

from participants import preferences, privacy
from participants.models import EmailPreference
from participants.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def link(user, kind):
    url = preferences.unsubscribe_url(user, kind)
    return url[url.index("/email/"):]


def test_everything_is_on_until_switched_off():
    user = UserFactory()
    assert all(preferences.email_allowed(user, kind) for kind in preferences.KINDS)
    preferences.email_preferences_update(user=user, digest=False)
    assert not preferences.email_allowed(user, "digest") and preferences.email_allowed(user, "reminders")
    other = UserFactory()
    assert preferences.users_allowing("digest", [user.pk, other.pk]) == {other.pk}


def test_unknown_kinds_and_inactive_people():
    user = UserFactory()
    with pytest.raises(ValueError):
        preferences.email_allowed(user, "spam")
    user.is_active = False
    assert not preferences.email_allowed(user, "nudges")


def test_the_settings_page_shows_and_saves_the_choices(participant_client, participant):
    page = participant_client.get("/settings/").content.decode()
    assert 'id="email-preferences"' in page and 'name="digest"' in page
    response = participant_client.post("/settings/email/", {"nudges": "on", "reminders": "on", "agenda": "on"})
    assert response.status_code == 302
    saved = EmailPreference.objects.get(user=participant.user)
    assert saved.nudges and saved.reminders and saved.agenda and not saved.digest and not saved.alerts
    assert 'name="digest" id="pref-digest">' in participant_client.get("/settings/").content.decode()  # unchecked
    assert participant_client.get("/settings/email/").status_code == 200


def test_preferences_need_a_login(anon_client):
    assert anon_client.get("/settings/email/").status_code == 302


def test_unsubscribe_get_asks_and_post_switches_that_kind_off(anon_client):
    user = UserFactory()
    url = link(user, "digest")
    response = anon_client.get(url)
    assert response.status_code == 200 and "Ja, afmelden" in response.content.decode()
    assert preferences.email_allowed(user, "digest")
    response = anon_client.post(url)
    assert response.status_code == 200 and "Je bent afgemeld" in response.content.decode()
    assert not preferences.email_allowed(user, "digest") and preferences.email_allowed(user, "nudges")


def test_one_click_unsubscribe_works_without_a_csrf_token():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post(link(user, "nudges"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not preferences.email_allowed(user, "nudges")


def test_unsubscribe_links_are_per_person_and_kind(anon_client):
    user, other = UserFactory(), UserFactory()
    token = link(user, "digest").split("/")[-2]
    assert anon_client.post(f"/email/unsubscribe/nudges/{token}/").status_code == 404  # another kind
    assert anon_client.post(f"/email/unsubscribe/spam/{token}/").status_code == 404
    assert anon_client.post(f"/email/unsubscribe/digest/{token[:-3]}abc/").status_code == 404
    assert preferences.email_allowed(user, "nudges") and preferences.email_allowed(user, "digest")
    assert preferences.email_allowed(other, "digest")


def test_unsubscribe_link_of_a_deleted_account_does_nothing(anon_client):
    user = UserFactory()
    url = link(user, "digest")
    privacy.account_delete(user)
    assert anon_client.post(url).status_code == 404
