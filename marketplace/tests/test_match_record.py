"""Recording a match: a need and an offer, what will be done, its value, by when; both organisations get
one personal confirmation each, and the match counts as an activity of the organising workgroup."""

from datetime import timedelta

import pytest

from marketplace.models import Category, Match, Side
from workgroups.models import Activity

from .factories import EntryFactory, MatchFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(marketplace):
    need = EntryFactory(marketplace=marketplace, side=Side.NEED, organisation="Stichting Taalcafé",
                        contact_name="Ria Hulst", email="ria@taalcafe.example", category=Category.MATERIALS,
                        description="Tien laptops voor taallessen")
    offer = EntryFactory(marketplace=marketplace, side=Side.OFFER, organisation="ICT Kuipers",
                         contact_name="Jan Kuipers", email="jan@kuipers.example", phone="0548 654321",
                         category=Category.MATERIALS, description="Afgeschreven laptops", in_return="Vermelding")
    return need, offer


def record(client, marketplace, **data):
    return client.post(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches/new/", data)


def payload(need, offer, **overrides):
    data = {"need": need.pk, "offer": offer.pk, "what": "Jan brengt tien laptops, geïnstalleerd.",
            "value_eur": "2500", "due_on": (need.marketplace.held_on + timedelta(weeks=3)).isoformat()}
    data.update(overrides)
    return data


def test_organiser_records_a_match_and_each_organisation_gets_one_email(
    core_client, organiser, marketplace, pair, mailoutbox, django_capture_on_commit_callbacks
):
    need, offer = pair
    with django_capture_on_commit_callbacks(execute=True):
        response = record(core_client, marketplace, **payload(need, offer))
    assert response.status_code == 302
    match = Match.objects.get()
    assert (match.need, match.offer, match.value_eur) == (need, offer, 2500)
    assert match.created_by == organiser.user
    assert sorted(m.to[0] for m in mailoutbox) == ["jan@kuipers.example", "ria@taalcafe.example"]
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mailoutbox)
    to_need = next(m for m in mailoutbox if m.to == ["ria@taalcafe.example"])
    to_offer = next(m for m in mailoutbox if m.to == ["jan@kuipers.example"])
    # Each gets the other's contact details, in text and HTML.
    assert "ICT Kuipers" in to_need.subject
    assert "jan@kuipers.example" in to_need.body and "0548 654321" in to_need.body
    assert "jan@kuipers.example" in to_need.alternatives[0][0]
    assert "ria@taalcafe.example" in to_offer.body and "Stichting Taalcafé" in to_offer.alternatives[0][0]
    assert "tien laptops, geïnstalleerd" in to_offer.body


def test_a_match_is_a_result_not_an_activity(core_client, organiser, marketplace, pair):
    # It used to become an activity of its own, waiting for a reflection; the marketplace is the activity.
    need, offer = pair
    record(core_client, marketplace, **payload(need, offer))
    assert Match.objects.count() == 1 and not Activity.objects.exists()


def test_need_and_offer_swapped_in_the_form_are_put_right(core_client, organiser, marketplace, pair):
    need, offer = pair
    record(core_client, marketplace, **payload(offer, need))
    match = Match.objects.get()
    assert (match.need, match.offer) == (need, offer)


def test_a_match_between_two_needs_is_refused(core_client, organiser, marketplace, pair, mailoutbox):
    need, _offer = pair
    other_need = EntryFactory(marketplace=marketplace, side=Side.NEED)
    response = record(core_client, marketplace, **payload(need, other_need))
    assert response.status_code == 200
    assert "u koos twee vragen" in response.text
    assert not Match.objects.exists() and not Activity.objects.exists()
    assert mailoutbox == []


def test_a_match_between_two_offers_is_refused(core_client, organiser, marketplace, pair):
    _need, offer = pair
    other = EntryFactory(marketplace=marketplace, side=Side.OFFER)
    response = record(core_client, marketplace, **payload(other, offer))
    assert "u koos twee aanbiedingen" in response.text
    assert not Match.objects.exists()


