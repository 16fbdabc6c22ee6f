"""The public form resists abuse: a rate limit per IP address, a honeypot and size limits, each with a clear
message and nothing stored."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from marketplace.models import DESCRIPTION_MAX, Entry

from .test_public_entry import entry_data, submit

pytestmark = pytest.mark.django_db


def test_eleventh_entry_in_an_hour_from_one_address_is_refused(anon_client, marketplace, settings):
    settings.LG_MARKETPLACE_ENTRIES_PER_HOUR = 10
    for i in range(10):
        assert submit(anon_client, marketplace, description=f"Vraag nummer {i}").status_code == 302
    response = submit(anon_client, marketplace, description="Vraag nummer elf")
    assert response.status_code == 429
    assert "in het afgelopen uur al 10 inschrijvingen" in response.text
    assert "Vraag nummer elf" in response.text  # the input is kept for later
    assert Entry.objects.count() == 10


def test_rate_limit_is_per_address(client, marketplace, settings):
    settings.LG_MARKETPLACE_ENTRIES_PER_HOUR = 2
    url = f"/beursvloer/{marketplace.public_token}/"
    for i in range(2):
        client.post(url, entry_data(description=f"Vraag {i}"), REMOTE_ADDR="192.0.2.1")
    assert client.post(url, entry_data(description="Vraag 3"), REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post(url, entry_data(description="Vraag 3"), REMOTE_ADDR="192.0.2.2").status_code == 302
    # A forged forwarding header does not reset the count.
    assert client.post(url, entry_data(description="Vraag 4"), REMOTE_ADDR="192.0.2.1",
                       HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429


def test_rate_limit_lifts_after_the_hour(anon_client, marketplace, settings):
    settings.LG_MARKETPLACE_ENTRIES_PER_HOUR = 1
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(minutes=5)
    with time_machine.travel(start, tick=False):
        assert submit(anon_client, marketplace, description="Een").status_code == 302
        assert submit(anon_client, marketplace, description="Twee").status_code == 429
    with time_machine.travel(start + timedelta(hours=1), tick=False):
        assert submit(anon_client, marketplace, description="Twee").status_code == 302


def test_invalid_forms_do_not_use_up_the_limit(anon_client, marketplace, settings):
    settings.LG_MARKETPLACE_ENTRIES_PER_HOUR = 1
    for _i in range(3):
        assert submit(anon_client, marketplace, email="kapot").status_code == 200
    assert submit(anon_client, marketplace).status_code == 302


def test_honeypot_filled_in_is_refused_with_a_message(anon_client, marketplace, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(anon_client, marketplace, website="http://spam.example")
    assert response.status_code == 400
    assert "niet aangenomen" in response.text and "Laat dit veld leeg" in response.text
    assert not Entry.objects.exists()
    assert mailoutbox == []


def test_too_long_description_is_refused_with_the_limit(anon_client, marketplace):
    response = submit(anon_client, marketplace, description="x" * (DESCRIPTION_MAX + 1))
    assert response.status_code == 200
    assert f"niet meer dan {DESCRIPTION_MAX} tekens" in response.text
    assert not Entry.objects.exists()


@pytest.mark.parametrize("field,size", [("organisation", 121), ("contact_name", 121), ("phone", 41),
                                        ("in_return", 501)])
def test_other_fields_have_size_limits_too(anon_client, marketplace, field, size):
    response = submit(anon_client, marketplace, side="offer", org_kind="business", **{field: "a" * size})
    assert "niet meer dan" in response.text
    assert not Entry.objects.exists()


def test_a_huge_request_body_is_refused(anon_client, marketplace, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = submit(anon_client, marketplace, description="x" * 20_000)
    assert response.status_code == 400
    assert not Entry.objects.exists()
