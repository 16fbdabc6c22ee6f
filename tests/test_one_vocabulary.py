"""One vocabulary: every page of the demo, as each member persona and anonymously, in Dutch and in
English, speaks the glossary's words (`lg_portal/glossary.toml`) and only the page's language.

What a page shows is read as a person reads it: the text between the tags and the attributes a screen
reader or a browser shows (placeholder, title, aria-label, alt, a button's value), without scripts and
without what is marked as another language (the language switch names the other language in its own
words). What members typed is not the interface: the demo's content is Dutch, so on an English page
every text the database holds is taken out before looking for Dutch words; a Dutch page is read whole.

A failure lists page, persona, language and the string found. LG_VOCABULARY_REPORT=1 prints every
finding and the count instead of failing.
"""

import html
import os
import re
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models, transaction
from django.test import Client
from django.urls import reverse

from tests.test_access_matrix import ALL, MEMBERS, NOBODY, PERSONAS, TABLE, TOKEN, World, project_urls

pytestmark = pytest.mark.django_db

GLOSSARY = tomllib.loads((Path(__file__).resolve().parents[1] / "lg_portal" / "glossary.toml").read_text("utf-8"))
LANGS = ("nl", "en")
OTHER = {"nl": "en", "en": "nl"}
SHOWN = ("text/html",)
# Pages of allauth (not in the access matrix's table), with who sees them.
ACCOUNT_PAGES = {
    "account_login": "anonymous", "account_signup": "anonymous", "account_reset_password": "anonymous",
    "account_reset_password_done": "anonymous", "account_reset_password_from_key_done": "anonymous",
    "account_inactive": "anonymous", "account_email_verification_sent": "anonymous",
    "account_logout": "member", "account_change_password": "member", "account_email": "member",
}
BLOCKS = "p|div|li|ul|ol|td|th|tr|table|caption|dt|dd|dl|h[1-6]|option|label|legend|button|section|header|footer|nav|main|br|form"
BREAK = "¦"
ATTRIBUTES = re.compile(r'\s(?:placeholder|title|aria-label|alt)="([^"]*)"')
BUTTON_VALUES = re.compile(r'<input[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"')


def visible_text(page: str, lang: str) -> str:
    """The words a person sees on the page, as one line."""
    page = re.sub(r"<(script|style|template)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<!--.*?-->", " ", page, flags=re.S)
    # What is marked as the other language (the language switch) is meant to be in it.
    page = re.sub(rf'<(\w+)\b[^>]*\slang="{OTHER[lang]}"[^>]*>.*?</\1>', " ", page, flags=re.S)
    page = re.sub(r'<html[^>]*>', " ", page)
    attrs = ATTRIBUTES.findall(page) + BUTTON_VALUES.findall(page)
    # a block (cell, item, paragraph, option, ...) ends a phrase: "5 4 1" in one cell and "mensen die ..." in
    # the next are not "1 mensen"; other tags end words
    text = re.sub(rf"</?(?:{BLOCKS})\b[^>]*>", f" {BREAK} ", page)
    text = re.sub(r"<[^>]+>", " ", text)
    text = f" {BREAK} ".join([text, *attrs])
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


WORD = re.compile(r"[^\W\d_][\w'’-]*")


class Content:
    """Every text the database holds (what members typed, the compass's Dutch and English): the whole
    values, and every pair of words in them. A word of the other language on an English page
    is the members' when the words around it (within one block of the page) are in a text they wrote,
    however the page cut or truncated it."""

    def __init__(self, values):
        self.values = {v.strip().lower() for v in values}
        self.grams = set()
        for value in values:
            words = [w.lower() for w in WORD.findall(value)]
            self.grams.update(zip(words, words[1:], strict=False))

    def holds(self, block: list[str], i: int) -> bool:
        words = [w.lower() for w in block]
        if len(words) == 1:
            return words[0] in self.values
        # the word and its neighbour on either side: a member's text may start or end inside a block
        return ((i > 0 and (words[i - 1], words[i]) in self.grams)
                or (i < len(words) - 1 and (words[i], words[i + 1]) in self.grams))


