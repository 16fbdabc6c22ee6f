"""A match is a result of the marketplace, not an activity: its activity link goes (0004 moved what
hung on those activities to the marketplace's one activity)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("marketplace", "0004_matches_are_results_not_activities"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="match",
            name="activity",
        ),
    ]
