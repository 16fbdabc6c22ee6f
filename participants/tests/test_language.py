import pytest

pytestmark = pytest.mark.django_db


def test_dutch_is_the_default(anon_client):
    response = anon_client.get("/")
    assert '<html lang="nl">' in response.text and "Inloggen" in response.text


def test_anonymous_visitor_switches_to_english(anon_client):
    response = anon_client.post("/language/", {"language": "en", "next": "/"})
    assert response.status_code == 302 and response.cookies["django_language"].value == "en"
    page = anon_client.get("/")
    assert '<html lang="en">' in page.text and "Log in" in page.text


def test_logged_in_person_keeps_their_language_everywhere(participant_client, participant, community):
    participant_client.post("/language/", {"language": "en", "next": f"/c/{community.slug}/"})
    participant.user.refresh_from_db()
    assert participant.user.language == "en"
    page = participant_client.get(f"/c/{community.slug}/")
    assert "Composition" in page.text and "Samenstelling" not in page.text


def test_language_switch_ignores_foreign_redirects(anon_client):
    response = anon_client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_unknown_language_is_ignored(anon_client):
    response = anon_client.post("/language/", {"language": "xx", "next": "/"})
    assert "django_language" not in response.cookies
