"""The access matrix: every URL pattern of the project, with every persona, GET and POST, against a
table of who may do what. Anything not allowed is denied; another community's member gets 404 on
every page of this community; a new URL without a row in the table fails the test.

The world is the demo (seed_demo): the Hellendoorn community with its facilitator, coordinator,
core-group member (Marieke) and participant, and the outsider of the Nijverdal community. Each
request runs inside a transaction that is rolled back, so one request cannot change the next.
"""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from engagement import rules as engagement_rules
from impact import rules as impact_rules
from lessons import rules as lessons_rules
from meetings import rules as meetings_rules
from participants import rules as participants_rules
from workgroups import rules as workgroups_rules

pytestmark = pytest.mark.django_db

ANON, PART, CORE, COORD, FAC, OUT = "anonymous", "participant", "core", "coordinator", "facilitator", "outsider"
PERSONAS = {PART: "participant@demo.example", CORE: "marieke@demo.example", COORD: "coordinator@demo.example",
            FAC: "facilitator@demo.example", OUT: "outsider@demo.example", ANON: None}
MEMBERS = frozenset({PART, CORE, COORD, FAC})
ALL = frozenset(PERSONAS)  # public: anyone, logged in or not
LOGGED_IN = frozenset(PERSONAS) - {ANON}
FAC_ONLY = frozenset({FAC})
COORDS = frozenset({FAC, COORD})
CORE_FAC = frozenset({FAC, CORE})
NOBODY = frozenset()
TOKEN = "token"  # reached through a secret link: a wrong token is refused for everyone
SKIP = "skip"  # not a page: method not offered

