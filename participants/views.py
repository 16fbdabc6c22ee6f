import copy

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from lg_portal.common.colour import AA_TEXT, PLAIN_HEADER, PLAIN_PRIMARY, contrast, ink_on
from lg_portal.common.forms import apply_errors
from lg_portal.common.panels import home_panels, settings_sections

from . import preferences, privacy, rules, selectors, services
from .access import community_view
from .forms import (
    CommunityForm,
    EmailPreferenceForm,
    InvitationForm,
    LookForm,
    ProfileForm,
    RolesForm,
    SuggestionForm,
    UserSettingsForm,
)
from .models import EmailKind, Invitation, Membership, Suggestion


def dashboard(request):
    if not request.user.is_authenticated:
        return render(request, "participants/landing.html")
    memberships = list(selectors.memberships_for_user(user=request.user))
    if len(memberships) == 1 and not request.GET.get("all"):
        return redirect("community_home", memberships[0].community.slug)
    return render(request, "participants/dashboard.html", {"memberships": memberships})


def duration_warning(community):
    if community.shorter_than_a_year:
        return _(
            # the pages show it under the heading "Minimaal een jaar"; a flash shows it alone
            "Deze gemeenschap loopt %(days)s dagen. Vertrouwen en resultaten hebben tijd nodig; "
            "plan minstens een jaar, liefst anderhalf tot twee."
        ) % {"days": community.duration_days}
    return None


@login_required
def community_create(request):
    form = CommunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            community = services.community_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De lerende gemeenschap is aangemaakt. Nodig nu persoonlijk mensen uit."))
            if warning := duration_warning(community):
                messages.warning(request, warning)
            return redirect("community_home", community.slug)
    return render(request, "participants/community_form.html", {"form": form})


@community_view(rule=rules.can_edit_community)
def community_edit(request):
    community = request.community
    # The form validates a copy: the service compares the new values with the stored ones.
    form = CommunityForm(request.POST or None, instance=copy.copy(community))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.community_update(community=community, **fields)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De gegevens van de gemeenschap zijn opgeslagen."))
            if warning := duration_warning(community):
                messages.warning(request, warning)
            return redirect("community_home", community.slug)
    return render(request, "participants/community_form.html",
                  {"form": form, "community": community, "duration_warning": duration_warning(community)})


@community_view()
def community_home(request):
    community, membership = request.community, request.membership
    members = list(selectors.members_of(community=community))
    context = {
        "community": community,
        "membership": membership,
        "members": members,
        "composition": selectors.composition(members=members),
        "rules_pending": selectors.ground_rules_pending(members=members) if community.ground_rules else [],
        "duration_warning": duration_warning(community),
        "panels": home_panels(request),
    }
    for panel in context["panels"]:
        # A panel's own keys are in the page context too, so its template can use them by name.
        context.update({key: value for key, value in panel.items() if key not in ("template", "first")})
    # The member's next step comes first (their next meeting to answer, what waits for them), then the rest.
    context["first_panels"] = [panel for panel in context["panels"] if panel.get("first")]
    context["later_panels"] = [panel for panel in context["panels"] if not panel.get("first")]
    if rules.can_invite(membership):
        context["open_invitations"] = list(selectors.open_invitations(community=community))
        context["open_suggestions"] = list(selectors.open_suggestions(community=community))
    return render(request, "participants/community_home.html", context)


