import pytest
from django.core.cache import cache

from lg_portal.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def test_sixth_failed_login_within_five_minutes_is_refused(client):
    user = UserFactory(email="pia@example.org")
    user.set_password("het-echte-wachtwoord-42")
    user.save()
    for _ in range(5):
        response = client.post("/accounts/login/", {"login": "pia@example.org", "password": "fout"})
        assert response.status_code == 200
    response = client.post("/accounts/login/", {"login": "pia@example.org", "password": "het-echte-wachtwoord-42"})
    # Even the right password is refused now, with a message on the form.
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors


def test_login_does_not_reveal_whether_an_email_has_an_account(client):
    UserFactory(email="bestaat@example.org")
    known = client.post("/accounts/login/", {"login": "bestaat@example.org", "password": "fout"})
    unknown = client.post("/accounts/login/", {"login": "onbekend@example.org", "password": "fout"})
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors


def test_password_reset_does_not_reveal_whether_an_email_has_an_account(client, mailoutbox):
    UserFactory(email="bestaat@example.org")
    known = client.post("/accounts/password/reset/", {"email": "bestaat@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "onbekend@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_signup_with_a_taken_email_does_not_say_so(client, settings, mailoutbox):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    UserFactory(email="bestaat@example.org")
    data = {"name": "X", "password1": "een-lang-wachtwoord-42", "password2": "een-lang-wachtwoord-42"}
    taken = client.post("/accounts/signup/", {**data, "email": "bestaat@example.org"})
    client.logout()
    fresh = client.post("/accounts/signup/", {**data, "email": "nieuw@example.org"})
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"]


def test_pages_carry_a_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "<script>" not in response.text  # no inline script anywhere on the page


def test_changes_need_post(facilitator_client, community, participant):
    assert facilitator_client.get(f"/c/{community.slug}/invitations/1/revoke/").status_code == 405
    assert facilitator_client.get("/language/").status_code == 405
