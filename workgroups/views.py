from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lg_portal import registry
from lg_portal.common.forms import apply_errors
from participants.access import community_view
from participants.models import Membership
from participants.selectors import members_of

from . import rules, selectors, services
from .forms import ActivityForm, JoinRequestForm, PostForm, ProposeWorkgroupForm, ReplyForm, WorkgroupForm
from .models import JoinRequest, PostKind, Reply, Workgroup


def _base(request, **extra):
    return {"community": request.community, "membership": request.membership,
            "workgroup_facts": selectors.workgroup_fact_templates(), **extra}


def _workgroup_or_404(request, pk) -> Workgroup:
    return get_object_or_404(Workgroup, pk=pk, community=request.community)


def _visible_workgroup_or_404(request, pk) -> Workgroup:
    """A workgroup whose content the person may see: closed ones only for their members."""
    workgroup = _workgroup_or_404(request, pk)
    if workgroup.closed and not selectors.is_member(workgroup=workgroup, membership=request.membership):
        raise Http404
    return workgroup


# --- list and page -----------------------------------------------------------------------------------

@community_view()
def workgroup_list(request):
    workgroups = selectors.workgroups_for_list(community=request.community, membership=request.membership,
                                               now=timezone.now())
    return render(request, "workgroups/workgroup_list.html", _base(
        request,
        active=[w for w in workgroups if not w.archived_at],
        archived=[w for w in workgroups if w.archived_at],
        where="list",
    ))


def _detail_context(request, workgroup, **extra):
    membership, now = request.membership, timezone.now()
    context = _base(request, wg=workgroup, where="page", can_archive=rules.can_archive(membership),
                    workgroup_actions=list(registry.WORKGROUP_ACTIONS),
                    join_form=JoinRequestForm(), **extra)
    if workgroup.content_visible:
        community_members = list(members_of(community=request.community))
        context.update(
            mix=selectors.heterogeneity(members=workgroup.memberships, community_members=community_members),
            activities=list(selectors.activities_for_workgroup(workgroup=workgroup, limit=50)),
            posts=selectors.posts_for_workgroup(workgroup=workgroup),
            waiting=list(selectors.waiting_visible_to(membership=membership, now=now, workgroup=workgroup)),
            join_requests=list(selectors.open_join_requests(workgroup=workgroup)) if workgroup.is_member else [],
        )
    return context


def _page_workgroup(request, pk):
    workgroup = selectors.workgroup_for_page(community=request.community, pk=pk, membership=request.membership,
                                             now=timezone.now())
    if workgroup is None:
        raise Http404
    return workgroup


@community_view()
def workgroup_detail(request, pk):
    workgroup = _page_workgroup(request, pk)
    return render(request, "workgroups/workgroup_detail.html", _detail_context(request, workgroup))


def _after_change(request, workgroup_pk, *, ok=None, error=None):
    """Answer a join/leave/request POST: with htmx the re-rendered card (list) or page body, without it a
    redirect back with a message."""
    where = "page" if request.POST.get("from") == "page" else "list"
    if request.htmx:
        workgroup = _page_workgroup(request, workgroup_pk)
        status = {"wg_status": ok, "wg_error": error}
        if where == "page":
            return render(request, "workgroups/workgroup_detail.html#main",
                          _detail_context(request, workgroup, **status))
        return render(request, "workgroups/workgroup_list.html#card",
                      _base(request, wg=workgroup, where="list", **status))
    if error:
        messages.error(request, error)
    elif ok:
        messages.success(request, ok)
    if where == "page":
        return redirect("workgroup_detail", request.community.slug, workgroup_pk)
    return redirect("workgroup_list", request.community.slug)


@require_POST
@community_view()
def workgroup_join(request, pk):
    workgroup = _workgroup_or_404(request, pk)
    try:
        services.workgroup_join(workgroup=workgroup, membership=request.membership)
    except ValidationError as error:
        return _after_change(request, pk, error=" ".join(error.messages))
    return _after_change(request, pk, ok=_("Je doet nu mee met %(name)s.") % {"name": workgroup.name})


@require_POST
@community_view()
def workgroup_leave(request, pk):
    workgroup = _workgroup_or_404(request, pk)
    try:
        services.workgroup_leave(workgroup=workgroup, membership=request.membership)
    except ValidationError as error:
        return _after_change(request, pk, error=" ".join(error.messages))
    return _after_change(request, pk, ok=_("Je hebt %(name)s verlaten.") % {"name": workgroup.name})


