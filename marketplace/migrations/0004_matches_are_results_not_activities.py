"""Matches are results, not activities: each marketplace gets its one activity (on its day, of its
workgroup), the per-match activities go, and delivered matches get the day they were delivered.

A per-match activity with reflections or return entries hands them to the marketplace's activity
first; a reflection is moved only when its author has none there yet (one per person and activity), so
an activity that still holds one after that is kept rather than lose what someone wrote."""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone


def forward(apps, schema_editor):
    Marketplace = apps.get_model("marketplace", "Marketplace")
    Match = apps.get_model("marketplace", "Match")
    FollowUp = apps.get_model("marketplace", "FollowUp")
    Activity = apps.get_model("workgroups", "Activity")
    Reflection = apps.get_model("lessons", "Reflection")
    ReturnEntry = apps.get_model("impact", "ReturnEntry")

    for marketplace in Marketplace.objects.filter(activity__isnull=True):
        activity = Activity.objects.create(
            workgroup_id=marketplace.workgroup_id, community_id=marketplace.community_id, kind="meeting",
            title=marketplace.title[:200], happened_on=marketplace.held_on, created_by_id=marketplace.created_by_id,
            created_at=marketplace.created_at)
        Marketplace.objects.filter(pk=marketplace.pk).update(activity=activity)

    targets = dict(Marketplace.objects.values_list("pk", "activity_id"))
    for match in Match.objects.filter(activity__isnull=False).only("pk", "marketplace_id", "activity_id"):
        old, target = match.activity_id, targets[match.marketplace_id]
        if old == target:
            continue
        ReturnEntry.objects.filter(activity_id=old).update(activity_id=target)
        taken = Reflection.objects.filter(activity_id=target).values_list("membership_id", flat=True)
        Reflection.objects.filter(activity_id=old).exclude(membership_id__in=list(taken)).update(activity_id=target)
        Match.objects.filter(pk=match.pk).update(activity=None)
        if not Reflection.objects.filter(activity_id=old).exists():
            Activity.objects.filter(pk=old).delete()

    today = timezone.localdate()
    for match in Match.objects.filter(status="delivered", delivered_on__isnull=True).select_related("marketplace"):
        answered = (FollowUp.objects.filter(match_id=match.pk, answer="delivered", answered_at__isnull=False)
                    .order_by("-answered_at").values_list("answered_at", flat=True).first())
        if answered is not None:
            day = timezone.localdate(answered)
        else:
            m = match.marketplace
            day = match.due_on or (m.held_on + timedelta(weeks=m.follow_up_weeks))
        Match.objects.filter(pk=match.pk).update(delivered_on=min(day, today))


class Migration(migrations.Migration):

    dependencies = [
        ("marketplace", "0003_marketplace_activity_delivered_on"),
        ("workgroups", "0002_post_reply_post_answer_joinrequest_and_more"),
        ("lessons", "0006_impact_took_over"),
        ("impact", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
