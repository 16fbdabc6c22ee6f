import contextlib
import zoneinfo

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from lg_portal.common.exports import money, requested_format, spreadsheet_response
from lg_portal.common.forms import apply_errors
from lg_portal.common.links import absolute
from participants.access import community_view

from . import links, ratelimit, rules, selectors, services
from .forms import EntryForm, MarketplaceForm, MatchForm
from .models import FollowUpAnswer, Match, MatchStatus, Side, answers_contradict

# --- organisers' pages (c/<slug>/marketplace/...) -------------------------------------------------------


def _page(request, marketplace=None, **extra):
    return {"community": request.community, "membership": request.membership, "marketplace": marketplace, **extra}


@community_view()
def marketplace_index(request):
    marketplaces = selectors.marketplaces_for_community(community=request.community, membership=request.membership)
    results = selectors.results_for_community(marketplaces=marketplaces, community=request.community)
    can_create = rules.can_create(request.membership, in_any_workgroup=selectors.organiser_workgroups(
        membership=request.membership).exists())
    return render(request, "marketplace/index.html", _page(
        request, marketplaces=marketplaces, years=results["years"], total=results["total"], can_create=can_create,
        today=timezone.localdate(), now=timezone.now()))


@community_view()
def marketplace_create(request):
    workgroups = selectors.organiser_workgroups(membership=request.membership)
    if not workgroups.exists():
        if not rules.can_organise_for_any_workgroup(request.membership):
            raise PermissionDenied
        messages.warning(request, _("Een beursvloer wordt georganiseerd door een werkgroep. Richt eerst een "
                                    "werkgroep op."))
        return redirect("marketplace_index", request.community.slug)
    form = MarketplaceForm(request.POST or None, workgroups=workgroups)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        workgroup = data.pop("workgroup")
        try:
            marketplace = services.marketplace_create(community=request.community, workgroup=workgroup,
                                                      by=request.user, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De beursvloer is aangemaakt. Deel de link naar het inschrijfformulier "
                                        "met de organisaties."))
            return redirect("marketplace_detail", request.community.slug, marketplace.pk)
    return render(request, "marketplace/form.html", _page(request, form=form))


@community_view()
def marketplace_edit(request, pk):
    marketplace = selectors.marketplace_get_for_organiser(membership=request.membership, pk=pk)
    workgroups = selectors.organiser_workgroups(membership=request.membership, include=marketplace.workgroup_id)
    form = MarketplaceForm(request.POST or None, instance=marketplace, workgroups=workgroups)
    if request.method == "POST" and form.is_valid():
        try:
            services.marketplace_update(marketplace=marketplace, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De beursvloer is opgeslagen."))
            return redirect("marketplace_detail", request.community.slug, marketplace.pk)
    return render(request, "marketplace/form.html", _page(request, marketplace, form=form))


@community_view()
def marketplace_detail(request, pk):
    marketplace = selectors.marketplace_get_for_organiser(membership=request.membership, pk=pk)
    matches = list(selectors.match_list(marketplace=marketplace))
    answers = selectors.follow_up_answers(marketplace=marketplace)
    for m in matches:
        m.marketplace = marketplace  # for m.follow_up_on, without a query per match
        parties = answers.get(m.pk, {})
        m.need_answer, m.offer_answer = parties.get(Side.NEED), parties.get(Side.OFFER)
        m.contradicts = m.status == MatchStatus.PENDING and answers_contradict(f.answer for f in parties.values())
    contradicting = [m for m in matches if m.contradicts]
    by_status = selectors.matches_by_status([m for m in matches if not m.contradicts])
    return render(request, "marketplace/detail.html", _page(
        request, marketplace,
        results=selectors.results_for_marketplace(marketplace=marketplace),
        unconfirmed=selectors.entries_unconfirmed_count(marketplace=marketplace),
        status_groups=([("contradicting", _("Antwoorden spreken elkaar tegen"), contradicting)] if contradicting else [])
        + [(value, label, by_status[value]) for value, label in (
            (MatchStatus.DELIVERED, _("Uitgevoerd")), (MatchStatus.PENDING, _("Loopt nog")),
            (MatchStatus.DROPPED, _("Gaat niet door")))],
        status_choices=MatchStatus.choices,
        follow_up_on=selectors.follow_up_date(marketplace),
        public_url=absolute(reverse("marketplace_entry", args=[marketplace.public_token])),
        is_open=marketplace.is_open(),
    ))


def _matching_context(request, marketplace, form=None):
    board = selectors.matching_board(marketplace=marketplace)
    if form is None:
        initial = {k: request.GET[k] for k in ("need", "offer") if request.GET.get(k, "").isdigit()}
        form = MatchForm(initial=initial, marketplace=marketplace, needs=board["needs"], offers=board["offers"])
    return _page(request, marketplace, form=form, **board)


@community_view()
def marketplace_matching(request, pk):
    marketplace = selectors.marketplace_get_for_organiser(membership=request.membership, pk=pk)
    return render(request, "marketplace/matching.html", _matching_context(request, marketplace))


@require_POST
@community_view()
def match_create(request, pk):
    marketplace = selectors.marketplace_get_for_organiser(membership=request.membership, pk=pk)
    board = selectors.matching_board(marketplace=marketplace)
    form = MatchForm(request.POST, marketplace=marketplace, needs=board["needs"], offers=board["offers"])
    if form.is_valid():
        try:
            match = services.match_record(marketplace=marketplace, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Match vastgelegd: %(need)s en %(offer)s. Beide organisaties krijgen een "
                                        "bevestiging.") % {"need": match.need.organisation,
                                                           "offer": match.offer.organisation})
            url = reverse("marketplace_matching", args=[request.community.slug, marketplace.pk])
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    context = _page(request, marketplace, form=form, **board)
    template = "marketplace/matching.html#recorder" if request.htmx else "marketplace/matching.html"
    return render(request, template, context)


