"""The scan can be asked for some signals only (the benchmark compares one rule with its reference)."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from engagement import drift

pytestmark = pytest.mark.django_db


def test_asking_for_one_signal_gives_the_same_people_for_that_signal():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    now = timezone.now()
    everything = drift.drifting(now=now)
    missed_only = drift.drifting(now=now, codes=(drift.MISSED,))
    expected = {row.membership_id for row in everything if any(s.code == drift.MISSED for s in row.signals)}
    assert expected  # the demo has people who missed the last two plenaries
    assert {row.membership_id for row in missed_only} == expected
    assert all(s.code == drift.MISSED for row in missed_only for s in row.signals)
