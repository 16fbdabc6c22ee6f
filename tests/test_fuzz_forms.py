"""Bad input at volume: hypothesis feeds at least 1,000 generated inputs to each main form. Whatever
comes in (empty, huge, unicode, control characters, NUL bytes, markup, impossible dates), the portal
never fails: it saves, or it rejects with a message for every problem.

Every input goes through the form and the service the view calls (a few milliseconds); the first ones
and every VIEW_EVERY-th also through the real view with the test client (about 30 ms each, mostly
rendering the page), which must answer a redirect, or the form again with each message visible next
to its field. An accepted input must never carry a NUL byte towards the database (PostgreSQL refuses
it: that would be a server error there, even when SQLite takes it).

Each test runs its own @given function (not the test itself), so the logged-in clients and the
community are made once and the inputs can be counted. In CI (CI=true) the inputs are derandomised,
so a run is reproducible; on a developer's machine each run tries new ones."""

import os
import re
from collections import Counter
from datetime import date, timedelta
from functools import cache as memoize
from html import unescape

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lessons import services as lesson_services
from lessons.forms import ReflectionForm
from lessons.tests.factories import ActivityFactory
from lg_portal.common.forms import apply_errors
from marketplace import services as marketplace_services
from marketplace.forms import EntryForm
from marketplace.models import Category, OrgKind, Side
from marketplace.tests.factories import MarketplaceFactory
from meetings import services as meeting_services
from meetings.forms import MeetingForm
from participants import services as participant_services
from participants.forms import InvitationForm
from workgroups import services as workgroup_services
from workgroups.forms import PostForm, ProposeWorkgroupForm
from workgroups.models import PostKind, PostTopic, Workgroup
from workgroups.tests.factories import WorkgroupFactory, WorkgroupMemberFactory

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 1000))
VIEW_EVERY = 10
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large, HealthCheck.large_base_example])
TRIED = {}  # form -> inputs posted (the figures for the closing note)

# --- strategies --------------------------------------------------------------------------------------

NASTY = st.sampled_from([
    "", " ", "   \t  ", "\x00", "a\x00b", "\x00" * 50, "\r\n\r\n", "\x01\x02\x1b[31m\x7f", "\u0085\u2028\u2029",
    "\ufeff", "\u202egnp.exe", "\u200b\u200d", "Z̷̧̛a̸l̴g̶o̵", "🧑‍🌾🌷" * 20, "ＡＢＣ０１２", "ǅǈ ß ẞ İı",
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{ 7*7 }}{% now 'Y' %}", "%s %n %x",
    "' OR 1=1 --", "Robert'); DROP TABLE participants_user;--", "../../etc/passwd", "javascript:alert(1)",
    "NaN", "-1", "1e309", "9" * 40, "0x7fffffff", "null", "None", "true", "[]", "{}",
])
# Hypothesis' text() includes control characters and NUL; `huge` makes long strings cheaply.
huge = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=4), st.integers(1_000, 40_000))


@memoize
def texty(max_size=80):
    return st.one_of(st.text(max_size=max_size), NASTY, huge, st.text(alphabet=st.characters(
        codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn"]), max_size=20))


@memoize
def plausible(max_size=80):
    """Mostly ordinary text (so valid submissions happen too), sometimes anything at all."""
    return st.one_of(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]),
                             min_size=1, max_size=max_size), texty(max_size))


def dates():
    soon = timezone.localdate()
    return st.one_of(
        st.dates(min_value=soon - timedelta(days=400), max_value=soon + timedelta(days=400)).map(date.isoformat),
        st.dates().map(date.isoformat),
        st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "31-12-2026", "1-1-1", "2026/03/29"]),
        texty(20),
    )


def meeting_dates():
    """Any date up to 2100; far-future starts are refused by the meeting form (see the test below)."""
    soon = timezone.localdate()
    return st.one_of(
        st.dates(min_value=soon - timedelta(days=400), max_value=soon + timedelta(days=400)).map(date.isoformat),
        st.dates(max_value=date(2100, 12, 31)).map(date.isoformat),
        st.sampled_from(["0001-01-01", "2026-02-30", "2026-13-01", "31-12-2026", "1-1-1", "2026/03/29"]),
        texty(20),
    )