@require_POST
@community_view()
def workgroup_request_join(request, pk):
    workgroup = _workgroup_or_404(request, pk)
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        return _after_change(request, pk, error=" ".join(form.errors.get("message", [])))
    try:
        services.join_request_create(workgroup=workgroup, membership=request.membership,
                                     message=form.cleaned_data["message"])
    except ValidationError as error:
        return _after_change(request, pk, error=" ".join(error.messages))
    return _after_change(request, pk, ok=_("Je vraag is naar de leden van %(name)s gestuurd.") % {
        "name": workgroup.name})


@require_POST
@community_view()
def join_request_decide(request, pk, request_id):
    workgroup = _visible_workgroup_or_404(request, pk)
    join_request = get_object_or_404(JoinRequest.objects.select_related("membership__user", "workgroup__community"),
                                     pk=request_id, workgroup=workgroup)
    accept = request.POST.get("decision") == "accept"
    try:
        services.join_request_decide(join_request=join_request, by=request.membership, accept=accept)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        name = join_request.membership.user.name
        messages.success(request, (_("%(name)s doet nu mee.") if accept else _("Het verzoek van %(name)s is afgewezen."))
                         % {"name": name})
    return redirect("workgroup_detail", request.community.slug, pk)


@require_POST
@community_view()
def workgroup_invite(request, pk):
    workgroup = _visible_workgroup_or_404(request, pk)
    invitee = get_object_or_404(Membership.objects.select_related("user"), pk=request.POST.get("member") or 0,
                                community=request.community)
    try:
        sent = services.workgroup_invite(workgroup=workgroup, by=request.membership, invitee=invitee)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if sent:
            messages.success(request, _("%(name)s krijgt een persoonlijke uitnodiging.") % {"name": invitee.user.name})
        else:
            messages.info(request, _("Je had %(name)s al gevraagd.") % {"name": invitee.user.name})
    return redirect("workgroup_detail", request.community.slug, pk)


@require_POST
@community_view()
def workgroup_archive(request, pk):
    workgroup = _workgroup_or_404(request, pk)
    if not rules.can_archive(request.membership):
        raise PermissionDenied
    reopen = request.POST.get("action") == "reopen"
    try:
        if reopen:
            services.workgroup_reopen(workgroup=workgroup, by=request.membership)
        else:
            services.workgroup_archive(workgroup=workgroup, by=request.membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, (_("%(name)s is weer actief.") if reopen else _("%(name)s is gearchiveerd."))
                         % {"name": workgroup.name})
    return redirect("workgroup_detail", request.community.slug, pk)


@community_view()
def workgroup_propose(request):
    allow_core = rules.can_set_up_core_group(request.membership) and selectors.core_group_of(community=request.community) is None
    form = ProposeWorkgroupForm(request.POST or None, allow_core_group=allow_core)
    if request.method == "POST" and form.is_valid():
        try:
            workgroup = services.workgroup_propose(community=request.community, by=request.membership,
                                                   **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De werkgroep %(name)s is gestart. Vraag mensen met een andere achtergrond "
                                        "om mee te doen.") % {"name": workgroup.name})
            return redirect("workgroup_detail", request.community.slug, workgroup.pk)
    return render(request, "workgroups/workgroup_form.html", _base(request, form=form))