# url name: (who may GET, who may POST). NOBODY for a method means: 405 for everyone (or denied).
TABLE = {
    # lg_portal
    "healthz": (ALL, NOBODY),
    # the demo's mailbox: only with DEBUG on (the matrix runs with it off: 404 for everyone; with it on,
    # see lg_portal/tests/test_mailbox.py)
    "mailbox": (NOBODY, NOBODY),
    "mailbox_message": (NOBODY, NOBODY),
    "mailbox_html": (NOBODY, NOBODY),
    "mailbox_source": (NOBODY, NOBODY),
    # participants
    "dashboard": (ALL, NOBODY),
    "user_settings": (LOGGED_IN, LOGGED_IN),
    "language_switch": (NOBODY, ALL),
    "privacy": (ALL, NOBODY),
    "privacy_export": (LOGGED_IN, NOBODY),
    "account_delete": (LOGGED_IN, LOGGED_IN),
    "community_create": (LOGGED_IN, LOGGED_IN),
    "invitation_detail": (TOKEN, TOKEN),
    "community_home": (MEMBERS, NOBODY),
    "community_edit": (FAC_ONLY, FAC_ONLY),
    "community_look": (FAC_ONLY, FAC_ONLY),
    "community_look_css": (MEMBERS, NOBODY),
    "community_logo": (MEMBERS, NOBODY),
    "member_list": (MEMBERS, NOBODY),
    "member_roles": (FAC_ONLY, FAC_ONLY),
    "member_remove": (FAC_ONLY, FAC_ONLY),
    "profile_edit": (MEMBERS, MEMBERS),
    "ground_rules": (MEMBERS, MEMBERS),
    "invitations": (FAC_ONLY, FAC_ONLY),
    "invitation_revoke": (NOBODY, FAC_ONLY),
    "suggest": (MEMBERS, MEMBERS),
    "suggestion_dismiss": (NOBODY, FAC_ONLY),
    "catch_up": (FAC_ONLY, FAC_ONLY),
    "drift_settings": (FAC_ONLY, FAC_ONLY),
    "catch_up_contact": (NOBODY, FAC_ONLY),
    "catch_up_person": (FAC_ONLY, FAC_ONLY),
    "nudge_answer": (TOKEN, TOKEN),
    "email_preferences": (LOGGED_IN, LOGGED_IN),
    "email_unsubscribe": (TOKEN, TOKEN),
    # meetings
    "meeting_list": (MEMBERS, NOBODY),
    "meeting_list_past": (MEMBERS, NOBODY),
    "meeting_list_mine": (MEMBERS, NOBODY),
    "meeting_list_workgroup": (MEMBERS, NOBODY),
    "meeting_new": (FAC_ONLY, FAC_ONLY),  # a plenary; ?kind= workgroup or work_visit: any member
    "meeting_settings": (FAC_ONLY, FAC_ONLY),
    "meeting_detail": (MEMBERS, NOBODY),
    "meeting_ics": (MEMBERS, NOBODY),
    "meeting_edit": (FAC_ONLY, FAC_ONLY),
    "meeting_cancel": (FAC_ONLY, FAC_ONLY),
    "meeting_rsvp": (NOBODY, MEMBERS),
    "meeting_host_answer": (NOBODY, NOBODY),
    "meeting_host_ask": (NOBODY, FAC_ONLY),
    "meeting_agenda_add": (NOBODY, CORE_FAC),
    "meeting_agenda_move": (NOBODY, CORE_FAC),
    "meeting_agenda_remove": (NOBODY, CORE_FAC),
    "meeting_attendance": (COORDS, COORDS),  # and the moderator, who chairs (not a persona here)
    "calendar_feed_regenerate": (NOBODY, LOGGED_IN),
    "calendar_feed_settings": (NOBODY, LOGGED_IN),
    "calendar_feed": (TOKEN, NOBODY),
    # workgroups
    "workgroup_list": (MEMBERS, NOBODY),
    "workgroup_propose": (MEMBERS, MEMBERS),
    "workgroup_detail": (MEMBERS, NOBODY),
    "workgroup_edit": (MEMBERS, MEMBERS),
    "workgroup_join": (NOBODY, MEMBERS),
    "workgroup_leave": (NOBODY, MEMBERS),
    "workgroup_request_join": (NOBODY, MEMBERS),
    "workgroup_join_request_decide": (NOBODY, MEMBERS),
    "workgroup_invite": (NOBODY, MEMBERS),
    "workgroup_archive": (NOBODY, CORE_FAC),
    "activity_create": (MEMBERS, MEMBERS),
    "activity_detail": (MEMBERS, NOBODY),
    "post_list": (MEMBERS, NOBODY),
    "post_create": (MEMBERS, MEMBERS),
    "post_detail": (MEMBERS, NOBODY),
    "reply_create": (NOBODY, MEMBERS),
    "post_answered": (NOBODY, MEMBERS),
    "community_overview": (MEMBERS, NOBODY),
    # lessons
    "lessons_compass": (MEMBERS, NOBODY),
    "lessons_compass_print": (MEMBERS, NOBODY),
    "lessons_compass_chapter": (MEMBERS, NOBODY),
    "lessons_rounds": (MEMBERS, NOBODY),
    "lessons_round_open": (NOBODY, COORDS),
    "lessons_round": (MEMBERS, NOBODY),
    "lessons_round_answer": (NOBODY, MEMBERS),
    "lessons_round_close": (NOBODY, COORDS),
    "lessons_evaluations": (MEMBERS, NOBODY),
    "lessons_evaluation_open": (NOBODY, COORDS),
    "lessons_evaluation": (MEMBERS, NOBODY),
    "lessons_evaluation_respond": (NOBODY, MEMBERS),
    "lessons_evaluation_conclude": (NOBODY, COORDS),
    "lessons_learning_goals": (MEMBERS, NOBODY),
    "lessons_learning_goal_add": (NOBODY, MEMBERS),
    "lessons_learning_goal_reach": (NOBODY, MEMBERS),
    "lessons_reflections": (MEMBERS, NOBODY),
    "lessons_reflect_activity": (MEMBERS, NOBODY),
    "lessons_reflect_activity_submit": (NOBODY, MEMBERS),
    "lessons_reflect_meeting": (MEMBERS, NOBODY),
    "lessons_reflect_meeting_submit": (NOBODY, MEMBERS),
    "lessons_returns": (MEMBERS, NOBODY),
    "lessons_return_new": (MEMBERS, NOBODY),
    "lessons_return_add": (NOBODY, MEMBERS),
    "lessons_return_delete": (NOBODY, MEMBERS),
    "lessons_expectations": (MEMBERS, NOBODY),
    "lessons_expectation_save": (NOBODY, MEMBERS),
    "lessons_relations": (MEMBERS, NOBODY),
    "lessons_costs": (MEMBERS, NOBODY),
    "lessons_contribution_new": (MEMBERS, NOBODY),
    "lessons_contribution_add": (NOBODY, MEMBERS),
    "lessons_contribution_delete": (NOBODY, MEMBERS),
    "lessons_asks": (MEMBERS, NOBODY),
    "lessons_ask_add": (NOBODY, MEMBERS),
    "lessons_ask_answer": (NOBODY, MEMBERS),
    "lessons_ask_close": (NOBODY, MEMBERS),
    "dashboard_community": (MEMBERS, NOBODY),
    "lessons_export": (FAC_ONLY, NOBODY),
    "lessons_harvests": (MEMBERS, NOBODY),
    "lessons_period_end": (NOBODY, FAC_ONLY),
    "lessons_harvest_preview": (MEMBERS, NOBODY),
    "lessons_harvest": (MEMBERS, NOBODY),
    "lessons_harvest_download": (MEMBERS, NOBODY),
    # marketplace
    "marketplace_index": (MEMBERS, NOBODY),
    "marketplace_create": (MEMBERS, MEMBERS),
    "marketplace_detail": (MEMBERS, NOBODY),
    "marketplace_edit": (MEMBERS, MEMBERS),
    "marketplace_matching": (MEMBERS, MEMBERS),
    "marketplace_match_create": (NOBODY, MEMBERS),
    "marketplace_match_status": (NOBODY, MEMBERS),
    "marketplace_print": (MEMBERS, NOBODY),
    "marketplace_csv": (MEMBERS, NOBODY),
    "marketplace_entry": (TOKEN, TOKEN),
    "marketplace_entry_sent": (TOKEN, NOBODY),
    "marketplace_entry_confirm": (TOKEN, TOKEN),
    "marketplace_follow_up": (TOKEN, TOKEN),
}

