"""Meetings: the place is "at the host's home" only by choice (at_host_home), and the agenda moments
follow the community's current settings (the per-meeting copies of agenda_deadline_days and
agenda_send_days go).

Data: a meeting whose address is its host's home address was, as far as anyone can tell, at the host's
home: it is marked so, and keeps its address. The dropped copies need no moving: they were copies of
MeetingSettings taken at creation, which stays the one source."""

from django.db import migrations, models


def mark_home_addresses(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    at_home = [pk for pk, address, home in Meeting.objects.filter(host__isnull=False).exclude(address="")
               .values_list("pk", "address", "host__user__address") if home and address == home]
    Meeting.objects.filter(pk__in=at_home).update(at_host_home=True)


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0001_initial"),
        ("participants", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="at_host_home",
            field=models.BooleanField(
                db_default=False, default=False,
                help_text="Alleen dan komt het huisadres van de gastheer of gastvrouw bij de bijeenkomst en in de "
                          "agenda's.",
                verbose_name="bij de gastheer of gastvrouw thuis"),
        ),
        migrations.RunPython(mark_home_addresses, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(model_name="meeting", name="agenda_deadline_days"),
        migrations.RemoveField(model_name="meeting", name="agenda_send_days"),
    ]
