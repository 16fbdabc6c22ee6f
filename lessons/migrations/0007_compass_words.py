"""The compass's English in the portal's words ("petty cash", not "pocket money"): load the compass data
again, which updates its rows in place by key (lessons.compass.compass_load)."""

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


class Migration(migrations.Migration):
    dependencies = [("lessons", "0006_impact_took_over")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
