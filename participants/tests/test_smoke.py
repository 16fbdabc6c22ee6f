def test_facilitator_sees_community_home(facilitator_client, community):
    response = facilitator_client.get(f"/c/{community.slug}/")
    assert response.status_code == 200
    assert community.name in response.text


def test_outsider_gets_404_on_other_community(outsider_client, community, facilitator):
    assert outsider_client.get(f"/c/{community.slug}/").status_code == 404