def times():
    return st.one_of(
        st.times().map(lambda t: t.strftime("%H:%M")),
        st.sampled_from(["00:00", "23:59", "24:00", "02:30", "12:60", "-1:00", "7", "19.30", "19:30:00"]),
        texty(10),
    )


def choice(values):
    return st.one_of(st.sampled_from(list(values)), texty(12))


def checkbox():
    return st.one_of(st.sampled_from(["", "on", "true", "false", "0", "1"]), texty(5))


def drop_some(fields: dict):
    """The fields, with now and then one or two left out: a form posted without a field must not fail
    either. (Built with builds(), not flatmap(): hypothesis would re-create strategies on every draw.)"""
    return st.builds(lambda data, gone: {k: v for k, v in data.items() if k not in gone},
                     st.fixed_dictionaries(fields), st.sets(st.sampled_from(sorted(fields)), max_size=2))


def clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --- what every answer must be -----------------------------------------------------------------------

ALERT = re.compile(r'<div[^>]*role="alert"[^>]*>(.*?)</div>|<p[^>]*role="alert"[^>]*>(.*?)</p>', re.S)


def assert_answered(response, *, form="form", rejected=(200, 400), accepted=(302,)):
    assert response.status_code < 500, response.status_code
    if response.status_code in accepted:
        return "accepted"
    assert response.status_code in rejected, response.status_code
    html = response.content.decode()
    if response.status_code == 400 and form not in response.context:
        # Bigger than LG_MAX_REQUEST_BYTES (a 4-byte character times 40,000 in several fields): the
        # page says so, and nothing was saved (the view never ran).
        assert "te groot" in html
        return "rejected"
    bound = response.context[form]
    assert bound.errors, "rejected without saying why"
    shown = unescape(" ".join(a + b for a, b in ALERT.findall(html)))
    for errors in bound.errors.values():
        for error in errors:
            assert error in shown, f"error not shown to the person: {error!r}"
    return "rejected"


