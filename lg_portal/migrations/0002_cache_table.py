"""The database table that holds the rate-limit counters (CACHES['limits'], lg_portal.common.cache):
`migrate` makes it, so no deployment runs without it."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    from django.conf import settings

    table = settings.CACHES["limits"]["LOCATION"]
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(table)}")


class Migration(migrations.Migration):
    dependencies = [("lg_portal", "0001_outbox")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table, elidable=False)]
