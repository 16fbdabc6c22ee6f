"""Safe defaults (issue 17): nothing behind the login is stored by a browser or a proxy, and a request
too big to read answers 400 with a page in the user's language, storing nothing."""

import pytest

from workgroups.models import Post

pytestmark = pytest.mark.django_db


def test_pages_and_exports_behind_the_login_are_private_and_not_stored(facilitator_client, community):
    c = f"/c/{community.slug}"
    for url in (f"{c}/", f"{c}/members/", f"{c}/dashboard/", f"{c}/export/returns.csv", "/settings/export.json"):
        response = facilitator_client.get(url)
        assert response.status_code == 200, url
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"], url


def test_a_calendar_keeps_its_own_revalidation_header(facilitator, community):
    from django.test import Client

    facilitator.user.feed_token = "x" * 32
    facilitator.user.save()
    response = Client().get(f"/calendar/{facilitator.user.feed_token}.ics")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=0, no-cache"


def test_anonymous_pages_are_not_marked_private(client):
    response = client.get("/privacy/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("language, words", [("nl", "Dit verzoek klopt niet"), ("en", "This request could not be read")])
def test_a_request_too_big_answers_400_in_the_users_language_and_stores_nothing(
        participant_client, participant, community, settings, language, words):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    participant.user.language = language
    participant.user.save()
    response = participant_client.post(f"/c/{community.slug}/posts/new/",
                                       {"kind": "question", "title": "Groot", "body": "x" * 20_000})
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not Post.objects.exists()


def test_a_nul_byte_in_a_url_answers_400_and_a_view_name_as_next_is_no_500(client):
    for url in ("/calendar/%00.ics", "/invite/%00/", "/accounts/login/?next=%00"):
        response = client.get(url)
        assert response.status_code == 400 and "Dit verzoek klopt niet" in response.text, url
    response = client.post("/language/", {"language": "en", "next": "0"})
    assert response.status_code == 302 and response["Location"] == "/"