@community_view(rule=rules.can_edit_community)
def community_look(request):
    """A facilitator gives the community its initiator's name, colours and logo, or the plain look back."""
    community = request.community
    initial = {"organisation": community.look_organisation, "primary": community.look_primary or PLAIN_PRIMARY,
               "header": community.look_header or PLAIN_HEADER}
    form = LookForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and request.POST.get("plain") == "1":
        services.community_look_set(community=community, by=request.membership, remove_logo=True)
        messages.success(request, _("De gemeenschap heeft weer het standaarduiterlijk."))
        return redirect("community_look", community.slug)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The colour pickers always send a colour: the default ones mean "no colour of our own".
        primary = "" if data["primary"].lower() == PLAIN_PRIMARY else data["primary"]
        header = "" if data["header"].lower() == PLAIN_HEADER else data["header"]
        try:
            services.community_look_set(community=community, by=request.membership, organisation=data["organisation"],
                                        primary=primary, header=header, logo=data["logo"],
                                        remove_logo=data["remove_logo"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Het uiterlijk van de gemeenschap is opgeslagen."))
            return redirect("community_look", community.slug)
    return render(request, "participants/community_look.html", {
        "community": community, "membership": request.membership, "form": form,
    })


@community_view()
def community_look_css(request):
    """The community's look as design tokens (NL Design System names; README, "A community's look"):
    loaded after portal.css on every page of the community. Versioned URL, so it may be cached."""

    c = request.community
    tokens = {}
    if c.look_primary:
        tokens.update({"lg-color-primary": c.look_primary, "lg-color-primary-ink": ink_on(c.look_primary)})
    if c.look_header:
        ink = ink_on(c.look_header)
        link = c.look_primary or PLAIN_PRIMARY
        tokens.update({"lg-page-header-background-color": c.look_header, "lg-page-header-color": ink,
                       "lg-page-header-link-color": link if contrast(link, c.look_header) >= AA_TEXT else ink})
    body = ":root {\n" + "".join(f"  --{name}: {value};\n" for name, value in tokens.items()) + "}\n"
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "private, max-age=86400"
    return response


@community_view()
def community_logo(request):
    """The initiator's logo, to members only (never a public media URL)."""
    c = request.community
    if not c.look_logo:
        raise Http404
    try:
        handle = c.look_logo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    kind = services.logo_type(handle.read(16))
    handle.seek(0)
    if kind is None:
        raise Http404
    response = FileResponse(handle, content_type=kind[1])
    response["Cache-Control"] = "private, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@community_view()
def member_list(request):
    members = list(selectors.members_of(community=request.community, include_inactive=True))
    return render(request, "participants/member_list.html", {
        "community": request.community, "membership": request.membership, "members": members,
        "composition": selectors.composition(members=members),
    })


@community_view(rule=rules.can_facilitate)
def member_roles(request, member_id):
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id, community=request.community)
    form = RolesForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_set_roles(membership=member, roles=form.cleaned_data, by=request.membership)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De rollen van %(name)s zijn opgeslagen.") % {"name": member.user.name})
            return redirect("member_list", request.community.slug)
    return render(request, "participants/member_roles.html",
                  {"community": request.community, "membership": request.membership, "member": member,
                   "form": form})


@community_view()
def profile_edit(request):
    membership = request.membership
    form = ProfileForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        user_fields, member_fields = form.split()
        try:
            services.membership_update_profile(membership=membership, user_fields=user_fields,
                                               member_fields=member_fields)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Je profiel is opgeslagen."))
            return redirect("community_home", request.community.slug)
    return render(request, "participants/profile_form.html",
                  {"community": request.community, "membership": membership, "form": form})


@community_view()
def ground_rules(request):
    membership = request.membership
    if request.method == "POST":
        services.ground_rules_accept(membership=membership)
        if request.htmx:
            return render(request, "participants/ground_rules.html#acceptance",
                          {"community": request.community, "membership": membership})
        messages.success(request, _("Je hebt de spelregels geaccepteerd."))
        return redirect("community_home", request.community.slug)
    return render(request, "participants/ground_rules.html",
                  {"community": request.community, "membership": membership})


@community_view(rule=rules.can_invite)
def invitations(request):
    community = request.community
    initial = {}
    if suggestion_id := request.GET.get("suggestion"):
        suggestion = Suggestion.objects.filter(pk=suggestion_id, community=community).first()
        if suggestion:
            initial = {"email": suggestion.email, "name": suggestion.name}
    form = InvitationForm(request.POST or None, community=community, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(community=community, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De uitnodiging is verstuurd naar %(email)s.") % {"email": invitation.email})
            return redirect("invitations", community.slug)
    return render(request, "participants/invitations.html", {
        "community": community,
        "membership": request.membership,
        "form": form,
        "open_invitations": selectors.open_invitations(community=community),
        "open_suggestions": selectors.open_suggestions(community=community),
    })


@require_POST
@community_view(rule=rules.can_invite)
def invitation_revoke(request, invitation_id):
    invitation = get_object_or_404(Invitation, pk=invitation_id, community=request.community)
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("De uitnodiging voor %(email)s is ingetrokken.") % {"email": invitation.email})
    return redirect("invitations", request.community.slug)


@community_view()
def suggest(request):
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.suggestion_create(community=request.community, by=request.user, **form.cleaned_data)
        messages.success(request, _("Dank je! De procesbegeleider kijkt of deze persoon uitgenodigd wordt."))
        return redirect("community_home", request.community.slug)
    return render(request, "participants/suggest.html",
                  {"community": request.community, "membership": request.membership, "form": form})


@require_POST
@community_view(rule=rules.can_invite)
def suggestion_dismiss(request, suggestion_id):
    suggestion = get_object_or_404(Suggestion, pk=suggestion_id, community=request.community)
    services.suggestion_dismiss(suggestion=suggestion)
    messages.info(request, _("De suggestie is op 'niet nu' gezet."))
    return redirect("invitations", request.community.slug)


def invitation_detail(request, token):
    """The link in the invitation email. GET only shows; accepting is a POST."""
    invitation = Invitation.objects.select_related("community", "invited_by").filter(token=token).first()
    if invitation is None:
        raise Http404
    error = None
    if invitation.revoked_at:
        error = _("Deze uitnodiging is ingetrokken.")
    elif invitation.accepted_at:
        error = _("Deze uitnodiging is al gebruikt.")
    elif invitation.community.is_read_only:
        error = _("Deze gemeenschap is gestopt: er komen geen nieuwe leden meer bij.")
    elif invitation.is_expired():
        error = _("Deze uitnodiging is verlopen. Vraag de procesbegeleider om een nieuwe uitnodiging.")
    if request.method == "POST" and request.user.is_authenticated and not error:
        try:
            membership = services.invitation_accept(token=token, user=request.user)
        except services.InvitationError as exc:
            error = str(exc)
        else:
            messages.success(request, _("Welkom bij %(name)s!") % {"name": membership.community.name})
            return redirect("profile_edit", membership.community.slug)
    elif not request.user.is_authenticated and not error:
        # The link reached this mailbox, so the address is verified; allauth skips its own check.
        get_adapter(request).stash_verified_email(request, invitation.email)
    here = reverse("invitation_detail", args=[token])
    return render(request, "participants/invitation_detail.html", {
        "invitation": invitation,
        "error": error,
        "wrong_email": request.user.is_authenticated and request.user.email.lower() != invitation.email.lower(),
        "next": here,
    }, status=400 if error and request.method == "POST" else 200)


@login_required
def user_settings(request):
    form = UserSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        translation.activate(request.user.language)
        messages.success(request, _("Je instellingen zijn opgeslagen."))
        response = redirect("user_settings")
        response.set_cookie("django_language", request.user.language, samesite="Lax")
        return response
    return render(request, "participants/settings.html", {"form": form, "settings_sections": settings_sections()})


@require_POST
def language_switch(request):
    """Switch language for this browser and, when logged in, for the person (their emails too)."""
    language = request.POST.get("language")
    next_url = request.POST.get("next") or "/"
    # A path on this site only (never a view name, which redirect() would try to reverse, nor elsewhere).
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in dict(translation.trans_real.get_languages()):
        if request.user.is_authenticated and request.user.language != language:
            request.user.language = language
            request.user.save(update_fields=["language"])
        response.set_cookie("django_language", language, samesite="Lax", max_age=365 * 24 * 3600)
    return response


def privacy_page(request):
    return render(request, "participants/privacy.html")


@login_required
def privacy_export(request):
    response = JsonResponse(privacy.export_for(request.user), json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="lg-portal-mijn-gegevens.json"'
    return response


@login_required
def account_delete(request):
    if request.method == "POST":
        if request.POST.get("confirm") != "on":
            messages.error(request, _("Vink aan dat je je account echt wilt verwijderen."))
        else:
            try:
                privacy.account_delete(request.user)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("account_delete")
            logout(request)
            messages.success(request, _("Je account is verwijderd. Wat je bijdroeg, blijft staan als 'voormalig deelnemer'."))
            return redirect("dashboard")
    return render(request, "participants/account_delete.html",
                  {"handover": selectors.communities_needing_handover(user=request.user)})


@community_view(rule=rules.can_facilitate)
def member_remove(request, member_id):
    """GET asks for confirmation; POST takes the person out of this community."""
    member = get_object_or_404(Membership.objects.select_related("user"), pk=member_id, community=request.community)
    if request.method != "POST":
        return render(request, "participants/member_remove.html",
                      {"community": request.community, "membership": request.membership, "member": member})
    if not rules.can_remove_member(request.membership, member):
        messages.error(request, _("Je kunt jezelf niet verwijderen; vraag een andere procesbegeleider."))
    else:
        try:
            privacy.membership_forget(member)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("member_list", request.community.slug)
        messages.success(request, _("%(name)s is uit de gemeenschap verwijderd.") % {"name": member.user.name})
    return redirect("member_list", request.community.slug)


# --- email preferences and unsubscribe ---------------------------------------------------------------

@login_required
def email_preferences(request):
    form = EmailPreferenceForm(request.POST or None, instance=preferences.email_preferences_for(request.user))
    if request.method == "POST" and form.is_valid():
        preferences.email_preferences_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Je e-mailvoorkeuren zijn opgeslagen."))
        return redirect("email_preferences")
    return render(request, "participants/email_preferences.html", {"form": form})


@csrf_exempt  # the signed link is the credential; mail clients POST here without a session (RFC 8058)
def email_unsubscribe(request, kind, token):
    user = preferences.unsubscribe_user(token, kind)
    if user is None:
        return render(request, "participants/email_unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        preferences.email_preferences_update(user=user, **{kind: False})
    with translation.override(user.language):
        return render(request, "participants/email_unsubscribe.html",
                      {"kind_label": EmailKind(kind).label, "done": request.method == "POST", "kind": kind})