def demo_content() -> Content:
    values = set()
    for model in apps.get_models():
        fields = [f.name for f in model._meta.get_fields()
                  if isinstance(f, (models.CharField, models.TextField)) and not f.choices]
        if not fields:
            continue
        for row in model.objects.values_list(*fields):
            for value in row:
                if not value or not isinstance(value, str):
                    continue
                values.add(value)
    return Content(values)


def word(w: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])")


FORBIDDEN = {lang: [(re.compile(rule["pattern"]) if "pattern" in rule else word(rule["text"]), rule)
                    for rule in GLOSSARY["forbidden"][lang]] for lang in LANGS}
# a word of language X found on a page of the other language
# looked up word by word, in lower case
OTHER_WORDS = {lang: {w.lower() for w in GLOSSARY["other"][lang]} for lang in LANGS}


def applies(rule: dict, name: str) -> bool:
    if any(name.startswith(prefix) for prefix in rule.get("except", [])):
        return False
    only = rule.get("only")
    return not only or any(name.startswith(prefix) for prefix in only)


def findings(text: str, lang: str, name: str, content: Content) -> list[tuple[str, str]]:
    found = []
    for pattern, rule in FORBIDDEN[lang]:
        if applies(rule, name):
            found += [(f"forbidden {m.group(0)!r} ({rule['why']})", text[max(0, m.start() - 50):m.end() + 30])
                      for m in pattern.finditer(text)]
    foreign = text
    for phrase in GLOSSARY["allowed"][OTHER[lang]]:
        foreign = foreign.replace(phrase, " ")
    other = OTHER_WORDS[OTHER[lang]]
    for block in foreign.split(BREAK):
        words = WORD.findall(block)
        for i, w in enumerate(words):
            if w.lower() not in other:
                continue
            if lang == "en" and content.holds(words, i):
                continue  # what members wrote (the demo is Dutch)
            around = " ".join(words[max(0, i - 6):i + 7])
            found.append((f"{OTHER[lang]} word {w!r} in …{around}…", ""))
    return found


class Pages:
    def __init__(self):
        self.world = World()
        from marketplace.models import Marketplace
        from participants import preferences
        from participants.models import User

        self.users = {p: User.objects.get(email=e) for p, e in PERSONAS.items() if e and p in MEMBERS}
        w = self.world
        self.tokens = {
            "invitation_detail": [w.invitation.token],
            "email_unsubscribe": preferences.unsubscribe_url(self.users["participant"], "digest").rstrip("/")
            .split("/")[-2:],
            "marketplace_entry": [Marketplace.objects.get(pk=w.marketplace.pk).public_token],
        }

    def urls(self, persona: str):
        """(url name, url) of every HTML page this persona may see."""
        for name, route in sorted(project_urls().items()):
            who = TABLE[name][0]
            if name in self.tokens:
                if persona != "anonymous":
                    continue
                yield name, reverse(name, args=self.tokens[name] if name != "email_unsubscribe" else self.tokens[name])
                continue
            if who == TOKEN or not who or persona not in who:
                continue
            if who == ALL and persona != "anonymous" and name in ("privacy", "healthz"):
                continue  # once is enough
            yield name, reverse(name, args=self.world.args(name, route))
        for name, who in ACCOUNT_PAGES.items():
            if (who == "anonymous") == (persona == "anonymous"):
                yield name, reverse(name)

    def forms(self):
        """(url name, url) of every page with a form the facilitator may send: sent empty, it comes back
        with the validation messages (Django's, allauth's and the portal's)."""
        for name, route in sorted(project_urls().items()):
            get, post = TABLE[name]
            if TOKEN in (get, post) or NOBODY in (get, post) or "facilitator" not in get or "facilitator" not in post:
                continue
            yield name, reverse(name, args=self.world.args(name, route))