def assert_handled(form, save):
    """The form and the service, as the view runs them: valid input is saved (no NUL in it), anything
    else leaves the form with at least one non-empty message."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            for name, value in form.cleaned_data.items():
                assert "\x00" not in str(value), f"{name}: a NUL byte would reach the database"
            return "accepted"
    assert form.errors, "rejected without saying why"
    assert all(str(e).strip() for errors in form.errors.values() for e in errors)
    return "rejected"


def run(name, strategy, *, via_form, via_view, explicit=()):
    """Feed EXAMPLES generated inputs (plus the explicit ones) to the form; some through the view too."""
    outcomes = Counter()

    @FUZZ
    @given(data=strategy)
    def fuzz(data):
        outcomes[via_form(data)] += 1
        if outcomes.total() % VIEW_EVERY == 1 or data in explicit:
            outcomes["view " + via_view(data)] += 1

    for data in explicit:
        fuzz = example(data=data)(fuzz)
    fuzz()
    tried = outcomes["accepted"] + outcomes["rejected"]
    viewed = outcomes["view accepted"] + outcomes["view rejected"]
    TRIED[name] = (tried, viewed)
    print(f"\n{name}: {tried} inputs ({outcomes['accepted']} accepted, {outcomes['rejected']} rejected), "
          f"{viewed} of them also through the view")
    assert tried >= EXAMPLES and viewed >= EXAMPLES // VIEW_EVERY
    assert outcomes["rejected"] and outcomes["accepted"], outcomes
    return outcomes


# --- the forms ---------------------------------------------------------------------------------------

def test_meeting_form_never_fails_on_bad_input(facilitator_client, community, facilitator, participant):
    participant.willing_to_host = True
    participant.save()
    url = reverse("meeting_new", args=[community.slug])
    soon = timezone.localdate()
    anything = drop_some({
        "kind": st.sampled_from(["plenary", "work_visit"]),
        "title": plausible(), "date": meeting_dates(), "start_time": times(), "end_time": times(),
        "host": st.one_of(st.just(str(participant.pk)), st.just(""), texty(8)),
        "venue": plausible(), "address": plausible(), "meal_note": plausible(), "description": plausible(300),
    })
    span = st.tuples(st.integers(0, 1439), st.integers(0, 1439)).filter(lambda p: p[0] != p[1]).map(sorted)
    wellformed = st.builds(
        lambda data, span: {**data, "start_time": clock(span[0]), "end_time": clock(span[1])},
        st.fixed_dictionaries({
            "kind": st.sampled_from(["plenary", "work_visit"]), "title": plausible(60),
            "date": st.dates(min_value=soon + timedelta(days=1), max_value=soon + timedelta(days=800)).map(str),
            "host": st.sampled_from([str(participant.pk), ""]), "venue": plausible(40), "address": plausible(40),
            "meal_note": plausible(40), "description": plausible(200)}),
        span)
    strategy = st.one_of(anything, wellformed)

    def via_form(data):
        kind = data.get("kind") or "plenary"
        form = MeetingForm(data, community=community, kind=kind, workgroups=Workgroup.objects.none())
        return assert_handled(form, lambda _data: meeting_services.meeting_schedule(
            community=community, by=facilitator, kind=kind, **form.service_kwargs()))

    explicit = [{"kind": "plenary", "title": "Plenair", "date": "0001-01-01", "start_time": "00:00",
                 "end_time": "00:30", "host": ""},
                {"kind": "work_visit", "title": "a\x00b", "date": "2030-10-01", "start_time": "19:00",
                 "end_time": "21:00"}]
    run("meeting", strategy, via_form=via_form,
        via_view=lambda data: assert_answered(facilitator_client.post(url, data)), explicit=explicit)


def test_a_meeting_far_in_the_future_is_refused_not_a_crash(facilitator_client, community):
    url = reverse("meeting_new", args=[community.slug])
    data = {"kind": "work_visit", "title": "Ver weg", "date": "9999-12-31", "start_time": "22:00",
            "end_time": "23:00"}
    first = facilitator_client.post(url, data)
    assert first.status_code == 200  # refused with a message
    assert facilitator_client.get(url + "?kind=plenary").status_code == 200


def test_invitation_form_never_fails_on_bad_input(facilitator_client, community, facilitator):
    url = reverse("invitations", args=[community.slug])
    emails = st.one_of(st.emails().map(str), texty(40), st.builds(lambda a, b: f"{a}@{b}.nl", plausible(20),
                                                                    plausible(10)))
    strategy = st.fixed_dictionaries({
        "email": emails, "name": plausible(), "message": plausible(400), "as_facilitator": checkbox(),
    })

    def via_form(data):
        form = InvitationForm(data, community=community)
        return assert_handled(form, lambda cleaned: participant_services.invitation_create(
            community=community, by=facilitator.user, **cleaned))

    explicit = [{"email": "nul\x00@example.org", "name": "x", "message": "Hoi"},
                {"email": "ok@example.org", "name": "a\x00b", "message": "c\x00d"}]
    run("invitation", strategy, via_form=via_form,
        via_view=lambda data: assert_answered(facilitator_client.post(url, data)), explicit=explicit)


def test_workgroup_form_never_fails_on_bad_input(facilitator_client, community, facilitator):
    url = reverse("workgroup_propose", args=[community.slug])
    strategy = drop_some({
        "name": plausible(), "theme": plausible(400), "closed": checkbox(), "is_core_group": checkbox(),
    })

    def via_form(data):
        form = ProposeWorkgroupForm(data, allow_core_group=False)
        return assert_handled(form, lambda cleaned: workgroup_services.workgroup_propose(
            community=community, by=facilitator, **cleaned))

    run("workgroup", strategy, via_form=via_form,
        via_view=lambda data: assert_answered(facilitator_client.post(url, data)),
        explicit=[{"name": "\x00", "theme": "\x00"}, {"name": "x" * 100_000, "theme": "y"}])


def test_post_form_never_fails_on_bad_input(participant_client, community, participant):
    workgroup = WorkgroupFactory(community=community, name="Stages")
    WorkgroupMemberFactory(workgroup=workgroup, membership=participant)
    other = WorkgroupFactory(community=community, name="Besloten", closed=True)  # not the poster's group
    url = reverse("post_create", args=[community.slug])
    anything = drop_some({
        "kind": choice(PostKind.values), "topic": choice(["", *PostTopic.values]),
        "workgroup": st.one_of(st.sampled_from(["", str(workgroup.pk), str(other.pk), "0", "-1", "9" * 30]),
                               texty(6)),
        "title": plausible(), "body": plausible(600),
    })
    wellformed = st.fixed_dictionaries({
        "kind": st.sampled_from(PostKind.values), "topic": st.sampled_from(PostTopic.values),
        "workgroup": st.sampled_from(["", str(workgroup.pk)]), "title": plausible(60), "body": plausible(200),
    })
    strategy = st.one_of(anything, wellformed)

    def via_form(data):
        form = PostForm(data, workgroups=[workgroup])
        return assert_handled(form, lambda cleaned: workgroup_services.post_create(
            community=community, by=participant, **cleaned))

    run("post", strategy, via_form=via_form,
        via_view=lambda data: assert_answered(participant_client.post(url, data)),
        explicit=[{"kind": "question", "title": "t", "body": "b\x00", "workgroup": str(other.pk)}])


def reflection_url(community, activity):
    try:
        return reverse("lessons_reflect_activity_submit", args=[community.slug, activity.pk])
    except NoReverseMatch:
        return reverse("lessons_reflect_activity", args=[community.slug, activity.pk])


def test_reflection_form_never_fails_on_bad_input(participant_client, community, participant):
    activity = ActivityFactory(workgroup__community=community, community=community, participants=[participant],
                               happened_on=timezone.localdate() - timedelta(days=2))
    url = reflection_url(community, activity)
    strategy = st.fixed_dictionaries({
        "what_we_did": plausible(400), "learned_content": plausible(400), "learned_process": plausible(300),
        "next_time": plausible(300), "insight": plausible(300), "insight_shared": checkbox(),
    })

    def via_form(data):
        form = ReflectionForm(data)
        return assert_handled(form, lambda cleaned: lesson_services.reflection_submit(
            membership=participant, activity=activity, fields=cleaned))

    run("reflection", strategy, via_form=via_form,
        via_view=lambda data: assert_answered(participant_client.post(url, data)),
        explicit=[{"what_we_did": "\x00", "insight": "\x00"}])


def test_public_marketplace_entry_form_never_fails_on_bad_input(client, community, settings):
    settings.LG_MARKETPLACE_ENTRIES_PER_HOUR = 1_000_000
    cache.clear()
    marketplace = MarketplaceFactory(community=community, workgroup__community=community)
    url = reverse("marketplace_entry", args=[marketplace.public_token])
    entries = drop_some({
        "side": choice(Side.values), "organisation": plausible(), "contact_name": plausible(),
        "email": st.one_of(st.emails().map(str), texty(40)), "phone": plausible(20),
        "org_kind": choice(["", *OrgKind.values]), "category": choice(["", *Category.values]),
        "description": plausible(600), "in_return": plausible(200),
    })
    # Now and then a well-formed entry, so that saving (and refusing a duplicate) is exercised too.
    wellformed = st.fixed_dictionaries({
        "side": st.sampled_from(Side.values), "organisation": plausible(40), "contact_name": plausible(40),
        "email": st.emails().map(str), "phone": st.just(""), "org_kind": st.sampled_from(OrgKind.values),
        "category": st.sampled_from(Category.values), "description": plausible(200), "in_return": plausible(40),
    })
    strategy = st.builds(lambda data, honeypot: {**data, "website": honeypot},  # filled in: a bot
                         st.one_of(entries, wellformed), st.sampled_from(["", "", "", "http://spam"]))

    def via_form(data):
        form = EntryForm(data, marketplace=marketplace)
        if form.is_bot():
            return "rejected"  # the view refuses it with a message (checked through the view below)
        return assert_handled(form, lambda cleaned: marketplace_services.entry_submit(
            marketplace=marketplace, language="nl", **{k: v for k, v in cleaned.items() if k != "website"}))

    def via_view(data):
        ip = f"10.0.{len(data.get('email', '')) % 250}.1"
        return assert_answered(client.post(url, data, REMOTE_ADDR=ip), rejected=(200, 400))

    run("marketplace entry", strategy, via_form=via_form, via_view=via_view,
        explicit=[{"side": "need", "organisation": "\x00", "contact_name": "x", "email": "a@b.nl", "org_kind": "",
                   "category": "", "description": "d", "website": ""}])
