"""Moving the engagement and impact models to their own apps moves no row: a database at the schema
before the move, with data in every moved table, migrates forward and the new apps read every row
back, through the same primary keys, with permissions and admin history kept on the same content
types."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# The schema as it was before the move (what every database of the previous release has).
BEFORE = [("participants", "0003_community_stopped_at"), ("lessons", "0005_returns_costs_harvest"),
          ("marketplace", "0001_initial"), ("engagement", None), ("impact", None)]


def _migrate(targets):
    """Migrate to these targets; the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_a_database_with_data_migrates_forward_and_keeps_every_row():
    old = _migrate(BEFORE)
    now = timezone.now()
    User, Community, Membership = (old.get_model("participants", n) for n in ("User", "Community", "Membership"))
    Workgroup, Post = old.get_model("workgroups", "Workgroup"), old.get_model("workgroups", "Post")
    ContentType, Permission = old.get_model("contenttypes", "ContentType"), old.get_model("auth", "Permission")
    community = Community.objects.create(name="Oud", slug="oud", question="?", starts_on=date(2026, 1, 1),
                                         ends_on=date(2027, 6, 1), initiator_kind="residents")
    people = [Membership.objects.create(community=community, user=User.objects.create(
        email=f"p{i}@example.org", name=f"P {i}", feed_token=f"t{i}")) for i in range(3)]
    workgroup = Workgroup.objects.create(community=community, name="Groep")
    post = Post.objects.create(community=community, workgroup=workgroup, author=people[0], kind="question",
                               title="Wie weet?", body="...")
    P = "participants"
    rows = {
        "driftsettings": old.get_model(P, "DriftSettings").objects.create(community=community, missed_plenaries=3),
        "nudge": old.get_model(P, "Nudge").objects.create(membership=people[1], period=1, signed_by=people[0],
                                                          signals=[{"code": "silent"}], sent_at=now),
        "contact": old.get_model(P, "Contact").objects.create(membership=people[1], by=people[0], note="gebeld"),
        "unansweredalert": old.get_model(P, "UnansweredAlert").objects.create(post=post),
    }
    L = "lessons"
    entry = old.get_model(L, "ReturnEntry").objects.create(community=community, kind="relationship", title="Lijn",
                                                           happened_on=date(2026, 3, 1), value_eur="12.50")
    ask = old.get_model(L, "AskRequest").objects.create(community=community, asked_by=people[2], title="Scherm")
    rows |= {
        "returnentry": entry,
        "returnperson": old.get_model(L, "ReturnPerson").objects.create(entry=entry, membership=people[1]),
        "returnexpectation": old.get_model(L, "ReturnExpectation").objects.create(membership=people[0],
                                                                                 kinds=["learning"]),
        "contribution": old.get_model(L, "Contribution").objects.create(
            community=community, source="host_meal", category="catering", description="Soep", in_kind=True,
            contributed_on=date(2026, 3, 2)),
        "askrequest": ask,
        "askanswer": old.get_model(L, "AskAnswer").objects.create(request=ask, membership=people[1], body="Ik"),
        "harvest": old.get_model(L, "Harvest").objects.create(
            community=community, decision="continue", period_starts_on=date(2026, 1, 1),
            period_ends_on=date(2026, 12, 31), new_ends_on=date(2027, 6, 1), snapshot={"version": 1}),
    }
    moved = {"engagement": ["driftsettings", "nudge", "contact", "unansweredalert"],
             "impact": ["returnentry", "returnperson", "returnexpectation", "contribution", "askrequest",
                        "askanswer", "harvest"]}
    old_label = {"engagement": "participants", "impact": "lessons"}
    permissions = {}
    for app, models in moved.items():
        for model in models:
            content_type, _ = ContentType.objects.get_or_create(app_label=old_label[app], model=model)
            permissions[model] = Permission.objects.get_or_create(
                content_type=content_type, codename=f"view_{model}", defaults={"name": f"Can view {model}"})[0].pk

    new = _migrate(_latest())

    for app, models in moved.items():
        for model in models:
            found = new.get_model(app, model).objects.get(pk=rows[model].pk)
            assert found.pk == rows[model].pk
            permission = new.get_model("auth", "Permission").objects.get(pk=permissions[model])
            assert (permission.content_type.app_label, permission.content_type.model) == (app, model)
    Nudge = new.get_model("engagement", "Nudge")
    assert Nudge.objects.get().signals == [{"code": "silent"}] and Nudge.objects.get().membership_id == people[1].pk
    assert new.get_model("engagement", "DriftSettings").objects.get().missed_plenaries == 3
    ReturnEntry = new.get_model("impact", "ReturnEntry")
    assert [m.pk for m in ReturnEntry.objects.get().people.all()] == [people[1].pk]
    assert str(ReturnEntry.objects.get().value_eur) == "12.50"
    assert new.get_model("impact", "AskRequest").objects.get().answers.get().body == "Ik"
    assert new.get_model("impact", "Harvest").objects.get().snapshot == {"version": 1}
    assert not ContentType.objects.filter(app_label=P, model__in=moved["engagement"]).exists()