# Pages that belong to a group inside the community (a workgroup, a marketplace's organisers, a
# meeting's host): who of the personas is in that group is decided by the world, below.
GROUP_SCOPED = {
    "workgroup_edit", "workgroup_leave", "workgroup_invite", "workgroup_join_request_decide",
    "activity_create", "meeting_list_workgroup",
    "marketplace_detail", "marketplace_edit", "marketplace_matching", "marketplace_match_create",
    "marketplace_match_status", "marketplace_print", "marketplace_csv",
    "lessons_reflect_activity_submit", "lessons_reflect_meeting_submit", "lessons_learning_goal_reach",
}
# Rows that belong to the member who wrote them: that member and the facilitators may change them.
OWNED = {"lessons_return_delete": "return_entry.recorded_by_id", "lessons_contribution_delete":
         "contribution.recorded_by_id", "lessons_ask_close": "ask.asked_by_id"}


# The table follows the apps' rules (each app's rules.py): for a page gated by one rule about the
# member's roles, the personas that rule allows are exactly the table's row.
RULES = {
    "community_edit": participants_rules.can_edit_community,
    "community_look": participants_rules.can_edit_community,
    "member_roles": participants_rules.can_facilitate,
    "member_remove": participants_rules.can_facilitate,
    "invitations": participants_rules.can_invite,
    "invitation_revoke": participants_rules.can_invite,
    "suggestion_dismiss": participants_rules.can_invite,
    "suggest": participants_rules.can_suggest,
    "catch_up": engagement_rules.can_see_catch_up,
    "catch_up_contact": engagement_rules.can_see_catch_up,
    "catch_up_person": engagement_rules.can_see_person,
    "drift_settings": engagement_rules.can_change_drift_settings,
    "meeting_settings": meetings_rules.can_change_settings,
    "workgroup_archive": workgroups_rules.can_archive,
    "lessons_round_open": lessons_rules.can_run_assessment,
    "lessons_round_close": lessons_rules.can_run_assessment,
    "lessons_evaluation_open": lessons_rules.can_run_evaluation,
    "lessons_evaluation_conclude": lessons_rules.can_run_evaluation,
    "lessons_export": impact_rules.can_export,
    "lessons_period_end": impact_rules.can_end_period,
}


def project_urls():
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            else:
                yield p.name, prefix + str(p.pattern)

    return {name: route for name, route in walk(get_resolver().url_patterns)
            if not route.startswith(("admin/", "accounts/"))}


def test_every_url_has_a_row_in_the_table():
    urls = project_urls()
    missing = sorted(set(urls) - set(TABLE))
    assert not missing, f"URLs without a row in the access matrix: {missing}"
    gone = sorted(set(TABLE) - set(urls))
    assert not gone, f"rows for URLs that no longer exist: {gone}"