@community_view()
def workgroup_edit(request, pk):
    workgroup = _visible_workgroup_or_404(request, pk)
    form = WorkgroupForm(request.POST or None, instance=workgroup)
    if request.method == "POST" and form.is_valid():
        try:
            services.workgroup_update(workgroup=workgroup, by=request.membership, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De werkgroep is opgeslagen."))
            return redirect("workgroup_detail", request.community.slug, workgroup.pk)
    return render(request, "workgroups/workgroup_form.html", _base(request, form=form, wg=workgroup))


# --- activities --------------------------------------------------------------------------------------

@community_view()
def activity_create(request, pk):
    workgroup = _visible_workgroup_or_404(request, pk)
    form = ActivityForm(request.POST or None, community=request.community)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_record(workgroup=workgroup, by=request.membership, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De activiteit is vastgelegd. Kijk er samen op terug: wat leerden jullie?"))
            return redirect("activity_detail", request.community.slug, activity.pk)
    return render(request, "workgroups/activity_form.html", _base(request, form=form, wg=workgroup))


@community_view()
def activity_detail(request, activity_id):
    activity = selectors.activity_get_visible(membership=request.membership, pk=activity_id)
    if activity is None:
        raise Http404
    return render(request, "workgroups/activity_detail.html", _base(
        request, activity=activity, wg=activity.workgroup, activity_sections=list(registry.ACTIVITY_SECTIONS)))


# --- posts -------------------------------------------------------------------------------------------

@community_view()
def post_list(request):
    membership, now = request.membership, timezone.now()
    visible = selectors.with_reply_counts(selectors.posts_visible_to(membership=membership))
    return render(request, "workgroups/post_list.html", _base(
        request,
        waiting=list(selectors.waiting_visible_to(membership=membership, now=now)),
        open_posts=list(visible.filter(kind__in=[k.value for k in PostKind if k != PostKind.UPDATE],
                                       answered_at__isnull=True).order_by("-created_at", "-pk")[:30]),
        updates=list(visible.filter(kind=PostKind.UPDATE).order_by("-created_at", "-pk")[:20]),
        answered=list(visible.filter(answered_at__isnull=False).order_by("-answered_at", "-pk")[:10]),
    ))


@community_view()
def post_create(request):
    workgroups = list(selectors.workgroups_of_member(membership=request.membership))
    initial = {}
    if request.method == "GET":
        initial = {"workgroup": request.GET.get("workgroup", ""), "kind": request.GET.get("kind", PostKind.QUESTION)}
    form = PostForm(request.POST or None, workgroups=workgroups, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_create(community=request.community, by=request.membership, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if post.kind == PostKind.UPDATE:
                messages.success(request, _("Je tussenstap staat op de startpagina van de gemeenschap."))
            else:
                messages.success(request, _("Je bericht is geplaatst. Wie het weet, reageert."))
            return redirect("post_detail", request.community.slug, post.pk)
    return render(request, "workgroups/post_form.html", _base(request, form=form))


def _visible_post_or_404(request, post_id):
    post = selectors.post_get_visible(membership=request.membership, pk=post_id)
    if post is None:
        raise Http404
    return post


def _post_context(request, post, **extra):
    return _base(request, post=post, replies=list(selectors.replies_of(post=post)),
                 is_author=post.author_id == request.membership.pk, **extra)


@community_view()
def post_detail(request, post_id):
    post = _visible_post_or_404(request, post_id)
    return render(request, "workgroups/post_detail.html", _post_context(request, post, reply_form=ReplyForm()))


@require_POST
@community_view()
def reply_create(request, post_id):
    post = _visible_post_or_404(request, post_id)
    form = ReplyForm(request.POST)
    status = None
    if form.is_valid():
        try:
            services.reply_create(post=post, by=request.membership, body=form.cleaned_data["body"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            status = _("Je reactie is geplaatst.")
            form = ReplyForm()
    if request.htmx:
        return render(request, "workgroups/post_detail.html#replies",
                      _post_context(request, post, reply_form=form, reply_status=status))
    if status:
        messages.success(request, status)
        return redirect("post_detail", request.community.slug, post.pk)
    return render(request, "workgroups/post_detail.html", _post_context(request, post, reply_form=form))


@require_POST
@community_view()
def post_answered(request, post_id):
    post = _visible_post_or_404(request, post_id)
    reply = None
    if request.POST.get("reply"):
        reply = get_object_or_404(Reply, pk=request.POST["reply"], post=post)
    try:
        if request.POST.get("action") == "reopen":
            services.post_reopen(post=post, by=request.membership)
        else:
            services.post_mark_answered(post=post, by=request.membership, reply=reply)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("post_detail", request.community.slug, post.pk)


# --- the overview ------------------------------------------------------------------------------------

@community_view()
def community_overview(request):
    before = parse_datetime(request.GET.get("before", "") or "")
    if before is not None and timezone.is_naive(before):
        before = timezone.make_aware(before)
    limit = 40
    events = selectors.community_overview(membership=request.membership, before=before, limit=limit)
    older = events[-1]["at"].isoformat() if len(events) == limit else None
    return render(request, "workgroups/overview.html", _base(request, events=events, older=older, before=before))