@pytest.mark.django_db(transaction=True)
def test_the_move_can_be_undone_without_losing_a_row():
    new = _migrate(_latest())
    user = new.get_model("participants", "User").objects.create(email="terug@example.org", name="Terug",
                                                               feed_token="terug")
    community = new.get_model("participants", "Community").objects.create(
        name="Terug", slug="terug", question="?", starts_on=date(2026, 1, 1), ends_on=date(2027, 1, 1),
        initiator_kind="residents")
    membership = new.get_model("participants", "Membership").objects.create(community=community, user=user)
    new.get_model("engagement", "Nudge").objects.create(membership=membership, period=1,
                                                        sent_at=timezone.now() - timedelta(days=1))
    old = _migrate(BEFORE)
    assert old.get_model("participants", "Nudge").objects.get().membership_id == membership.pk
    _migrate(_latest())


@pytest.mark.django_db(transaction=True)
def test_follow_ups_the_old_job_gave_up_on_are_not_sent_after_the_migration():
    old = _migrate(BEFORE)
    Community = old.get_model("participants", "Community")
    community = Community.objects.create(name="Beurs", slug="beurs", question="?", starts_on=date(2026, 1, 1),
                                         ends_on=date(2027, 1, 1), initiator_kind="residents")
    workgroup = old.get_model("workgroups", "Workgroup").objects.create(community=community, name="Beurs")
    market = old.get_model("marketplace", "Marketplace").objects.create(
        community=community, workgroup=workgroup, title="Beurs", held_on=date(2026, 3, 1),
        entry_deadline=timezone.now(), public_token="t")
    Entry = old.get_model("marketplace", "Entry")
    need, offer = (Entry.objects.create(marketplace=market, side=side, organisation=side, contact_name="x",
                                        email=f"{side}@example.org", org_kind="company", category="other",
                                        description=side, fingerprint=side) for side in ("need", "offer"))
    match = old.get_model("marketplace", "Match").objects.create(marketplace=market, need=need, offer=offer,
                                                                 what="x", value_eur=0, due_on=date(2026, 4, 1))
    FollowUp = old.get_model("marketplace", "FollowUp")
    tried = timezone.now() - timedelta(days=90)
    gave_up = FollowUp.objects.create(match=match, party="need", attempts=5, claimed_at=tried)
    still_due = FollowUp.objects.create(match=match, party="offer", attempts=1, claimed_at=tried)
    new = _migrate(_latest())
    FollowUp = new.get_model("marketplace", "FollowUp")
    assert FollowUp.objects.get(pk=gave_up.pk).sent_at == tried
    assert FollowUp.objects.get(pk=still_due.pk).sent_at is None

