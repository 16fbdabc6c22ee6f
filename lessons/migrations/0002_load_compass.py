"""Load the lessons compass from lessons.compass_data, so every new database has it.

The loader is shared with lessons.compass (compass_load) and works on the historical models, so the
migration keeps working when the live models change. Running it again updates rows in place by key."""

from django.db import migrations


def load(apps, schema_editor):
    from lessons.compass import compass_load

    compass_load(
        Chapter=apps.get_model("lessons", "Chapter"),
        Item=apps.get_model("lessons", "Item"),
        Lesson=apps.get_model("lessons", "Lesson"),
        InitiatorGuide=apps.get_model("lessons", "InitiatorGuide"),
        BonusTip=apps.get_model("lessons", "BonusTip"),
    )


def unload(apps, schema_editor):
    apps.get_model("lessons", "InitiatorGuide").objects.all().delete()
    apps.get_model("lessons", "Chapter").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("lessons", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
