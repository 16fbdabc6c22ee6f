"""Every way to log in is rate-limited per account and per client, in a store every worker shares and
a Redis outage does not empty; behind a trusted proxy the client is the proxy's client; a right and a
wrong password cost the same (issue 17)."""

from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import hashers

from lg_portal.tests.factories import UserFactory
from lg_portal.tests.test_redis_down import DEAD_CACHE

pytestmark = pytest.mark.django_db
PASSWORD = "het-echte-wachtwoord-42"
LOGIN = "/accounts/login/"


@pytest.fixture
def pia(db):
    user = UserFactory(email="pia@example.org")
    user.set_password(PASSWORD)
    user.save()
    return user


def _login(client, email, password, **extra):
    response = client.post(LOGIN, {"login": email, "password": password}, **extra)
    return response.status_code == 302 and "_auth_user_id" in client.session


def _fail(client, email, times, **extra):
    for _ in range(times):
        assert not _login(client, email, "fout-wachtwoord", **extra)


def test_the_admin_has_no_login_form_of_its_own(client, pia):
    pia.is_staff = pia.is_superuser = True
    pia.save()
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    # Posting a right password to the admin's old form logs nobody in (it is the portal's login or none).
    response = client.post("/admin/login/?next=/admin/", {"username": pia.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    # Through the portal's login, with its limits, the admin opens.
    assert _login(client, pia.email, PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_counts_against_the_same_limit(client, pia):
    pia.is_staff = True
    pia.save()
    _fail(client, pia.email, 5)
    assert not _login(client, pia.email, PASSWORD)
    client.post("/admin/login/", {"username": pia.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def _hashes_during(callable_):
    """How many times a password hash is computed (checked or made) while `callable_` runs."""
    calls = {"n": 0}
    real_check, real_make = hashers.check_password, hashers.make_password

    def check(*args, **kwargs):
        calls["n"] += 1
        return real_check(*args, **kwargs)

    def make(*args, **kwargs):
        calls["n"] += 1
        return real_make(*args, **kwargs)

    with mock.patch("django.contrib.auth.base_user.check_password", check), \
            mock.patch("django.contrib.auth.base_user.make_password", make):
        callable_()
    return calls["n"]


def test_a_right_and_a_wrong_password_cost_one_hash_each(client, pia):
    wrong = _hashes_during(lambda: _login(client, pia.email, "fout-wachtwoord"))
    unknown = _hashes_during(lambda: _login(client, "niemand@example.org", "fout-wachtwoord"))
    right = _hashes_during(lambda: _login(client, pia.email, PASSWORD))
    assert wrong == unknown == right == 1


def test_the_sixth_wrong_password_for_an_account_is_refused_from_any_address(client, pia):
    _fail(client, pia.email, 5, REMOTE_ADDR="203.0.113.1")
    # From another address, even the right password is refused now, with a message on the form.
    response = client.post(LOGIN, {"login": pia.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.2")
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200 and response.context["form"].errors


def test_many_accounts_from_one_address_are_limited_per_client(client, pia):
    for i in range(20):
        assert not _login(client, f"raad-{i}@example.org", "fout", REMOTE_ADDR="203.0.113.9")
    # The 21st attempt from that address is refused whatever the account: it is a client limit.
    assert not _login(client, pia.email, PASSWORD, REMOTE_ADDR="203.0.113.9")
    assert _login(client, pia.email, PASSWORD, REMOTE_ADDR="203.0.113.10")


def test_behind_the_proxy_one_clients_failures_do_not_lock_out_everyone(client, pia, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}  # every request arrives from the reverse proxy
    for i in range(20):
        assert not _login(client, f"raad-{i}@example.org", "fout", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert not _login(client, pia.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    # Someone else behind the same proxy logs in: the limit is on the client, not on the proxy.
    assert _login(client, pia.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy)


def test_a_forged_forwarded_for_does_not_escape_the_limit(client, pia, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # The proxy appends the address it saw; whatever the client wrote before it is ignored.
    for i in range(20):
        assert not _login(client, f"raad-{i}@example.org", "fout", REMOTE_ADDR="10.0.0.2",
                          HTTP_X_FORWARDED_FOR=f"192.0.2.{i}, 198.51.100.7")
    assert not _login(client, pia.email, PASSWORD, REMOTE_ADDR="10.0.0.2",
                      HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.7")


def test_a_request_that_bypassed_the_proxy_is_counted_on_its_own_address(client, pia, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    response = client.post(LOGIN, {"login": pia.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.5",
                           HTTP_X_FORWARDED_FOR="198.51.100.7")  # fewer addresses than proxies
    assert response.status_code == 302


def test_the_count_is_shared_by_every_worker(client, pia):
    from django.core.cache.backends import locmem

    _fail(client, pia.email, 5)
    # Another worker is another process: none of this one's memory. The count is in the database.
    for store in (locmem._caches, locmem._expire_info, locmem._locks):
        store.clear()
    assert not _login(client, pia.email, PASSWORD)


def test_the_trusted_proxy_count_is_read_from_the_environment():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", "import django; from django.conf import settings; django.setup(); "
                               "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)"],
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "LG_TRUSTED_PROXY_COUNT": "1"},
        capture_output=True, text=True, check=True, cwd=django_settings.BASE_DIR)
    assert out.stdout.strip() == "1"


def test_with_redis_unreachable_the_limits_still_hold(client, pia, settings):
    settings.CACHES = DEAD_CACHE
    _fail(client, pia.email, 5)
    assert not _login(client, pia.email, PASSWORD)
    # and a right password, before any failure, still works for someone else
    other = UserFactory(email="otto@example.org")
    other.set_password(PASSWORD)
    other.save()
    assert _login(client, other.email, PASSWORD, REMOTE_ADDR="203.0.113.77")


def test_emptying_the_cache_does_not_reset_the_limits(client, pia):
    from django.core.cache import cache

    _fail(client, pia.email, 5)
    cache.clear()
    assert not _login(client, pia.email, PASSWORD)


def test_password_reset_is_limited_per_account_with_redis_unreachable(client, pia, settings):
    from lg_portal.models import OutboxMessage

    settings.CACHES = DEAD_CACHE
    for _ in range(5):
        client.post("/accounts/password/reset/", {"email": pia.email})
    queued = OutboxMessage.objects.filter(to=pia.email).count()
    assert queued == 5
    response = client.post("/accounts/password/reset/", {"email": pia.email})
    assert response.status_code in (200, 429)
    assert OutboxMessage.objects.filter(to=pia.email).count() == queued  # the sixth within a minute: nothing
