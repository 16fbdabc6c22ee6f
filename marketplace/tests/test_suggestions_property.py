"""Property: whatever the entries, suggestions put every same-category pair first, then more words in
common before fewer, and never suggest a pair with neither or a pair already matched."""

from hypothesis import given, settings
from hypothesis import strategies as st

from marketplace.models import Category, Entry, Side
from marketplace.selectors import suggest_pairs, tokenize

WORDS = ["laptops", "verf", "vrijwilligers", "ruimte", "koffie", "advies", "fietsen", "bus", "hout", "de", "en"]

entries = st.lists(
    st.tuples(st.sampled_from(Category.values), st.lists(st.sampled_from(WORDS), min_size=0, max_size=6)),
    min_size=0, max_size=8,
)


def build(rows, side, start):
    return [Entry(pk=start + i, side=side, category=cat, description=" ".join(words))
            for i, (cat, words) in enumerate(rows)]


@settings(max_examples=200, deadline=None)
@given(needs=entries, offers=entries, data=st.data())
def test_suggestions_are_ranked_by_category_then_words(needs, offers, data):
    needs, offers = build(needs, Side.NEED, 1), build(offers, Side.OFFER, 100)
    all_pairs = [(n.pk, o.pk) for n in needs for o in offers]
    matched = set(data.draw(st.lists(st.sampled_from(all_pairs), max_size=3))) if all_pairs else set()
    result = suggest_pairs(needs=needs, offers=offers, matched=matched, limit=None)
    keys = [(not s.same_category, -len(s.common_words)) for s in result]
    assert keys == sorted(keys)
    for s in result:
        assert (s.need.pk, s.offer.pk) not in matched
        assert s.same_category == (s.need.category == s.offer.category)
        assert s.same_category or s.common_words
        assert len(s.common_words) == len(tokenize(s.need.description) & tokenize(s.offer.description))
    expected = {(n.pk, o.pk) for n in needs for o in offers
                if (n.pk, o.pk) not in matched
                and (n.category == o.category or tokenize(n.description) & tokenize(o.description))}
    assert {(s.need.pk, s.offer.pk) for s in result} == expected
