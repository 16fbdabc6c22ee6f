"""On a phone (issue 18): the demo crawled at 390 and 360 px as a participant and as a facilitator. No
page the crawl reaches is wider than the screen, the header takes under a fifth of the first screen,
the participant's next meeting can be answered in the first screen of the community home, and the
menu opens and closes without JavaScript."""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "hellendoorn-demo"
DEMO_PASSWORD = "lerende-gemeenschap"  # noqa: S105 - the demo's published password (README)
HEIGHT = 844
# Downloads and actions: not pages to look at.
NOT_PAGES = re.compile(r"/accounts/logout|\.ics$|\.csv$|\.xlsx$|/export|/feed/|/download|/admin/|/dev/mailbox/.")


def _shape(path: str) -> str:
    """One page per kind: /c/x/meetings/12/ and /c/x/meetings/13/ are the same page."""
    return re.sub(r"/\d+(?=/)", "/N", re.sub(r"/[0-9a-zA-Z_:-]{20,}(?=/)", "/T", path))


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def _phone(browser, width, *, javascript=True):
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, locale="nl-NL",
                                  java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    return context, context.new_page()


def _log_in(page, live_server, email):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form button[type=submit]:not(.link)")
    page.wait_for_load_state()


def _crawl(page, live_server, *, limit=160):
    """Every page reachable by links from the community home, one per kind: (width, path)."""
    host = urlsplit(live_server.url).netloc
    queue, seen, widths = [f"/c/{SLUG}/", "/", "/settings/"], set(), []
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if _shape(path) in seen:
            continue
        seen.add(_shape(path))
        response = page.goto(live_server.url + path)
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        widths.append((page.evaluate("document.documentElement.scrollWidth"), path))
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            url = urlsplit(href)
            if url.netloc == host and not NOT_PAGES.search(url.path) and _shape(url.path) not in seen:
                queue.append(url.path)
    return widths


@pytest.mark.parametrize("email", ["participant@demo.example", "facilitator@demo.example"])
@pytest.mark.parametrize("width", [390, 360])
def test_no_page_is_wider_than_the_phone(browser, live_server, demo, email, width):
    context, page = _phone(browser, width)
    try:
        _log_in(page, live_server, email)
        widths = _crawl(page, live_server)
    finally:
        context.close()
    assert len(widths) > 40, f"the crawl reached only {len(widths)} pages"
    too_wide = sorted((w, path) for w, path in widths if w > width)
    assert not too_wide, f"pages wider than {width} px: {too_wide}"


def test_the_header_is_small_and_the_next_meeting_is_answered_in_the_first_screen(browser, live_server, demo):
    context, page = _phone(browser, 390)
    try:
        _log_in(page, live_server, "participant@demo.example")
        page.goto(f"{live_server.url}/c/{SLUG}/")
        header = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
        assert header < HEIGHT * 0.2, f"the header is {header:.0f} px of {HEIGHT}"
        yes = page.locator(".next-steps .rsvp-buttons button[value=yes]")
        box = yes.bounding_box()
        assert box is not None and box["y"] + box["height"] <= HEIGHT, "the RSVP is below the first screen"
        yes.click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path == f"/c/{SLUG}/", "answering from the home comes back to the home"
        assert page.locator(".next-steps .rsvp-buttons button[value=yes]").get_attribute("aria-pressed") == "true"
    finally:
        context.close()


def test_the_menu_opens_without_javascript(browser, live_server, demo):
    context, page = _phone(browser, 390, javascript=False)
    try:
        _log_in(page, live_server, "participant@demo.example")
        page.goto(f"{live_server.url}/c/{SLUG}/")
        meetings = page.locator(f".menu nav a[href='/c/{SLUG}/meetings/']")
        assert not meetings.is_visible() and not page.locator(".wide-nav").is_visible()
        page.click(".menu > summary")
        assert meetings.is_visible()
        meetings.click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path == f"/c/{SLUG}/meetings/"
    finally:
        context.close()


def test_on_a_wide_screen_the_sections_are_in_the_bar(browser, live_server, demo):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        _log_in(page, live_server, "participant@demo.example")
        page.goto(f"{live_server.url}/c/{SLUG}/")
        assert page.locator(f".wide-nav a[href='/c/{SLUG}/meetings/']").is_visible()
        assert not page.locator(".menu").is_visible()
    finally:
        context.close()


def test_chart_labels_stay_legible_on_a_phone(browser, live_server, demo):
    """A chart scrolls sideways in its own box rather than shrinking its 12 px labels to 6 px."""
    context, page = _phone(browser, 390)
    try:
        _log_in(page, live_server, "facilitator@demo.example")
        page.goto(f"{live_server.url}/c/{SLUG}/dashboard/")
        heights = page.eval_on_selector_all(
            "svg.chart text", "texts => texts.map(t => t.getBoundingClientRect().height).filter(h => h > 0)")
        assert heights and min(heights) >= 10, f"the smallest chart label is {min(heights or [0]):.1f} px high"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