def test_a_negative_value_is_refused(core_client, organiser, marketplace, pair):
    need, offer = pair
    response = record(core_client, marketplace, **payload(need, offer, value_eur="-50"))
    assert response.status_code == 200
    assert "De waarde kan niet negatief zijn" in response.text
    assert "Jan brengt tien laptops" in response.text  # the input is kept
    assert not Match.objects.exists() and not Activity.objects.exists()


def test_zero_value_is_fine(core_client, organiser, marketplace, pair):
    need, offer = pair
    assert record(core_client, marketplace, **payload(need, offer, value_eur="0")).status_code == 302


def test_the_same_pair_twice_is_refused(core_client, organiser, marketplace, pair):
    need, offer = pair
    record(core_client, marketplace, **payload(need, offer))
    response = record(core_client, marketplace, **payload(need, offer))
    assert "al vastgelegd" in response.text
    assert Match.objects.count() == 1 and Activity.objects.count() == 0


def test_an_unconfirmed_entry_cannot_be_matched(core_client, organiser, marketplace, pair):
    need, _offer = pair
    unconfirmed = EntryFactory(marketplace=marketplace, side=Side.OFFER, confirmed_at=None)
    response = record(core_client, marketplace, **payload(need, unconfirmed))
    assert "Kies een bevestigde inschrijving" in response.text
    assert not Match.objects.exists()


def test_an_entry_of_another_marketplace_cannot_be_matched(core_client, organiser, marketplace, pair):
    need, _offer = pair
    elsewhere = EntryFactory(side=Side.OFFER)
    record(core_client, marketplace, **payload(need, elsewhere))
    assert not Match.objects.exists()


def test_due_date_before_the_marketplace_is_refused(core_client, organiser, marketplace, pair):
    need, offer = pair
    response = record(core_client, marketplace,
                      **payload(need, offer, due_on=(marketplace.held_on - timedelta(days=1)).isoformat()))
    assert "vóór de beursvloer" in response.text
    assert not Match.objects.exists()


def test_htmx_error_returns_the_form_fragment_and_success_redirects_the_page(core_client, organiser, marketplace,
                                                                            pair):
    need, offer = pair
    url = f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches/new/"
    bad = core_client.post(url, payload(need, offer, value_eur="-1"), HTTP_HX_REQUEST="true")
    assert bad.status_code == 200
    assert bad.text.lstrip().startswith('<section id="match-recorder"')
    assert "negatief" in bad.text and 'role="status"' in bad.text
    good = core_client.post(url, payload(need, offer), HTTP_HX_REQUEST="true")
    assert good["HX-Redirect"] == f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matching/"


def test_recording_needs_post(core_client, organiser, marketplace):
    url = f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches/new/"
    assert core_client.get(url).status_code == 405


def test_member_outside_the_workgroup_cannot_record(participant_client, marketplace, pair):
    need, offer = pair
    assert record(participant_client, marketplace, **payload(need, offer)).status_code == 403
    assert not Match.objects.exists()


def test_organiser_sets_the_status_by_hand(core_client, organiser, marketplace):
    match = MatchFactory(marketplace=marketplace)
    url = f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matches/{match.pk}/status/"
    assert core_client.post(url, {"status": "delivered"}).status_code == 302
    match.refresh_from_db()
    assert match.status == "delivered"
    core_client.post(url, {"status": "nonsense"})
    match.refresh_from_db()
    assert match.status == "delivered"


def test_a_mail_server_that_is_down_does_not_undo_the_match(core_client, organiser, marketplace, pair,
                                                            django_capture_on_commit_callbacks):
    from unittest import mock

    need, offer = pair
    with mock.patch("lg_portal.outbox.send_one", side_effect=OSError("smtp down")), \
            django_capture_on_commit_callbacks(execute=True):
        response = record(core_client, marketplace, **payload(need, offer))
    assert response.status_code == 302
    assert Match.objects.count() == 1
