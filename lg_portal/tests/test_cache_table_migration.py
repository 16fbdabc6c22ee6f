"""`migrate` makes the rate-limit table (not only the test runner's createcachetable), and back."""

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True)
def test_migrate_makes_the_rate_limit_table_and_unmigrating_drops_it():
    table = settings.CACHES["limits"]["LOCATION"]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("lg_portal")
    try:
        executor.migrate([("lg_portal", "0001_outbox")])
        assert table not in connection.introspection.table_names()
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
        assert table in connection.introspection.table_names()
    finally:
        MigrationExecutor(connection).migrate(latest)
