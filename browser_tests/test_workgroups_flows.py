"""The main workgroup flows in a real browser, with and without JavaScript: join and leave from the list
and from the page, ask to join a closed group, reply to a question. No console or CSP errors; axe clean."""

import pytest

from browser_tests.conftest import PASSWORD, check_accessibility, login
from participants.tests.factories import MembershipFactory
from workgroups.models import Reply, WorkgroupMember
from workgroups.tests.factories import ActivityFactory, PostFactory, WorkgroupFactory, member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]



@pytest.fixture
def setup(db):
    me = MembershipFactory(community__slug="lg-wg", community__name="LG Werkgroepen", user__name="Bea Browser",
                           sector="resident", group_roles=["thinker"])
    me.user.set_password(PASSWORD)
    me.user.save()
    community = me.community
    open_wg = WorkgroupFactory(community=community, name="Stages")
    member_of(open_wg, user__name="Dirk Doener", group_roles=["doer"], sector="entrepreneur")
    member_of(open_wg, user__name="Dora Doener", group_roles=["doer"], sector="entrepreneur")
    ActivityFactory(workgroup=open_wg, title="Werkbezoek bakkerij")
    closed = WorkgroupFactory(community=community, name="Vertrouwelijk", closed=True)
    member_of(closed, user__name="Ina Insider")
    post = PostFactory(community=community, title="Wie heeft een zaal?")
    return me, open_wg, closed, post


def test_join_and_leave_from_the_list_and_the_page(page_factory, live_server, setup):
    me, open_wg, closed, _post = setup
    page = page_factory()
    login(page, live_server, me.user.email, PASSWORD)
    page.goto(f"{live_server.url}/c/lg-wg/workgroups/")
    check_accessibility(page)
    page.click(f"#wg-{open_wg.pk} button:has-text('Meedoen')")
    page.wait_for_selector("text=Je doet nu mee met Stages.")
    assert WorkgroupMember.objects.filter(workgroup=open_wg, membership=me).exists()
    page.click(f"#wg-{open_wg.pk} button:has-text('Verlaten')")
    page.wait_for_selector("text=Je hebt Stages verlaten.")
    assert not WorkgroupMember.objects.filter(workgroup=open_wg, membership=me).exists()

    page.goto(f"{live_server.url}/c/lg-wg/workgroups/{open_wg.pk}/")
    assert page.locator("text=Heterogene werkgroepen").count() == 2  # one role, one sector
    check_accessibility(page)
    page.click("#workgroup-main header button:has-text('Meedoen')")
    page.wait_for_selector("text=Je doet nu mee met Stages.")
    assert page.locator("#members-title + ul >> text=Bea Browser").count() == 1
    assert page.locator("text=Heterogene werkgroepen").count() == 0

    page.goto(f"{live_server.url}/c/lg-wg/workgroups/{closed.pk}/")
    assert page.locator("text=Ina Insider").count() == 0
    check_accessibility(page)
    page.fill("textarea[name=message]", "Ik wil graag helpen.")
    page.click("button:has-text('Vraag om mee te doen')")
    page.wait_for_selector("text=Je vraag is naar de leden van Vertrouwelijk gestuurd.")


def test_reply_to_a_question(page_factory, live_server, setup):
    me, _open, _closed, post = setup
    page = page_factory()
    login(page, live_server, me.user.email, PASSWORD)
    page.goto(f"{live_server.url}/c/lg-wg/posts/")
    check_accessibility(page)
    page.click("text=Wie heeft een zaal?")
    check_accessibility(page)
    page.fill("textarea[name=body]", "Bij ons in de kantine.")
    page.click("button:has-text('Reageren')")
    page.wait_for_selector("text=Je reactie is geplaatst.")
    assert Reply.objects.get().body == "Bij ons in de kantine."
    page.goto(f"{live_server.url}/c/lg-wg/overview/")
    check_accessibility(page)