class World:
    """The demo, and one object of each kind in its first community, for the URLs' arguments."""

    def __init__(self):
        from impact import models as im
        from lessons import models as lm
        from marketplace import models as mm
        from meetings import models as mtm
        from participants.models import Community, Invitation, Membership, Suggestion
        from workgroups import models as wm

        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        self.community = Community.objects.get(slug="hellendoorn-demo")
        c = self.community
        from django.core.files.base import ContentFile

        from participants.services import community_look_set
        from participants.tests.test_look import tiny_png

        community_look_set(community=c, by=Membership.objects.get(community=c, user__email=PERSONAS[FAC]),
                           primary="#004c8c", logo=ContentFile(tiny_png(), name="logo.png"))
        self.members = {p: Membership.objects.get(community=c, user__email=e) for p, e in PERSONAS.items()
                        if e and p != OUT}
        now = timezone.now()
        self.meeting = mtm.Meeting.objects.filter(community=c, kind="plenary", starts_at__gt=now).first()
        self.past_meeting = mtm.Meeting.objects.filter(community=c, kind="plenary", starts_at__lt=now).last()
        self.agenda_item = mtm.AgendaItem.objects.filter(meeting=self.meeting).first()
        part = self.members[PART]
        self.workgroup = wm.Workgroup.objects.filter(community=c, members__membership=part, closed=False,
                                                     is_core_group=False).first()
        self.join_request = wm.JoinRequest.objects.filter(workgroup__community=c).first()
        self.activity = wm.Activity.objects.filter(workgroup=self.workgroup).first()
        self.post = wm.Post.objects.filter(community=c, workgroup__isnull=True).first()
        self.round = lm.AssessmentRound.objects.filter(community=c).order_by("-pk").first()
        self.item = lm.Item.objects.first()
        self.evaluation = lm.Evaluation.objects.filter(community=c).first()
        self.learning_goal = lm.LearningGoal.objects.filter(community=c).first()
        self.return_entry = im.ReturnEntry.objects.filter(community=c).first()
        self.contribution = im.Contribution.objects.filter(community=c).first()
        self.ask = im.AskRequest.objects.filter(community=c).first()
        self.harvest = im.Harvest.objects.filter(community=c).first() or self._harvest(c)
        self.match = mm.Match.objects.filter(marketplace__community=c).select_related("marketplace").first()
        self.marketplace = self.match.marketplace if self.match else None
        self.invitation = Invitation.objects.create(community=c, email="nieuw@example.org", message="Doe mee")
        self.suggestion = Suggestion.objects.create(community=c, name="Henk", reason="Kent iedereen")
        missing = [n for n in ("meeting", "past_meeting", "agenda_item", "workgroup", "join_request", "activity",
                               "post", "round", "evaluation", "learning_goal", "return_entry", "contribution",
                               "ask", "harvest", "marketplace", "match") if getattr(self, n) is None]
        assert not missing, f"the demo lacks: {missing}"

    def _harvest(self, community):
        from impact.harvest import harvest_snapshot
        from impact.models import Harvest

        snapshot = harvest_snapshot(community=community, starts_on=community.starts_on, ends_on=community.ends_on)
        return Harvest.objects.create(community=community, decision="handover", period_starts_on=community.starts_on,
                                      period_ends_on=community.ends_on,
                                      snapshot=snapshot)

    def args(self, name, route):
        """The URL arguments for this route, in this world."""
        values = []
        for param in [p.split(">")[0].split(":")[-1] for p in route.split("<")[1:]]:
            values.append(self.value(name, param))
        return values

    def value(self, name, param):
        if param == "slug":
            return self.community.slug
        if param == "token":
            return "not-a-valid-token"
        if param == "answer":
            return "still_in"
        if param == "kind":
            return "members" if name == "lessons_export" else "digest"
        if param == "chapter":
            return "start"
        if param == "item_id":
            return self.agenda_item.pk
        if param == "item_pk":
            return self.item.pk
        if param in ("member_id",):
            return self.members[PART].pk
        if param == "invitation_id":
            return self.invitation.pk
        if param == "suggestion_id":
            return self.suggestion.pk
        if param == "request_id":
            return self.join_request.pk
        if param == "activity_id":
            return self.activity.pk
        if param == "post_id":
            return self.post.pk
        if param == "workgroup_id":
            return self.workgroup.pk
        if param == "match_pk":
            return self.match.pk
        if param == "message_id":
            from lg_portal.models import OutboxMessage

            return OutboxMessage.objects.values_list("pk", flat=True).first() or 1
        assert param == "pk", (name, param)
        prefix_objects = [
            ("meeting_", self.meeting), ("workgroup_", self.workgroup), ("activity_", self.workgroup),
            ("lessons_round", self.round), ("lessons_evaluation", self.evaluation),
            ("lessons_learning_goal", self.learning_goal), ("lessons_reflect_activity", self.activity),
            ("lessons_reflect_meeting", self.past_meeting), ("lessons_return", self.return_entry),
            ("lessons_contribution", self.contribution), ("lessons_ask", self.ask),
            ("lessons_harvest", self.harvest), ("marketplace_", self.marketplace),
        ]
        for prefix, obj in prefix_objects:
            if name.startswith(prefix):
                return obj.pk
        raise AssertionError(f"no object for {name} {param}")