@require_POST
@community_view()
def match_status(request, pk, match_pk):
    marketplace = selectors.marketplace_get_for_organiser(membership=request.membership, pk=pk)
    match = get_object_or_404(Match, pk=match_pk, marketplace=marketplace)
    try:
        services.match_set_status(match=match, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("De stand van de match is bijgewerkt."))
    return redirect(reverse("marketplace_detail", args=[request.community.slug, marketplace.pk]) + "#follow-up")


@community_view()
def marketplace_print(request, pk):
    marketplace = selectors.marketplace_get_for_organiser(membership=request.membership, pk=pk)
    matches = list(selectors.match_list(marketplace=marketplace))
    return render(request, "marketplace/print.html", _page(
        request, marketplace, matches=matches,
        results=selectors.results_for_marketplace(marketplace=marketplace)))


@community_view()
def marketplace_csv(request, pk):
    """The match list to download: CSV at this address, `.xlsx` with `?format=xlsx` (the name stayed
    from when there was only CSV, so links already shared keep working)."""
    marketplace = selectors.marketplace_get_for_organiser(membership=request.membership, pk=pk)
    header = [
        _("Nummer"), _("Vraag: organisatie"), _("Vraag: contactpersoon"), _("Vraag: e-mail"), _("Vraag: telefoon"),
        _("Vraag: categorie"), _("Aanbod: organisatie"), _("Aanbod: contactpersoon"), _("Aanbod: e-mail"),
        _("Aanbod: telefoon"), _("Aanbod: categorie"), _("Wat gaan ze doen"), _("Waarde (euro)"),
        _("Uiterlijk klaar op"), _("Stand"),
    ]
    rows = ([i, m.need.organisation, m.need.contact_name, m.need.email, m.need.phone, m.need.get_category_display(),
             m.offer.organisation, m.offer.contact_name, m.offer.email, m.offer.phone,
             m.offer.get_category_display(), m.what, money(m.value_eur), m.due_on, m.get_status_display()]
            for i, m in enumerate(selectors.match_list(marketplace=marketplace), start=1))
    return spreadsheet_response(stem=f"matches-{marketplace.held_on:%Y-%m-%d}", header=header, rows=rows,
                                fmt=requested_format(request), language=translation.get_language())


