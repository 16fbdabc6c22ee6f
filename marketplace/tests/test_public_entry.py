"""The public entry form and its email confirmation: no account, one link per marketplace."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from marketplace import links
from marketplace.models import Entry, Side
from marketplace.selectors import results_for_marketplace

from .factories import EntryFactory

pytestmark = pytest.mark.django_db


def entry_data(**overrides):
    data = {
        "side": "need", "organisation": "Stichting Taalcafé", "contact_name": "Ria Hulst",
        "email": "ria@taalcafe.example", "phone": "0548 123456", "org_kind": "non_profit",
        "category": "materials", "description": "Wij zoeken tien laptops voor onze taallessen aan nieuwkomers.",
        "in_return": "", "website": "",
    }
    data.update(overrides)
    return data


def submit(client, marketplace, **overrides):
    return client.post(f"/beursvloer/{marketplace.public_token}/", entry_data(**overrides))


def confirm_url(mail):
    for line in mail.body.splitlines():
        if "/beursvloer-bevestigen/" in line:
            return line.strip().removeprefix("http://127.0.0.1:8000")
    raise AssertionError("no confirmation link in the email")


def test_form_works_anonymously_without_community_menu(anon_client, marketplace):
    response = anon_client.get(f"/beursvloer/{marketplace.public_token}/")
    assert response.status_code == 200
    assert marketplace.title in response.text
    assert "community" not in response.context
    assert f"/c/{marketplace.community.slug}/" not in response.text  # no community menu for strangers
    assert 'name="website"' in response.text  # the honeypot is there


def test_unknown_token_is_404(anon_client, marketplace):
    assert anon_client.get("/beursvloer/not-a-real-token/").status_code == 404


def test_entry_is_stored_unconfirmed_and_one_email_with_link_goes_out(
    anon_client, marketplace, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(anon_client, marketplace)
    assert response.status_code == 302
    assert response["Location"] == f"/beursvloer/{marketplace.public_token}/verstuurd/"
    entry = Entry.objects.get()
    assert entry.confirmed_at is None and entry.side == Side.NEED and entry.language == "nl"
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["ria@taalcafe.example"] and not mail.cc and not mail.bcc
    assert "Bevestig" in mail.subject
    assert "tien laptops" in mail.body and "/beursvloer-bevestigen/" in mail.body
    html = mail.alternatives[0][0]
    assert "/beursvloer-bevestigen/" in html and "tien laptops" in html


def test_unconfirmed_entries_do_not_count(anon_client, marketplace, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(anon_client, marketplace)
    assert results_for_marketplace(marketplace=marketplace).entries == 0


def test_confirmation_link_shows_a_button_and_confirms_on_post(
    anon_client, marketplace, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(anon_client, marketplace)
    url = confirm_url(mailoutbox[0])
    response = anon_client.get(url)
    assert response.status_code == 200 and "Ja, bevestig" in response.text
    assert Entry.objects.get().confirmed_at is None  # a mail scanner opening the link confirms nothing
    response = anon_client.post(url)
    assert response.status_code == 200 and "is bevestigd" in response.text
    assert Entry.objects.get().confirmed_at is not None
    assert results_for_marketplace(marketplace=marketplace).entries == 1
    # Confirming again is harmless.
    assert anon_client.post(url).status_code == 200
    assert Entry.objects.get().confirmed_at is not None


def test_a_link_cannot_confirm_someone_elses_entry(anon_client, marketplace):
    mine = EntryFactory(marketplace=marketplace, confirmed_at=None, email="mine@example.org")
    theirs = EntryFactory(marketplace=marketplace, confirmed_at=None, email="theirs@example.org")
    token = links.entry_confirm_token(mine)
    # Re-signing another pk needs the secret; a tampered payload is refused.
    payload, _sig = token.rsplit(":", 1)
    forged = signing.dumps({"entry": theirs.pk, "email": mine.email}, salt="another.salt", compress=True)
    for bad in (forged, token.replace(payload[-4:], "AAAA"), token + "x"):
        response = anon_client.post(f"/beursvloer-bevestigen/{bad}/")
        assert response.status_code == 400
        assert "niet geldig" in response.text or "bestaat niet" in response.text
    # A link signed for my entry but pointing at their pk with my email finds nothing.
    crossed = signing.dumps({"entry": theirs.pk, "email": mine.email}, salt=links.ENTRY_CONFIRM_SALT, compress=True)
    assert anon_client.post(f"/beursvloer-bevestigen/{crossed}/").status_code == 400
    theirs.refresh_from_db()
    assert theirs.confirmed_at is None
    anon_client.post(f"/beursvloer-bevestigen/{token}/")
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.confirmed_at is not None and theirs.confirmed_at is None


def test_a_follow_up_link_cannot_confirm_an_entry(anon_client, marketplace):
    entry = EntryFactory(marketplace=marketplace, confirmed_at=None)
    other_purpose = signing.dumps({"follow_up": entry.pk}, salt=links.FOLLOW_UP_SALT, compress=True)
    assert anon_client.post(f"/beursvloer-bevestigen/{other_purpose}/").status_code == 400
    entry.refresh_from_db()
    assert entry.confirmed_at is None


def test_entry_after_the_deadline_is_refused_with_a_message(anon_client, marketplace):
    with time_machine.travel(marketplace.entry_deadline + timedelta(minutes=1), tick=False):
        page = anon_client.get(f"/beursvloer/{marketplace.public_token}/")
        assert "gesloten" in page.text and "<form method=\"post\" novalidate" not in page.text
        response = submit(anon_client, marketplace)
    assert response.status_code == 200
    assert "De inschrijving is gesloten" in response.text
    assert not Entry.objects.exists()


def test_an_entry_just_before_the_deadline_is_taken(anon_client, marketplace):
    with time_machine.travel(marketplace.entry_deadline - timedelta(minutes=1), tick=False):
        assert submit(anon_client, marketplace).status_code == 302
    assert Entry.objects.count() == 1


def test_confirming_after_the_day_itself_is_refused(anon_client, marketplace):
    entry = EntryFactory(marketplace=marketplace, confirmed_at=None)
    token = links.entry_confirm_token(entry)
    with time_machine.travel(marketplace.held_on + timedelta(days=2)):
        response = anon_client.post(f"/beursvloer-bevestigen/{token}/")
    assert response.status_code == 400 and "al geweest" in response.text
    entry.refresh_from_db()
    assert entry.confirmed_at is None


def test_duplicate_confirmed_entry_from_the_same_email_is_refused(anon_client, marketplace, mailoutbox,
                                                                  django_capture_on_commit_callbacks):
    EntryFactory(marketplace=marketplace, email="ria@taalcafe.example", side="need",
                 description="Wij zoeken tien laptops voor onze taallessen aan nieuwkomers.")
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(anon_client, marketplace, email="RIA@taalcafe.example",
                          description="Wij  zoeken tien laptops voor onze taallessen aan nieuwkomers. ")
    assert response.status_code == 200
    assert "al ingeschreven met dit e-mailadres" in response.text
    assert Entry.objects.count() == 1
    assert mailoutbox == []
    assert 'value="Stichting Taalcafé"' in response.text  # the input is kept


def test_duplicate_unconfirmed_entry_resends_the_link_instead(anon_client, marketplace, mailoutbox,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(anon_client, marketplace)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(anon_client, marketplace)
    assert "nog niet bevestigd" in response.text and "opnieuw" in response.text
    assert Entry.objects.count() == 1
    assert len(mailoutbox) == 2
    first, second = (confirm_url(m).split("/")[-2] for m in mailoutbox)
    assert links.entry_from_token(first) == links.entry_from_token(second) == (Entry.objects.get().pk,
                                                                               "ria@taalcafe.example")


def test_same_email_may_enter_an_offer_and_another_need(anon_client, marketplace):
    assert submit(anon_client, marketplace).status_code == 302
    assert submit(anon_client, marketplace, side="offer", org_kind="business",
                  description="Wij bieden tien laptops aan.").status_code == 302
    assert submit(anon_client, marketplace, description="Wij zoeken vrijwilligers.").status_code == 302
    assert Entry.objects.count() == 3


def test_what_is_asked_in_return_is_kept_only_for_offers(anon_client, marketplace):
    submit(anon_client, marketplace, in_return="Een bedankje")
    submit(anon_client, marketplace, side="offer", org_kind="business", description="Laptops te geef",
           in_return="Een rondleiding")
    assert dict(Entry.objects.values_list("side", "in_return")) == {"need": "", "offer": "Een rondleiding"}


def test_kind_not_invited_is_refused(anon_client, marketplace):
    marketplace.allowed_kinds = ["non_profit", "business"]
    marketplace.save()
    response = submit(anon_client, marketplace, org_kind="municipality")
    assert response.status_code == 200
    assert "errors" in response.text
    assert not Entry.objects.exists()
    assert 'value="municipality"' not in anon_client.get(f"/beursvloer/{marketplace.public_token}/").text


def test_missing_fields_get_dutch_messages_and_input_is_kept(anon_client, marketplace):
    response = submit(anon_client, marketplace, email="geen-adres", organisation="")
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.text
    assert "geldig e-mailadres" in response.text
    assert "Wij zoeken tien laptops" in response.text
    assert not Entry.objects.exists()


def test_english_visitor_gets_the_email_in_english(anon_client, marketplace, mailoutbox,
                                                   django_capture_on_commit_callbacks):
    anon_client.cookies["django_language"] = "en"
    with django_capture_on_commit_callbacks(execute=True):
        submit(anon_client, marketplace)
    assert Entry.objects.get().language == "en"
    assert len(mailoutbox) == 1


def test_deadline_is_shown_in_the_community_time_zone(anon_client, marketplace):
    response = anon_client.get(f"/beursvloer/{marketplace.public_token}/")
    local = timezone.localtime(marketplace.entry_deadline, timezone=timezone.get_fixed_timezone(0))
    assert "12:00" in response.text and local.hour != 12  # noon in Amsterdam, not in UTC
