"""Bad input on the meeting form that other modules do not cover."""


def test_a_start_more_than_five_years_ahead_is_refused(facilitator_client, community):
    from django.urls import reverse

    from meetings.models import Meeting

    url = reverse("meeting_new", args=[community.slug])
    response = facilitator_client.post(url, {"kind": "work_visit", "title": "Ver weg", "date": "2040-01-01",
                                             "start_time": "19:30", "end_time": "21:30"})
    assert response.status_code == 200 and "vijf jaar" in response.text
    assert not Meeting.objects.exists()
