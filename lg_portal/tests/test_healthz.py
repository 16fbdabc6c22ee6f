import json
from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["database"] == "ok" and body["cache"] == "ok" and "broker" in body


def test_healthz_is_503_when_the_database_does_not_answer(client):
    with mock.patch("lg_portal.common.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"].startswith("down")


def test_healthz_names_a_broker_that_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    body = json.loads(client.get("/healthz").content)
    assert body["broker"].startswith("down")


def test_page_answers_503_friendly_page_when_database_fails_in_a_view(facilitator_client, community):
    with mock.patch("participants.views.selectors.members_of", side_effect=OperationalError("gone")):
        response = facilitator_client.get(f"/c/{community.slug}/")
    assert response.status_code == 503
    assert "Even niet bereikbaar" in response.text and "Traceback" not in response.text
