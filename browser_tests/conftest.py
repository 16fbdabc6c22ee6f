"""Browser tests: Playwright driving Debian's Chromium (no browser download at run time)."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test are
# still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PASSWORD = "browser-wachtwoord-42"  # noqa: S105 - the test accounts' password


def member(community=None, **kwargs):
    """A member who can log in through the browser with PASSWORD."""
    from participants.tests.factories import MembershipFactory

    m = MembershipFactory(**({"community": community} if community else {}), **kwargs)
    m.user.set_password(PASSWORD)
    m.user.save()
    return m


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


class Console:
    def __init__(self):
        self.errors = []

    def __call__(self, message):
        if message.type == "error" or "Content-Security-Policy" in message.text:
            self.errors.append(message.text)


def _context(browser, *, javascript=True, locale="nl-NL"):
    context = browser.new_context(java_script_enabled=javascript, locale=locale)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture(params=["js", "nojs"])
def page_factory(request, browser):
    """Yields a function that opens a new page (with or without JavaScript); console errors and CSP
    violations are collected and must be empty at the end of the test."""
    contexts, consoles = [], []

    def make(*, locale="nl-NL"):
        context = _context(browser, javascript=request.param == "js", locale=locale)
        contexts.append(context)
        page = context.new_page()
        console = Console()
        page.on("console", console)
        consoles.append(console)
        page.javascript = request.param == "js"
        return page

    yield make
    for context in contexts:
        context.close()
    errors = [e for c in consoles for e in c.errors]
    assert not errors, errors


def login(page, live_server, email, password):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]:not(.link)")
    page.wait_for_load_state()


AXE_PAGES = []


def check_accessibility(page):
    """axe-core on the current page: no serious or critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    if not page.javascript:
        return
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    AXE_PAGES.append((page.url, len(bad)))
    assert not bad, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in bad]
