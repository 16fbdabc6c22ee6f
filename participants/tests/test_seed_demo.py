import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=False)


def counts():
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label in
            {"participants", "meetings", "workgroups", "lessons", "marketplace", "account"}}


def test_seed_demo_twice_gives_the_same_data(capsys):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    out = capsys.readouterr().out
    for login in ("facilitator@demo.example", "coordinator@demo.example", "participant@demo.example",
                  "outsider@demo.example"):
        assert login in out


def test_demo_has_the_guides_shape():
    from participants.models import Community, Membership

    call_command("seed_demo")
    demo = Community.objects.get(slug="hellendoorn-demo")
    members = Membership.objects.filter(community=demo)
    assert 20 <= members.count() <= 25
    assert members.filter(is_core_group=True).count() == 8
    assert members.filter(is_facilitator=True).count() >= 1
    assert members.filter(is_moderator=True).exists() and members.filter(is_coordinator=True).exists()
    assert len(set(members.values_list("sector", flat=True))) >= 6
    outsider = Membership.objects.get(user__email="outsider@demo.example")
    assert outsider.community.slug != demo.slug
    assert not Membership.objects.filter(user__email="outsider@demo.example", community=demo).exists()