# --- public pages (no account; never pass `community`, so no community menu shows) ---------------------


@contextlib.contextmanager
def _community_time(marketplace):
    timezone.activate(zoneinfo.ZoneInfo(marketplace.community.time_zone))
    try:
        yield
    finally:
        timezone.deactivate()


def entry_form(request, token):
    marketplace = selectors.marketplace_for_public(token=token)
    with _community_time(marketplace):
        return _entry_form(request, marketplace)


def _entry_form(request, marketplace):
    now = timezone.now()
    is_open = marketplace.is_open(now)
    form = EntryForm(request.POST or None, marketplace=marketplace)
    status = 200
    if request.method == "POST":
        ip = ratelimit.client_ip(request)
        if not is_open:
            form.is_valid()
            form.add_error(None, _("De inschrijving is gesloten: de uiterste datum is voorbij."))
        elif form.is_bot():
            form.is_valid()
            form.add_error(None, _("Uw inschrijving is niet aangenomen: het veld 'Laat dit veld leeg' moet leeg "
                                   "blijven."))
            status = 400
        elif ratelimit.is_limited(ip, now=now):
            form.is_valid()
            form.add_error(None, _("Er zijn vanaf dit adres in het afgelopen uur al %(n)s inschrijvingen gedaan. "
                                   "Probeer het over een uur opnieuw, of neem contact op met de organisatie.")
                           % {"n": ratelimit.entries_per_hour()})
            status = 429
        elif form.is_valid():
            ratelimit.hit(ip, now=now)
            data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            try:
                services.entry_submit(marketplace=marketplace, language=translation.get_language() or "nl",
                                      now=now, **data)
            except services.DuplicateEntry as error:
                form.add_error(None, error.messages)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("marketplace_entry_sent", marketplace.public_token)
    return render(request, "marketplace/public_entry.html", {
        "marketplace": marketplace, "form": form, "is_open": is_open,
    }, status=status)


def entry_sent(request, token):
    marketplace = selectors.marketplace_for_public(token=token)
    return render(request, "marketplace/public_entry_sent.html", {"marketplace": marketplace})


def entry_confirm(request, token):
    """The link in the confirmation email. GET only shows a button: mail scanners open links, and only
    the person should confirm."""
    error = entry = None
    if request.method == "POST":
        try:
            entry = services.entry_confirm(token=token)
        except services.LinkError as exc:
            error = str(exc)
    else:
        try:
            links.entry_from_token(token)
        except links.BadLink:
            error = _("Deze bevestigingslink is niet geldig. Gebruik de link uit de e-mail precies zoals hij is, "
                      "of schrijf opnieuw in.")
    return render(request, "marketplace/public_confirm.html", {"entry": entry, "error": error},
                  status=400 if error else 200)


def follow_up(request, token):
    """The links in the follow-up email. The chosen answer is preselected; one press records it."""
    try:
        follow_up = services.follow_up_get(token=token)
    except services.LinkError as exc:
        return render(request, "marketplace/public_follow_up.html", {"error": str(exc)}, status=400)
    error = None
    recorded = False
    chosen = request.POST.get("answer") if request.method == "POST" else request.GET.get("antwoord")
    if request.method == "POST":
        try:
            follow_up = services.follow_up_answer(token=token, answer=chosen or "")
        except services.LinkError as exc:
            error = str(exc)
        else:
            recorded = True
    match = follow_up.match
    own = follow_up.entry
    other = match.offer if own.side == Side.NEED else match.need
    choices = sorted(FollowUpAnswer.choices, key=lambda c: c[0] != chosen)
    return render(request, "marketplace/public_follow_up.html", {
        "follow_up": follow_up, "match": match, "marketplace": match.marketplace, "own": own, "other": other,
        "choices": choices, "chosen": chosen if chosen in FollowUpAnswer.values else None, "recorded": recorded,
        "chosen_label": dict(FollowUpAnswer.choices).get(chosen, ""),
        "error": error,
    }, status=400 if error else 200)
