"""The matching page: needs and offers side by side, with suggested pairs."""

import pytest

from marketplace.models import Category, Side
from marketplace.selectors import stem, suggest_pairs, tokenize

from .factories import EntryFactory, MatchFactory

pytestmark = pytest.mark.django_db


def test_tokenize_drops_stopwords_short_words_and_plural_endings():
    plural = tokenize("Wij zoeken vrijwilligers voor de fietsen van ons buurthuis!")
    singular = tokenize("De vrijwilliger repareert een fiets")
    assert len(plural) == 3 and "wij" not in plural and "de" not in plural
    assert plural & singular == {stem("vrijwilliger"), stem("fiets")}


def test_same_category_pairs_rank_before_pairs_with_only_words_in_common(marketplace):
    need = EntryFactory(marketplace=marketplace, side=Side.NEED, category=Category.HANDS,
                        description="Vrijwilligers die laptops kunnen installeren en repareren")
    words_only = EntryFactory(marketplace=marketplace, side=Side.OFFER, category=Category.MATERIALS,
                              description="Twintig laptops, installeren kunnen wij ook, repareren ook")
    same_category = EntryFactory(marketplace=marketplace, side=Side.OFFER, category=Category.HANDS,
                                 description="Medewerkers voor een dag aan de slag")
    nothing = EntryFactory(marketplace=marketplace, side=Side.OFFER, category=Category.SPACE,
                           description="Vergaderzaal op dinsdag")
    suggestions = suggest_pairs(needs=[need], offers=[words_only, same_category, nothing])
    assert [s.offer for s in suggestions] == [same_category, words_only]
    assert suggestions[0].same_category and suggestions[0].common_words == []
    assert suggestions[1].common_words == ["installeren", "laptops", "repareren"]


def test_within_the_same_category_more_words_in_common_rank_higher(marketplace):
    need = EntryFactory(marketplace=marketplace, side=Side.NEED, description="Laptops voor het taalcafé")
    one = EntryFactory(marketplace=marketplace, side=Side.OFFER, description="Laptops over")
    two = EntryFactory(marketplace=marketplace, side=Side.OFFER, description="Laptops voor een taalcafé")
    assert [s.offer for s in suggest_pairs(needs=[need], offers=[one, two])] == [two, one]


def test_already_matched_pairs_are_not_suggested_again(marketplace):
    match = MatchFactory(marketplace=marketplace)
    assert suggest_pairs(needs=[match.need], offers=[match.offer],
                         matched={(match.need_id, match.offer_id)}) == []


def test_matching_page_shows_needs_and_offers_side_by_side_with_suggestions(core_client, organiser, marketplace):
    EntryFactory(marketplace=marketplace, side=Side.NEED, organisation="Taalcafé", description="Laptops gezocht")
    EntryFactory(marketplace=marketplace, side=Side.OFFER, organisation="ICT Hulst", description="Laptops over")
    EntryFactory(marketplace=marketplace, side=Side.OFFER, organisation="Niet bevestigd", confirmed_at=None)
    response = core_client.get(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matching/")
    assert response.status_code == 200
    assert [e.organisation for e in response.context["needs"]] == ["Taalcafé"]
    assert [e.organisation for e in response.context["offers"]] == ["ICT Hulst"]
    assert "Niet bevestigd" not in response.text  # unconfirmed entries do not count
    suggestion = response.context["suggestions"][0]
    assert suggestion.common_words == ["laptops"]
    assert f"?need={suggestion.need.pk}&amp;offer={suggestion.offer.pk}#match-form" in response.text


def test_suggestion_link_prefills_the_match_form(core_client, organiser, marketplace):
    need = EntryFactory(marketplace=marketplace, side=Side.NEED)
    offer = EntryFactory(marketplace=marketplace, side=Side.OFFER)
    response = core_client.get(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/matching/"
                               f"?need={need.pk}&offer={offer.pk}")
    assert f'<option value="{need.pk}" selected>' in response.text
    assert f'<option value="{offer.pk}" selected>' in response.text