def outcome(response):
    """allowed / invalid / denied / login / method / error, from a response."""
    code = response.status_code
    if code >= 500:
        return "error"
    if code == 405:
        return "method"
    if code == 400:
        return "invalid"  # the empty POST was refused as bad input: access was granted
    if code in (403, 404, 410):
        return "denied"
    if code == 302 and "/accounts/login/" in response.get("Location", ""):
        return "login"
    return "allowed"


def request(client, method, url):
    with transaction.atomic():
        response = client.get(url) if method == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    return response


def test_access_matrix(django_capture_on_commit_callbacks):
    world = World()
    clients = {}
    for persona, email in PERSONAS.items():
        client = Client()
        if email:
            from participants.models import User

            client.force_login(User.objects.get(email=email))
        clients[persona] = client
    problems, pairs = [], 0
    for name, route in sorted(project_urls().items()):
        url = reverse(name, args=world.args(name, route))
        for method, allowed in zip(("GET", "POST"), TABLE[name], strict=True):
            if name in OWNED and method == "POST":
                obj, attr = OWNED[name].split(".")
                owner = getattr(getattr(world, obj), attr)
                allowed = frozenset(p for p, m in world.members.items() if impact_rules.may_change(m, owner_id=owner))
            for persona, client in clients.items():
                response = request(client, method, url)
                got = outcome(response)
                pairs += 1
                if got == "error":
                    problems.append(f"{method} {url} as {persona}: server error")
                    continue
                if allowed == TOKEN:
                    if got not in ("denied", "invalid"):
                        problems.append(f"{method} {url} (wrong token) as {persona}: {response.status_code}")
                    continue
                community_page = route.startswith("c/")
                if persona == OUT and community_page:
                    if response.status_code not in (404, 405):
                        problems.append(f"{method} {url} as outsider: {response.status_code}, expected 404")
                    continue
                if method == "POST" and allowed is NOBODY and TABLE[name][0] not in (NOBODY, TOKEN):
                    # A page that only shows: a POST is refused or answered like a GET, never a change.
                    if got not in ("method", "allowed", "denied", "login"):
                        problems.append(f"POST {url} (a page) as {persona}: {response.status_code}")
                    continue
                if persona in allowed:
                    ok = ("allowed", "invalid") if method == "POST" else ("allowed",)
                    if got not in ok and not (name in GROUP_SCOPED and got == "denied"):
                        problems.append(f"{method} {url} as {persona}: {response.status_code}, expected allowed")
                elif got in ("allowed", "invalid") and name not in GROUP_SCOPED:
                    problems.append(f"{method} {url} as {persona}: {response.status_code}, expected denied")
                elif got in ("allowed", "invalid") and name in GROUP_SCOPED and persona not in MEMBERS:
                    problems.append(f"{method} {url} as {persona}: {response.status_code}, expected denied")
                elif persona == ANON and got not in ("login", "method", "denied"):
                    problems.append(f"{method} {url} as anonymous: {response.status_code}")
    print(f"access matrix: {len(TABLE)} URLs, {pairs} URL x persona x method pairs")
    assert not problems, "\n".join(problems)


def test_the_table_follows_the_apps_rules():
    world = World()
    for name, rule in RULES.items():
        row = next(r for r in TABLE[name] if r not in (NOBODY, TOKEN))
        allowed = {persona for persona, membership in world.members.items() if rule(membership)}
        assert allowed == row, f"{name}: the rule allows {sorted(allowed)}, the table {sorted(row)}"
