"""Pages for return (rendement): expectations, the ledger, who found whom, costs and 'dare to ask', the
community dashboard, the exports and ending a period with its harvest. Thin views: reads in
impact.selectors, impact.dashboard and impact.harvest; writes in impact.services and impact.harvest. Every page is for members of the community only (others get 404); after 'stop' every
page can still be read, and every change is refused by participants.access.community_view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lg_portal.common.exports import requested_format
from lg_portal.common.forms import apply_errors
from participants.access import community_view
from participants.selectors import active_members, members_of

from . import dashboard as dashboard_data
from . import exports, harvest, rules, selectors, services
from .forms import (
    AskAnswerForm,
    AskForm,
    ContributionForm,
    ExpectationForm,
    PeriodEndForm,
    ReturnForm,
)
from .models import PeriodDecision, ReturnKind

PAGE_SIZE = 25


def _base(request, **extra):
    return {"community": request.community, "membership": request.membership,
            "read_only": request.community.is_read_only, **extra}


def _error_message(request, error: ValidationError):
    messages.error(request, " ".join(error.messages))


# --- expectations ---------------------------------------------------------------------------------

def _expectations_page(request, form=None, status=200):
    mine = selectors.expectation_of(membership=request.membership)
    if form is None:
        form = ExpectationForm(initial={"kinds": mine.kinds, "own_words": mine.own_words} if mine else None)
    return render(request, "impact/expectations.html", _base(
        request, form=form, mine=mine, spread=selectors.expectation_spread(community=request.community)),
        status=status)


@require_safe
@community_view()
def expectations(request):
    return _expectations_page(request)


@require_POST
@community_view()
def expectation_save(request):
    form = ExpectationForm(request.POST)
    if form.is_valid():
        try:
            services.return_expectation_save(membership=request.membership, kinds=form.cleaned_data["kinds"],
                                                    own_words=form.cleaned_data["own_words"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Dank je wel. Je verwachting van rendement is opgeslagen; je kunt haar "
                                        "later altijd bijstellen."))
            return redirect("lessons_expectations", request.community.slug)
    return _expectations_page(request, form=form, status=400)


# --- the return ledger ----------------------------------------------------------------------------

@require_safe
@community_view()
def return_list(request):
    kind = request.GET.get("kind") or ""
    if kind not in ReturnKind.values:
        kind = ""
    page = Paginator(selectors.return_entries(community=request.community, kind=kind or None,
                                                         viewer=request.membership), PAGE_SIZE).get_page(
        request.GET.get("page"))
    return render(request, "impact/returns.html", _base(
        request, page=page, entries=list(page.object_list), kind=kind, kinds=ReturnKind.choices,
        totals=selectors.return_totals(community=request.community)))


def _return_form(request, data=None):
    members, workgroups, activities = selectors.return_form_choices(membership=request.membership)
    return ReturnForm(data, members=members, workgroups=workgroups, activities=activities)


def _return_form_page(request, form, status=200):
    return render(request, "impact/return_form.html", _base(request, form=form), status=status)


@require_safe
@community_view()
def return_new(request):
    form = _return_form(request)
    if request.GET.get("kind") in ReturnKind.values:
        form.initial["kind"] = request.GET["kind"]
    return _return_form_page(request, form)


@require_POST
@community_view()
def return_add(request):
    form = _return_form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.return_record(
                community=request.community, by=request.membership, kind=data["kind"], title=data["title"],
                happened_on=data["happened_on"], description=data["description"], people=list(data["people"]),
                organisations=data["organisations"], workgroup=data["workgroup"], activity=data["activity"],
                value_eur=data["value_eur"], hours=data["hours"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Het rendement staat in het logboek."))
            return redirect("lessons_returns", request.community.slug)
    return _return_form_page(request, form, status=400)


@require_POST
@community_view()
def return_delete(request, pk):
    entry = selectors.return_get(community=request.community, pk=pk)
    if not rules.can_change_return(request.membership, entry):
        raise PermissionDenied
    try:
        services.return_delete(entry=entry, by=request.membership)
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, _("Het rendement is uit het logboek gehaald."))
    return redirect("lessons_returns", request.community.slug)


@require_safe
@community_view()
def relations(request):
    return render(request, "impact/relations.html", _base(
        request, pairs=selectors.relation_pairs(community=request.community)))


# --- costs and contributions ----------------------------------------------------------------------

@require_safe
@community_view()
def costs(request):
    totals = selectors.contribution_totals(community=request.community)
    page = Paginator(selectors.contributions(community=request.community), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "impact/costs.html", _base(
        request, totals=totals, chart=selectors.costs_chart(totals), page=page, rows=list(page.object_list),
        open_asks=selectors.open_asks_count(community=request.community)))


def _contribution_form_page(request, form, status=200):
    return render(request, "impact/contribution_form.html", _base(request, form=form), status=status)


@require_safe
@community_view()
def contribution_new(request):
    return _contribution_form_page(request, ContributionForm(members=members_of(community=request.community)))


@require_POST
@community_view()
def contribution_add(request):
    form = ContributionForm(request.POST, members=members_of(community=request.community))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.contribution_record(
                community=request.community, by=request.membership, source=data["source"],
                category=data["category"], description=data["description"],
                contributed_on=data["contributed_on"], amount_eur=data["amount_eur"], in_kind=data["in_kind"],
                contributor=data["contributor"], contributor_name=data["contributor_name"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De bijdrage is vastgelegd."))
            return redirect("lessons_costs", request.community.slug)
    return _contribution_form_page(request, form, status=400)


@require_POST
@community_view()
def contribution_delete(request, pk):
    contribution = selectors.contribution_get(community=request.community, pk=pk)
    if not rules.can_change_contribution(request.membership, contribution):
        raise PermissionDenied
    try:
        services.contribution_delete(contribution=contribution, by=request.membership)
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, _("De bijdrage is verwijderd."))
    return redirect("lessons_costs", request.community.slug)


# --- dare to ask ----------------------------------------------------------------------------------

def _asks_page(request, *, form=None, answer_form=None, answer_for=None, status=200):
    asks = selectors.ask_requests(community=request.community)
    for ask in asks:
        ask.answer_form = answer_form if answer_for == ask.pk else AskAnswerForm(prefix=f"a{ask.pk}")
    return render(request, "impact/asks.html", _base(request, asks=asks, form=form or AskForm()), status=status)


@require_safe
@community_view()
def asks(request):
    return _asks_page(request)


@require_POST
@community_view()
def ask_add(request):
    form = AskForm(request.POST)
    if form.is_valid():
        try:
            services.ask_post(community=request.community, by=request.membership, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Je vraag staat op het prikbord. Durf te vragen!"))
            return redirect("lessons_asks", request.community.slug)
    return _asks_page(request, form=form, status=400)


@require_POST
@community_view()
def ask_answer(request, pk):
    """Answer a request. With htmx only that request is swapped (with a polite status line); without
    JavaScript the page reloads at the request."""
    ask = selectors.ask_get(community=request.community, pk=pk)
    form = AskAnswerForm(request.POST, prefix=f"a{ask.pk}")
    saved = False
    if form.is_valid():
        try:
            services.ask_answer(ask=ask, by=request.membership, body=form.cleaned_data["body"])
        except ValidationError as error:
            apply_errors(form, error)
            ask.refresh_from_db()
            if not ask.is_open and not request.htmx:  # the form is gone from the page: say it at the top
                _error_message(request, error)
        else:
            saved = True
    if request.htmx:
        fresh = selectors.ask_with_answers(community=request.community, pk=ask.pk)
        fresh.answer_form = AskAnswerForm(prefix=f"a{ask.pk}") if saved else form
        closed_now = not saved and not fresh.is_open  # the form is gone: show why in the fragment
        return render(request, "impact/asks.html#ask", _base(request, ask=fresh, ask_saved=saved,
                                                              ask_errors=form.non_field_errors() if closed_now else None))
    if saved:
        messages.success(request, _("Dank je wel voor je antwoord."))
        return redirect(reverse("lessons_asks", args=[request.community.slug]) + f"#ask-{ask.pk}")
    return _asks_page(request, answer_form=form, answer_for=ask.pk, status=400)


@require_POST
@community_view()
def ask_close(request, pk):
    ask = selectors.ask_get(community=request.community, pk=pk)
    if not rules.can_close_ask(request.membership, ask):
        raise PermissionDenied
    try:
        services.ask_close(ask=ask, by=request.membership)
    except ValidationError as error:
        _error_message(request, error)
    else:
        messages.success(request, _("De vraag is afgesloten: geregeld."))
    return redirect("lessons_asks", request.community.slug)


# --- the dashboard and the exports ----------------------------------------------------------------

@require_safe
@community_view()
def dashboard(request):
    return render(request, "impact/dashboard.html", _base(
        request, **dashboard_data.community_dashboard(community=request.community)))


@require_safe
@community_view(rule=rules.can_export)
def export(request, kind):
    if kind not in exports.KINDS:
        raise Http404
    return exports.export(community=request.community, kind=kind, fmt=requested_format(request),
                          language=translation.get_language())


# --- ending a period and the harvest ----------------------------------------------------------------

def _core_group(community):
    return active_members(community=community).filter(is_core_group=True)


def _harvests_page(request, form=None, status=200):
    community = request.community
    if form is None and rules.can_end_period(request.membership) and not community.is_read_only:
        form = PeriodEndForm(core_group=_core_group(community), initial={
            "period_ends_on": community.ends_on})
    return render(request, "impact/harvests.html", _base(
        request, harvests=harvest.harvests_of(community=community), form=form,
        period_starts_on=harvest.period_start(community=community), decisions=PeriodDecision), status=status)


@require_safe
@community_view()
def harvests(request):
    return _harvests_page(request)


@require_POST
@community_view(rule=rules.can_end_period)
def period_close(request):
    form = PeriodEndForm(request.POST, core_group=_core_group(request.community))
    if form.is_valid():
        data = form.cleaned_data
        try:
            done = harvest.period_close(community=request.community, by=request.membership, decision=data["decision"],
                                      period_ends_on=data["period_ends_on"], new_ends_on=data["new_ends_on"],
                                      note=data["note"], successors=list(data["successors"]))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, {
                PeriodDecision.CONTINUE: _("De periode is afgesloten en de gemeenschap gaat door. Hier is de oogst."),
                PeriodDecision.HANDOVER: _("De periode is afgesloten en de kerngroep neemt het over. Hier is de oogst."),
                PeriodDecision.STOP: _("De gemeenschap is bewust gestopt. De oogst blijft beschikbaar."),
            }[done.decision])
            return redirect("lessons_harvest", request.community.slug, done.pk)
    return _harvests_page(request, form=form, status=400)


def _harvest_context(request, snapshot, **extra):
    return _base(request, h=harvest.harvest_display(snapshot), **extra)


@require_safe
@community_view()
def harvest_preview(request):
    """The harvest as it would be if the period ended now (nothing is stored)."""
    community = request.community
    snapshot = harvest.harvest_snapshot(community=community, starts_on=harvest.period_start(community=community),
                                        ends_on=community.ends_on)
    return render(request, "impact/harvest.html", _harvest_context(request, snapshot, preview=True))


@require_safe
@community_view()
def harvest_detail(request, pk):
    found = harvest.harvest_get(community=request.community, pk=pk)
    return render(request, "impact/harvest.html", _harvest_context(request, found.snapshot, harvest=found))


@require_safe
@community_view()
def harvest_download(request, pk):
    """The harvest as one self-contained HTML file (its styles inside), to keep, mail or print."""
    found = harvest.harvest_get(community=request.community, pk=pk)
    html = render_to_string("impact/harvest_download.html",
                            _harvest_context(request, found.snapshot, harvest=found, now=timezone.now()),
                            request=request)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = (f'attachment; filename="oogst-{request.community.slug}-'
                                       f'{found.period_ends_on:%Y-%m-%d}.html"')
    return response