def client_for(pages: Pages, persona: str, lang: str) -> Client:
    client = Client(headers={"accept-language": lang})
    client.cookies["django_language"] = lang
    if persona != "anonymous":
        user = pages.users[persona]
        user.language = lang
        user.save(update_fields=["language"])
        client.force_login(user)
    return client


def shown(response) -> bool:
    return response.status_code == 200 and response["Content-Type"].startswith(SHOWN)


def flows(client: Client, lang: str, pages: Pages):
    """Pages after an action: a sign-up with a weak password, a wrong login, a right one with its flash
    message (from a login page in the other language), logging out, deleting the account."""
    signup = client.post(reverse("account_signup"), {"email": "nieuw@example.org", "name": "Nieuw",
                                                     "password1": "1234", "password2": "1234"})
    yield "account_signup (weak password)", signup
    yield "account_login (wrong)", client.post(reverse("account_login"), {"login": "participant@demo.example",
                                                                         "password": "fout"})
    user = pages.users["participant"]
    user.language = lang
    user.save(update_fields=["language"])
    other = Client(headers={"accept-language": OTHER[lang]})  # the login page was in the other language
    other.cookies["django_language"] = OTHER[lang]
    yield "account_login (flash)", other.post(reverse("account_login"), {
        "login": "participant@demo.example", "password": "lerende-gemeenschap"}, follow=True)
    yield "account_logout (flash)", other.post(reverse("account_logout"), follow=True)
    # deleting the account: the page after it, and its message, in the language the person was reading
    # (rolled back: the participant stays for the next pass)
    other.force_login(user)
    with transaction.atomic():
        yield "account_delete (flash)", other.post(reverse("account_delete"), {"confirm": "on"}, follow=True)
        transaction.set_rollback(True)


def collect():
    pages = Pages()
    content = demo_content()
    found, contexts, rendered = defaultdict(list), {}, 0
    for lang in LANGS:
        for persona in ("anonymous", "participant", "core", "coordinator", "facilitator"):
            client = client_for(pages, persona, lang)
            for name, url in pages.urls(persona):
                response = client.get(url)
                if not shown(response):
                    continue
                rendered += 1
                for f, around in findings(visible_text(response.content.decode(), lang), lang, name, content):
                    found[f].append(f"{lang} {persona} {url}")
                    contexts.setdefault(f, around)
            if persona == "facilitator":
                for name, url in pages.forms():
                    with transaction.atomic():
                        response = client.post(url, {})
                        transaction.set_rollback(True)
                    if shown(response) or (response.status_code == 400 and response["Content-Type"].startswith(SHOWN)):
                        rendered += 1
                        for f, around in findings(visible_text(response.content.decode(), lang), lang, name, content):
                            found[f].append(f"{lang} {persona} POST {url}")
                            contexts.setdefault(f, around)
            if persona in ("anonymous",):
                for name, response in flows(client, lang, pages):
                    if shown(response):
                        rendered += 1
                        for f, around in findings(visible_text(response.content.decode(), lang), lang, name, content):
                            found[f].append(f"{lang} {persona} {name}")
                            contexts.setdefault(f, around)
    return found, contexts, rendered


def test_every_page_speaks_one_vocabulary():
    found, contexts, rendered = collect()
    lines = [f"{what}{f' in …{contexts[what]}…' if contexts.get(what) else ''}\n"
             f"    on {len(where)} page(s): {', '.join(sorted(set(where))[:4])}" for what, where in sorted(found.items())]
    count = sum(len(w) for w in found.values())
    summary = f"{rendered} pages read; {len(found)} distinct strings found, {count} times"
    if os.environ.get("LG_VOCABULARY_REPORT"):
        print("\n".join(lines))
        print(summary)
        return
    assert not found, summary + "\n" + "\n".join(lines)
