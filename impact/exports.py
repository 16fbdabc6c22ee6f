"""Exports for facilitators: members, attendance, returns and contributions, as .xlsx or CSV, written by
the portal's one spreadsheet writer (lg_portal.common.exports). The rows hold typed values (dates,
numbers, `money()` for euros); the writer decides how each format shows them."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from lg_portal.common.exports import money, spreadsheet_response
from marketplace.selectors import delivered_matches_for_community
from participants.selectors import members_of

from . import selectors
from .models import ContributionSource, CostCategory, ExpectationKind, ReturnKind

KINDS = ("members", "attendance", "returns", "contributions")


def members_rows(*, community):
    expectations = selectors.expectation_lookup(community=community)
    labels = dict(ExpectationKind.choices)
    header = [_("Naam"), _("E-mailadres"), _("Rollen"), _("Sector"), _("Organisatie"), _("Groepsrollen"),
              _("Uren per maand"), _("Status"), _("Lid sinds"), _("Verwachting van rendement"), _("In eigen woorden")]
    rows = []
    for m in members_of(community=community, include_inactive=True):
        e = expectations.get(m.pk)
        rows.append([m.user.name, m.user.email, ", ".join(str(r) for r in m.role_labels), m.get_sector_display(),
                     m.organisation, ", ".join(str(r) for r in m.group_role_labels), m.hours_per_month,
                     m.get_status_display(), timezone.localdate(m.joined_at),
                     ", ".join(str(labels.get(k, k)) for k in e.kinds) if e else "", e.own_words if e else ""])
    return header, rows


def attendance_rows(*, community):
    header = [_("Datum"), _("Bijeenkomst"), _("Soort"), _("Naam"), _("Sector")]
    rows = [[timezone.localdate(a.meeting.starts_at), a.meeting.title, a.meeting.get_kind_display(),
             a.membership.user.name, selectors.sector_label(a.membership.sector)]
            for a in selectors.attendance_rows(community=community)]
    return header, rows


def returns_rows(*, community):
    """The ledger, then the marketplace's delivered matches as concrete return, each on the day it was
    delivered (read from the marketplace app's one selector; open and dropped matches are no return)."""
    kinds = dict(ReturnKind.choices)
    header = [_("Datum"), _("Soort"), _("Wat leverde het op"), _("Toelichting"), _("Betrokken leden"),
              _("Betrokken organisaties"), _("Werkgroep"), _("Activiteit"), _("Waarde (euro)"), _("Uren"),
              _("Vastgelegd door"), _("Bron")]
    rows = []
    for e in selectors.return_entries(community=community).order_by("happened_on", "pk"):
        rows.append([e.happened_on, kinds[e.kind], e.title, e.description, selectors.people_names(e),
                     e.organisations, e.workgroup.name if e.workgroup_id else "",
                     e.activity.title if e.activity_id and e.activity_visible else "", money(e.value_eur), e.hours,
                     e.recorded_by.user.name if e.recorded_by_id else "", _("Rendementslogboek")])
    for m in delivered_matches_for_community(community=community, until=selectors.figures_until(community)):
        rows.append([m.delivered_on, kinds[ReturnKind.CONCRETE], m.what, m.get_status_display(), "",
                     f"{m.need.organisation}, {m.offer.organisation}",
                     m.marketplace.workgroup.name if m.marketplace.workgroup_id else "", "", money(m.value_eur), None,
                     "", _("Beursvloer")])
    return header, rows


def contributions_rows(*, community):
    sources, categories = dict(ContributionSource.choices), dict(CostCategory.choices)
    ease = {"easy": _("makkelijk"), "hard": _("moeilijker"), "other": _("overig")}
    header = [_("Datum"), _("Wie"), _("Bron"), _("Waarvoor"), _("Makkelijk of moeilijker te regelen"), _("Wat"),
              _("Bedrag (euro)"), _("In natura"), _("Vastgelegd door")]
    rows = [[c.contributed_on, c.who, sources[c.source], categories[c.category], ease[c.ease], c.description,
             money(c.amount_eur), c.in_kind, c.recorded_by.user.name if c.recorded_by_id else ""]
            for c in selectors.contributions(community=community).order_by("contributed_on", "pk")]
    return header, rows


BUILDERS = {"members": members_rows, "attendance": attendance_rows, "returns": returns_rows,
            "contributions": contributions_rows}


def export(*, community, kind: str, fmt: str, language: str) -> HttpResponse:
    header, rows = BUILDERS[kind](community=community)
    return spreadsheet_response(stem=f"{community.slug}-{kind}-{timezone.localdate():%Y-%m-%d}", header=header,
                                rows=rows, fmt=fmt, language=language)
