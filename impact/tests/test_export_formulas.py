"""What a stranger types on the public marketplace form reaches the organisers' and the facilitators'
spreadsheets as text, never as a formula: the match list and the returns export, as CSV and as .xlsx."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from marketplace.models import Entry, Side
from marketplace.tests.factories import EntryFactory, MarketplaceFactory, MatchFactory

pytestmark = pytest.mark.django_db

# OWASP's starts of a formula; the form strips leading white space, so the tab comes with a formula behind it.
TYPED = ['=HYPERLINK("http://evil.example","klik")', "+1", "-2+3", "@SUM(A1)", "\t=1+1"]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def entries(community, anon_client):
    """One need per dangerous organisation name, entered through the public form as an anonymous
    visitor would (each from its own address, so the rate limit does not stop the test), confirmed and
    matched with an ordinary offer."""
    marketplace = MarketplaceFactory(community=community, workgroup__community=community)
    for i, name in enumerate(TYPED):
        response = anon_client.post(f"/beursvloer/{marketplace.public_token}/", {
            "side": "need", "organisation": name, "contact_name": "Ria Hulst", "email": f"ria{i}@example.org",
            "phone": "", "org_kind": "non_profit", "category": "materials", "in_return": "", "website": "",
            "description": f"Wij zoeken tien laptops voor onze taallessen, verzoek nummer {i}.",
        }, REMOTE_ADDR=f"192.0.2.{i + 1}")
        assert response.status_code == 302, response.content
    needs = list(Entry.objects.filter(marketplace=marketplace).order_by("pk"))
    assert len(needs) == len(TYPED)
    Entry.objects.filter(marketplace=marketplace).update(confirmed_at=timezone.now())
    for need in needs:
        MatchFactory(marketplace=marketplace, need=need, status="delivered",  # delivered: in returns.csv too
                     offer=EntryFactory(marketplace=marketplace, side=Side.OFFER, organisation="ICT Kuipers"))
    return marketplace, [need.organisation for need in needs]


def _exports(community, marketplace):
    return {"matches": f"/c/{community.slug}/marketplace/{marketplace.pk}/matches.csv",
            "returns": f"/c/{community.slug}/export/returns.csv"}


@pytest.mark.parametrize("export", ["matches", "returns"])
def test_csv_cells_from_the_public_form_start_with_an_apostrophe(facilitator_client, community, entries, export):
    marketplace, stored = entries
    response = facilitator_client.get(_exports(community, marketplace)[export])
    assert response.status_code == 200
    cells = [c for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
             for c in row]
    for name in stored:
        assert any(c.startswith("'" + name) for c in cells), name
    assert not [c for c in cells if c.startswith(DANGEROUS)]


@pytest.mark.parametrize("export", ["matches", "returns"])
def test_xlsx_cells_from_the_public_form_are_text_not_formulas(facilitator_client, community, entries, export):
    marketplace, stored = entries
    response = facilitator_client.get(_exports(community, marketplace)[export] + "?format=xlsx")
    assert response.status_code == 200
    cells = [c for row in load_workbook(io.BytesIO(response.content)).active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    for name in stored:
        found = [c for c in cells if isinstance(c.value, str) and c.value.startswith(name)]
        assert found, name
        assert all(c.data_type == "s" and c.quotePrefix for c in found), name


def test_the_form_keeps_what_was_typed(entries):
    """The defusing happens in the export, not in the data: the organisers see the name as typed (only
    the surrounding white space the form always strips is gone)."""
    _marketplace, stored = entries
    assert stored == [name.strip() for name in TYPED]
